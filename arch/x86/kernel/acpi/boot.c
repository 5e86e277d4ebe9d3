/*
 * Just enough ACPI to leave the machine: find the RSDP, walk the
 * RSDT/XSDT to the FADT, and read the PM1 control ports, the reset
 * register and the sleep type of state S5 (soft off) from the DSDT.
 * No AML interpreter: the \_S5 package is a constant we can decode.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <acpi/actbl.h>
#include <acpi/actbl2.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/page.h>
#include <asm/setup.h>

struct acpi_pm_info acpi_pm;
static const struct acpi_table_rsdp *acpi_rsdp;

static bool acpi_checksum_ok(const void *p, u32 len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

/* The RSDP lives on a 16-byte boundary in the BIOS area. */
static const struct acpi_table_rsdp *__init acpi_scan_rsdp(phys_addr_t start,
							   phys_addr_t end)
{
	for (; start < end; start += 16) {
		const struct acpi_table_rsdp *r = __va(start);

		if (!memcmp(r->signature, "RSD PTR ", 8) &&
		    acpi_checksum_ok(r, 20))
			return r;
	}
	return NULL;
}

static const struct acpi_table_rsdp *__init acpi_find_rsdp(void)
{
	phys_addr_t ebda;

	if (acpi_rsdp_phys)
		return __va(acpi_rsdp_phys);
	ebda = (phys_addr_t)(*(u16 *)__va(0x40e)) << 4;
	if (ebda >= 0x80000 && ebda < 0xa0000) {
		const struct acpi_table_rsdp *r =
			acpi_scan_rsdp(ebda, ebda + 1024);

		if (r)
			return r;
	}
	return acpi_scan_rsdp(0xe0000, 0x100000);
}

static struct acpi_table_header *acpi_map_table(u64 phys)
{
	struct acpi_table_header *t;

	if (!phys || phys >= (4ULL << 30)) /* only the early 4 GiB map */
		return NULL;
	t = __va(phys);
	if (!acpi_checksum_ok(t, t->length))
		return NULL;
	return t;
}

/**
 * acpi_get_table - find an ACPI table by its 4-character signature.
 *
 * Returns the table, or NULL if absent or its checksum is wrong.
 */
struct acpi_table_header *acpi_get_table(const char *signature)
{
	struct acpi_table_header *root, *t;
	bool xsdt;
	u32 i, n;

	if (!acpi_rsdp)
		return NULL;
	xsdt = acpi_rsdp->revision >= 2 && acpi_rsdp->xsdt_physical_address;
	root = acpi_map_table(xsdt ? acpi_rsdp->xsdt_physical_address :
				     acpi_rsdp->rsdt_physical_address);
	if (!root)
		return NULL;
	n = (root->length - sizeof(*root)) / (xsdt ? 8 : 4);
	for (i = 0; i < n; i++) {
		const u8 *entry = (const u8 *)(root + 1) + i * (xsdt ? 8 : 4);
		u64 phys = 0;

		memcpy(&phys, entry, xsdt ? 8 : 4); /* may be unaligned */
		t = acpi_map_table(phys);
		if (t && !memcmp(t->signature, signature, 4))
			return t;
	}
	return NULL;
}

/* One element of a constant AML package: Zero, One, or a byte. */
static const u8 *aml_small_int(const u8 *p, u8 *val)
{
	if (*p == 0x0a) { /* BytePrefix */
		*val = p[1];
		return p + 2;
	}
	*val = *p == 0x01 ? 1 : 0; /* OneOp / ZeroOp */
	return p + 1;
}

/*
 * Find "Name(_S5_, Package() { SLP_TYPa, SLP_TYPb, ... })" in the DSDT:
 * NameOp (0x08), the name, PackageOp (0x12), a PkgLength of 1-4 bytes
 * (count in the top two bits of the first), NumElements, elements.
 */
static void __init acpi_parse_s5(const struct acpi_table_header *dsdt)
{
	const u8 *p = (const u8 *)(dsdt + 1);
	const u8 *end = (const u8 *)dsdt + dsdt->length - 8;

	for (; p < end; p++) {
		if (memcmp(p, "_S5_", 4) || (p[-1] != 0x08 && p[-1] != '\\'))
			continue;
		p += 4;
		if (*p != 0x12)
			return;
		p += 1 + ((p[1] >> 6) & 3) + 1; /* PackageOp, PkgLength */
		p++; /* NumElements */
		p = aml_small_int(p, &acpi_pm.s5_slp_typa);
		aml_small_int(p, &acpi_pm.s5_slp_typb);
		acpi_pm.s5_valid = true;
		return;
	}
}

static void __init acpi_parse_fadt(const struct acpi_table_fadt *fadt)
{
	const struct acpi_table_header *dsdt;
	u64 dsdt_phys = fadt->dsdt;

	acpi_pm.pm1a_control = fadt->pm1a_control_block;
	acpi_pm.pm1b_control = fadt->pm1b_control_block;
	if (fadt->header.length >=
		    offsetof(struct acpi_table_fadt, arm_boot_flags) &&
	    (fadt->flags & ACPI_FADT_RESET_REGISTER)) {
		acpi_pm.reset_valid = true;
		acpi_pm.reset_reg = fadt->reset_register;
		acpi_pm.reset_value = fadt->reset_value;
	}
	if (fadt->header.length >= sizeof(*fadt) && fadt->Xdsdt)
		dsdt_phys = fadt->Xdsdt;
	dsdt = acpi_map_table(dsdt_phys);
	if (dsdt)
		acpi_parse_s5(dsdt);
}

/**
 * acpi_boot_table_init - locate the ACPI tables the kernel uses at boot.
 *
 * From setup_arch(); boot CPU.  Without ACPI, power-off falls back to
 * halting and restart to the keyboard controller.
 */
void __init acpi_boot_table_init(void)
{
	const struct acpi_table_fadt *fadt;

	acpi_rsdp = acpi_find_rsdp();
	if (!acpi_rsdp) {
		pr_info("ACPI: no RSDP found; power-off will halt\n");
		return;
	}
	pr_info("ACPI: RSDP %#llx (v%02d %.6s)\n", (u64)__pa(acpi_rsdp),
		acpi_rsdp->revision, acpi_rsdp->oem_id);
	fadt = (const void *)acpi_get_table("FACP");
	if (!fadt) {
		pr_warn("ACPI: no FADT; power-off will halt\n");
		return;
	}
	acpi_parse_fadt(fadt);
	pr_info("ACPI: PM1a control %#x, S5 %s (SLP_TYPa %u), reset %s\n",
		acpi_pm.pm1a_control, acpi_pm.s5_valid ? "found" : "missing",
		acpi_pm.s5_slp_typa,
		acpi_pm.reset_valid ? "register" : "via 8042");
}

/*
 * The MADT: where the interrupt controllers are.  Each entry is a
 * (type, length) header and a body; unknown types are skipped by their
 * length, as the specification allows.
 */
static const char *const madt_polarity[] = { "dfl", "high", "res", "low" };
static const char *const madt_trigger[] = { "dfl", "edge", "res", "level" };

static void __init acpi_parse_lapic(const struct acpi_madt_local_apic *p)
{
	bool enabled = p->lapic_flags & ACPI_MADT_ENABLED;

	pr_info("ACPI: LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] %s)\n",
		p->processor_id, p->id, enabled ? "enabled" : "disabled");
	if (enabled)
		generic_processor_info(p->id);
}

static void __init acpi_parse_ioapic(const struct acpi_madt_io_apic *p)
{
	pr_info("ACPI: IOAPIC (id[0x%02x] address[%#x] gsi_base[%u])\n", p->id,
		p->address, p->global_irq_base);
	mp_register_ioapic(p->id, p->address, p->global_irq_base);
}

static void __init
acpi_parse_int_src_ovr(const struct acpi_madt_interrupt_override *p)
{
	pr_info("ACPI: INT_SRC_OVR (bus %u bus_irq %u global_irq %u %s %s)\n",
		p->bus, p->source_irq, p->global_irq,
		madt_polarity[p->inti_flags & MP_IRQPOL_MASK],
		madt_trigger[(p->inti_flags & MP_IRQTRIG_MASK) >> 2]);
	if (p->bus == 0)
		mp_override_legacy_irq(p->source_irq, p->inti_flags,
				       p->global_irq);
}

static void __init acpi_parse_madt_entry(const struct acpi_subtable_header *h)
{
	switch (h->type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		acpi_parse_lapic((const void *)h);
		break;
	case ACPI_MADT_TYPE_IO_APIC:
		acpi_parse_ioapic((const void *)h);
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		acpi_parse_int_src_ovr((const void *)h);
		break;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE:
		register_lapic_address(
			((const struct acpi_madt_local_apic_override *)h)
				->address);
		break;
	}
}

/**
 * acpi_boot_init - read the MADT: local APIC address, processors,
 * I/O APICs and ISA interrupt overrides.
 *
 * Boot CPU, from setup_arch().  Without a MADT the local APIC is assumed
 * at its default address and there is no I/O APIC.
 */
void __init acpi_boot_init(void)
{
	const struct acpi_table_madt *madt;
	const u8 *p, *end;

	madt = (const void *)acpi_get_table("APIC");
	if (!madt) {
		pr_warn("ACPI: no MADT; no I/O APIC\n");
		return;
	}
	register_lapic_address(madt->address);
	p = (const u8 *)(madt + 1);
	end = (const u8 *)madt + madt->header.length;
	while (p + sizeof(struct acpi_subtable_header) <= end) {
		const struct acpi_subtable_header *h = (const void *)p;

		if (h->length < sizeof(*h) || p + h->length > end)
			break;
		acpi_parse_madt_entry(h);
		p += h->length;
	}
}

/*
 * I/O APICs (asm/io_apic.h): route the chipset's interrupt pins to
 * vectors on the local APICs.
 *
 * Interrupt numbers follow Linux: ISA IRQ n stays irq n wherever the
 * MADT says it is wired (irq 0, the PIT, is GSI 2 on QEMU and most
 * PCs), and any other pin's irq is its GSI.  A pin gets the ISA vector
 * of its irq or an allocated one, is programmed masked, and is
 * unmasked when the line's first handler is requested.
 *
 * Edge pins use handle_edge_irq and are acknowledged by the local
 * APIC EOI.  Level pins use handle_fasteoi_irq: the I/O APIC holds the
 * pin (remote IRR) until the local APIC's EOI, which it broadcasts to
 * the I/O APICs, so the EOI at the end is all the masking needed.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>

#define IO_APIC_MMIO_SIZE 0x1000

struct ioapic {
	u32 id;
	u32 phys;
	u32 gsi_base;
	u32 nr_pins;
	u32 version;
	void *base;
};

/* How an ISA IRQ reaches the I/O APIC: its GSI and MPS INTI flags. */
struct isa_irq_route {
	u32 gsi;
	u16 flags;
	bool overridden;
};

static struct ioapic ioapics[MAX_IO_APICS];
int nr_ioapics;
static struct isa_irq_route isa_routes[NR_IRQS_LEGACY];
static DEFINE_SPINLOCK(ioapic_lock);

static u32 io_apic_read(struct ioapic *ioa, u32 reg)
{
	*(volatile u32 *)((char *)ioa->base + IO_APIC_REGSEL) = reg;
	return *(volatile u32 *)((char *)ioa->base + IO_APIC_WINDOW);
}

static void io_apic_write(struct ioapic *ioa, u32 reg, u32 val)
{
	*(volatile u32 *)((char *)ioa->base + IO_APIC_REGSEL) = reg;
	*(volatile u32 *)((char *)ioa->base + IO_APIC_WINDOW) = val;
}

/* Destination first, so the entry is never live with a stale one. */
static void ioapic_write_entry(struct ioapic *ioa, u32 pin, u32 lo, u32 hi)
{
	unsigned long flags;

	spin_lock_irqsave(&ioapic_lock, flags);
	io_apic_write(ioa, IO_APIC_REDTBL(pin) + 1, hi);
	io_apic_write(ioa, IO_APIC_REDTBL(pin), lo);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static void ioapic_modify_lo(struct irq_data *d, u32 clear, u32 set)
{
	struct ioapic *ioa = d->chip_data;
	u32 reg = IO_APIC_REDTBL(d->hwirq), lo;
	unsigned long flags;

	spin_lock_irqsave(&ioapic_lock, flags);
	lo = io_apic_read(ioa, reg);
	io_apic_write(ioa, reg, (lo & ~clear) | set);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

static void mask_ioapic_irq(struct irq_data *d)
{
	ioapic_modify_lo(d, 0, IO_APIC_MASKED);
}

static void unmask_ioapic_irq(struct irq_data *d)
{
	ioapic_modify_lo(d, IO_APIC_MASKED, 0);
}

static void ioapic_ack(struct irq_data *d)
{
	apic_eoi();
}

/* The pin will not raise a lost edge again: send the vector ourselves. */
static int ioapic_retrigger_irq(struct irq_data *d)
{
	struct irq_cfg *cfg = irq_cfg(d->irq);

	apic_send_IPI(cfg->dest_apicid, cfg->vector);
	return 1;
}

static unsigned int startup_ioapic_irq(struct irq_data *d)
{
	unmask_ioapic_irq(d);
	return 0;
}

static int ioapic_set_type(struct irq_data *d, unsigned int type)
{
	u32 set = 0;

	if (type & IRQ_TYPE_LEVEL_MASK)
		set |= IO_APIC_TRIGGER_LEVEL;
	if (type & (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_EDGE_FALLING))
		set |= IO_APIC_POLARITY_LOW;
	ioapic_modify_lo(d, IO_APIC_TRIGGER_LEVEL | IO_APIC_POLARITY_LOW, set);
	return 0;
}

static struct irq_chip ioapic_chip = {
	.name = "IO-APIC",
	.irq_startup = startup_ioapic_irq,
	.irq_mask = mask_ioapic_irq,
	.irq_unmask = unmask_ioapic_irq,
	.irq_ack = ioapic_ack,
	.irq_eoi = ioapic_ack,
	.irq_retrigger = ioapic_retrigger_irq,
	.irq_set_type = ioapic_set_type,
};

/**
 * mp_register_ioapic - note an I/O APIC from the MADT.
 * @id: its APIC ID
 * @address: physical address of its registers
 * @gsi_base: the GSI of its pin 0
 */
void __init mp_register_ioapic(int id, u32 address, u32 gsi_base)
{
	struct ioapic *ioa;

	if (nr_ioapics >= MAX_IO_APICS) {
		pr_warn("IOAPIC: more than %d; %#x ignored\n", MAX_IO_APICS,
			address);
		return;
	}
	ioa = &ioapics[nr_ioapics++];
	ioa->id = id;
	ioa->phys = address;
	ioa->gsi_base = gsi_base;
}

/**
 * mp_override_legacy_irq - note an MADT interrupt source override.
 * @bus_irq: the ISA IRQ
 * @inti_flags: MPS INTI polarity and trigger
 * @gsi: where it really arrives
 */
void __init mp_override_legacy_irq(u8 bus_irq, u16 inti_flags, u32 gsi)
{
	if (bus_irq >= NR_IRQS_LEGACY)
		return;
	isa_routes[bus_irq].gsi = gsi;
	isa_routes[bus_irq].flags = inti_flags;
	isa_routes[bus_irq].overridden = true;
}

static u32 isa_irq_gsi(unsigned int irq)
{
	return isa_routes[irq].overridden ? isa_routes[irq].gsi : irq;
}

/**
 * mp_irq_to_gsi - the GSI an interrupt number arrives on, or -1.
 * @irq: the interrupt number
 */
int mp_irq_to_gsi(unsigned int irq)
{
	return irq < NR_IRQS_LEGACY ? (int)isa_irq_gsi(irq) : (int)irq;
}

/* The interrupt number of a GSI, or -1 for a pin no irq uses. */
static int gsi_to_irq(u32 gsi)
{
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS_LEGACY; irq++)
		if (isa_irq_gsi(irq) == gsi)
			return irq;
	if (gsi < NR_IRQS_LEGACY || gsi >= NR_IRQS)
		return -1; /* an ISA line moved elsewhere, or too large */
	return gsi;
}

/*
 * Trigger and polarity: what the override says, else the bus default
 * (ISA: edge, active high; PCI, all pins past the ISA ones: level,
 * active low).
 */
static unsigned int irq_trigger_type(unsigned int irq)
{
	bool isa = irq < NR_IRQS_LEGACY;
	u16 f = isa ? isa_routes[irq].flags : 0;
	bool level, low;

	switch (f & MP_IRQTRIG_MASK) {
	case MP_IRQTRIG_EDGE:
		level = false;
		break;
	case MP_IRQTRIG_LEVEL:
		level = true;
		break;
	default:
		level = !isa;
	}
	switch (f & MP_IRQPOL_MASK) {
	case MP_IRQPOL_ACTIVE_HIGH:
		low = false;
		break;
	case MP_IRQPOL_ACTIVE_LOW:
		low = true;
		break;
	default:
		low = !isa;
	}
	if (level)
		return low ? IRQ_TYPE_LEVEL_LOW : IRQ_TYPE_LEVEL_HIGH;
	return low ? IRQ_TYPE_EDGE_FALLING : IRQ_TYPE_EDGE_RISING;
}

static void __init setup_ioapic_irq(struct ioapic *ioa, u32 pin,
				    unsigned int irq)
{
	unsigned int type = irq_trigger_type(irq);
	bool level = type & IRQ_TYPE_LEVEL_MASK;
	struct irq_desc *desc = irq_to_desc(irq);
	int vector;
	u32 lo;

	if (irq < NR_IRQS_LEGACY) {
		vector = ISA_IRQ_VECTOR(irq);
		if (bind_irq_vector(irq, vector))
			vector = -EINVAL;
	} else {
		vector = assign_irq_vector(irq);
	}
	if (vector < 0) {
		pr_err("IOAPIC: no vector for irq %u\n", irq);
		return;
	}
	irq_set_chip_and_handler_name(
		irq, &ioapic_chip, level ? handle_fasteoi_irq : handle_edge_irq,
		level ? "fasteoi" : "edge");
	irq_set_chip_data(irq, ioa);
	desc->irq_data.hwirq = pin;
	desc->irq_data.state &= ~(IRQD_TRIGGER_MASK | IRQD_LEVEL);
	desc->irq_data.state |= type | (level ? IRQD_LEVEL : 0);

	lo = vector | IO_APIC_MASKED;
	if (level)
		lo |= IO_APIC_TRIGGER_LEVEL;
	if (type & (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_EDGE_FALLING))
		lo |= IO_APIC_POLARITY_LOW;
	ioapic_write_entry(ioa, pin, lo, irq_cfg(irq)->dest_apicid << 24);
}

static void __init setup_one_ioapic(struct ioapic *ioa)
{
	u32 pin, ver;

	ioa->base = ioremap(ioa->phys, IO_APIC_MMIO_SIZE);
	if (!ioa->base) {
		pr_err("IOAPIC: cannot map %#x\n", ioa->phys);
		return;
	}
	ver = io_apic_read(ioa, IO_APIC_VERSION);
	ioa->version = ver & 0xff;
	ioa->nr_pins = ((ver >> 16) & 0xff) + 1;
	pr_info("IOAPIC[%d]: apic_id %u, version %u, address %#x, GSI %u-%u\n",
		(int)(ioa - ioapics), ioa->id, ioa->version, ioa->phys,
		ioa->gsi_base, ioa->gsi_base + ioa->nr_pins - 1);
	for (pin = 0; pin < ioa->nr_pins; pin++) {
		int irq = gsi_to_irq(ioa->gsi_base + pin);

		ioapic_write_entry(ioa, pin, IO_APIC_MASKED, 0);
		if (irq < 0)
			continue;
		if (irq >= NR_IRQS_LEGACY)
			irq_reserve_irqs(irq, 1);
		setup_ioapic_irq(ioa, pin, irq);
	}
}

/**
 * setup_IO_APIC - program every I/O APIC pin, masked.
 *
 * Boot CPU, irqs off, after setup_local_APIC().
 */
void __init setup_IO_APIC(void)
{
	int i;

	if (!nr_ioapics) {
		pr_warn("IOAPIC: none found; device interrupts unavailable\n");
		return;
	}
	for (i = 0; i < nr_ioapics; i++)
		setup_one_ioapic(&ioapics[i]);
}

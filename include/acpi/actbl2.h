#ifndef _ACPI_ACTBL2_H
#define _ACPI_ACTBL2_H

#include <acpi/actbl.h>

/*
 * The Multiple APIC Description Table ("APIC"; ACPI specification
 * 5.2.12): the local APIC address, then a list of variable-length
 * entries describing the interrupt controllers and how ISA IRQs map to
 * I/O APIC inputs.
 */
struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address; /* local APIC physical address */
	u32 flags;
} __attribute__((packed));

#define ACPI_MADT_PCAT_COMPAT (1 << 0) /* 8259s present */

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __attribute__((packed));

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_NMI_SOURCE = 3,
	ACPI_MADT_TYPE_LOCAL_APIC_NMI = 4,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5,
	ACPI_MADT_TYPE_LOCAL_X2APIC = 9,
};

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;
	u8 id;
	u32 lapic_flags;
} __attribute__((packed));

#define ACPI_MADT_ENABLED (1 << 0)

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __attribute__((packed));

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus; /* 0: ISA */
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags; /* MPS INTI: polarity bits 0-1, trigger 2-3 */
} __attribute__((packed));

struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;
	u16 reserved;
	u64 address;
} __attribute__((packed));

/* arch/x86/kernel/acpi/boot.c: read the MADT into the APIC code. */
void acpi_boot_init(void);

#endif /* _ACPI_ACTBL2_H */

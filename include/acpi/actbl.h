#ifndef _ACPI_ACTBL_H
#define _ACPI_ACTBL_H

#include <linux/types.h>

/* ACPI table layouts (ACPI specification, chapter 5.2). */

struct acpi_table_rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum;
	char oem_id[6];
	u8 revision; /* 0: ACPI 1.0 (RSDT only); 2: has XSDT */
	u32 rsdt_physical_address;
	u32 length;
	u64 xsdt_physical_address;
	u8 extended_checksum;
	u8 reserved[3];
} __attribute__((packed));

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __attribute__((packed));

/* Generic address structure. */
struct acpi_generic_address {
	u8 space_id; /* 0: memory, 1: I/O port */
	u8 bit_width;
	u8 bit_offset;
	u8 access_width;
	u64 address;
} __attribute__((packed));

#define ACPI_ADR_SPACE_SYSTEM_IO 1

/* The fixed ACPI description table, up to the fields we use. */
struct acpi_table_fadt {
	struct acpi_table_header header;
	u32 facs;
	u32 dsdt;
	u8 model;
	u8 preferred_profile;
	u16 sci_interrupt;
	u32 smi_command;
	u8 acpi_enable;
	u8 acpi_disable;
	u8 s4_bios_request;
	u8 pstate_control;
	u32 pm1a_event_block;
	u32 pm1b_event_block;
	u32 pm1a_control_block;
	u32 pm1b_control_block;
	u32 pm2_control_block;
	u32 pm_timer_block;
	u32 gpe0_block;
	u32 gpe1_block;
	u8 pm1_event_length;
	u8 pm1_control_length;
	u8 pm2_control_length;
	u8 pm_timer_length;
	u8 gpe0_block_length;
	u8 gpe1_block_length;
	u8 gpe1_base;
	u8 cst_control;
	u16 c2_latency;
	u16 c3_latency;
	u16 flush_size;
	u16 flush_stride;
	u8 duty_offset;
	u8 duty_width;
	u8 day_alarm;
	u8 month_alarm;
	u8 century;
	u16 boot_flags;
	u8 reserved;
	u32 flags;
	struct acpi_generic_address reset_register;
	u8 reset_value;
	u16 arm_boot_flags;
	u8 minor_revision;
	u64 Xfacs;
	u64 Xdsdt;
} __attribute__((packed));

#define ACPI_FADT_RESET_REGISTER (1 << 10)

#define ACPI_SLP_TYP_SHIFT 10
#define ACPI_SLP_EN (1 << 13)

struct acpi_table_header *acpi_get_table(const char *signature);
void acpi_boot_table_init(void);

/* What the reboot code needs, filled in by acpi_boot_table_init(). */
struct acpi_pm_info {
	u16 pm1a_control;
	u16 pm1b_control;
	bool s5_valid;
	u8 s5_slp_typa;
	u8 s5_slp_typb;
	bool reset_valid;
	struct acpi_generic_address reset_reg;
	u8 reset_value;
};

extern struct acpi_pm_info acpi_pm;

#endif /* _ACPI_ACTBL_H */

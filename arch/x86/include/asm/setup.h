#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>

/* The initrd the boot loader left in memory (unpacked by init/initramfs). */
extern phys_addr_t initrd_start_phys;
extern u64 initrd_size;
extern u64 acpi_rsdp_phys;

void setup_arch(char **cmdline_p);
void x86_64_start_kernel(unsigned long start_info_pa);
void early_serial_init(void);

#endif /* _ASM_X86_SETUP_H */

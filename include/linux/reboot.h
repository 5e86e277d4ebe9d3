#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/*
 * Leaving the machine (arch/x86/kernel/reboot.c): power off through
 * ACPI, restart through the ACPI reset register or the keyboard
 * controller.  Neither returns; if the hardware ignores us, the CPU
 * halts forever.
 */
__noreturn void machine_power_off(void);
__noreturn void machine_restart(void);
__noreturn void machine_halt(void);
__noreturn void emergency_restart(void);

/*
 * Under QEMU with `-device isa-debug-exit,iobase=0xf4,iosize=4`, end
 * the emulator with exit status (@code << 1) | 1.  Returns if the
 * device is absent.  Tests use 0 for "passed", 1 for "failed".
 */
void qemu_debug_exit(int code);

#endif /* _LINUX_REBOOT_H */

/*
 * Power-off and restart.  Power-off writes the S5 sleep type with
 * SLP_EN to the ACPI PM1 control ports.  Restart tries the ACPI reset
 * register, then the 8042 keyboard controller's reset line, then a
 * triple fault (an empty IDT and an exception), which resets any PC.
 */
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <acpi/actbl.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/processor.h>

#define QEMU_DEBUG_EXIT_PORT 0xf4

/** qemu_debug_exit - end QEMU with status (@code << 1) | 1; see reboot.h. */
void qemu_debug_exit(int code)
{
	outl(code, QEMU_DEBUG_EXIT_PORT);
}

/** machine_halt - stop this CPU for good, interrupts off. */
void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		native_halt();
}

static void acpi_power_off(void)
{
	if (!acpi_pm.pm1a_control || !acpi_pm.s5_valid)
		return;
	outw((acpi_pm.s5_slp_typa << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN,
	     acpi_pm.pm1a_control);
	if (acpi_pm.pm1b_control)
		outw((acpi_pm.s5_slp_typb << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN,
		     acpi_pm.pm1b_control);
}

/** machine_power_off - turn the machine off through ACPI S5. */
void machine_power_off(void)
{
	local_irq_disable();
	pr_emerg("Power down\n");
	acpi_power_off();
	pr_emerg("reboot: power-off failed; halting\n");
	machine_halt();
}

static void acpi_reboot(void)
{
	const struct acpi_generic_address *r = &acpi_pm.reset_reg;

	if (acpi_pm.reset_valid && r->space_id == ACPI_ADR_SPACE_SYSTEM_IO)
		outb(acpi_pm.reset_value, r->address);
}

/* Pulse the CPU reset line through the 8042's output port. */
static void kbd_reboot(void)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (!(inb(0x64) & 0x02)) /* input buffer empty */
			break;
		io_delay();
	}
	outb(0xfe, 0x64);
}

static void triple_fault(void)
{
	static const struct desc_ptr no_idt = { 0, 0 };

	load_idt(&no_idt);
	asm volatile("int3");
}

/** machine_restart - reset the machine. */
void machine_restart(void)
{
	local_irq_disable();
	pr_emerg("Restarting system\n");
	acpi_reboot();
	kbd_reboot();
	triple_fault();
	machine_halt();
}

/** emergency_restart - restart at once, from any state (e.g. panic). */
void emergency_restart(void)
{
	machine_restart();
}

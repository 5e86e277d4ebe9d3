/*
 * panic(), BUG() and WARN(): the kernel's last words.
 */
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/current.h>

/* panic=N: restart N seconds after a panic; at once if N < 0; 0: hang. */
int panic_timeout;
unsigned long warn_count;

static int __init panic_setup(char *str)
{
	if (kstrtoint(str, 0, &panic_timeout))
		return 0;
	return 1;
}
early_param("panic", panic_setup);

/**
 * panic - halt the system after a fatal error.
 * @fmt: what went wrong
 *
 * Any context.  Prints the message and a backtrace, then waits for
 * panic_timeout and restarts (with QEMU's -no-reboot, that ends QEMU).
 * Never returns.
 */
void panic(const char *fmt, ...)
{
	static char buf[1024];
	static int in_panic;
	va_list args;

	local_irq_disable();
	if (in_panic++) /* a panic while panicking: just stop */
		machine_halt();
	oops_in_progress = 1;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	smp_send_stop(); /* the other CPUs must not run on */
	if (panic_timeout > 0) {
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		mdelay((unsigned long)panic_timeout * 1000);
	}
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_timeout != 0)
		emergency_restart();
	machine_halt();
}

/**
 * __warn - report a WARN_ON() hit with a backtrace; the kernel goes on.
 * @file: source file of the WARN
 * @line: its line
 * @fmt: optional message (NULL for WARN_ON)
 */
void __warn(const char *file, int line, const char *fmt, ...)
{
	va_list args;

	warn_count++;
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d\n", smp_processor_id(),
		current->pid, file, line);
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	dump_stack();
	pr_warn("---[ end trace ]---\n");
}

/**
 * __bug - BUG(): the kernel cannot safely continue.
 */
void __bug(const char *file, int line)
{
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
	panic("BUG");
}

/*
 * reboot(2): power off, halt or restart the machine, for root only
 * (CAP_SYS_BOOT), guarded by Linux's magic numbers so a stray call
 * cannot do it.  Before the machine goes, printk says so and the
 * consoles have written everything (they are synchronous).
 */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216

#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON 0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2 0xA1B2C3D4
#define LINUX_REBOOT_CMD_SW_SUSPEND 0xD000FCE2
#define LINUX_REBOOT_CMD_KEXEC 0x45584543

static int cad_enabled = 1; /* Ctrl-Alt-Del reboots (no keyboard yet) */

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg)
{
	char buf[256];

	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		pr_emerg("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_RESTART2:
		if (strncpy_from_user(buf, arg, sizeof(buf)) < 0)
			return -EFAULT;
		buf[sizeof(buf) - 1] = '\0';
		pr_emerg("reboot: Restarting system with command '%s'\n", buf);
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("reboot: Power down\n");
		machine_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
		cad_enabled = 1;
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		cad_enabled = 0;
		return 0;
	case LINUX_REBOOT_CMD_SW_SUSPEND:
	case LINUX_REBOOT_CMD_KEXEC:
		return -ENOSYS; /* no hibernation, no kexec */
	default:
		return -EINVAL;
	}
}

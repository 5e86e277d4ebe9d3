/*
 * TODO(merge): the entry work provides the FPU part of signal frames
 * (arch/x86/kernel/fpu/signal.c).  Until then frames carry no FPU
 * state: fpstate is NULL and rt_sigreturn leaves the registers alone.
 */
#include <linux/kernel.h>
#include <asm/fpu/signal.h>

unsigned long __weak fpu_sigframe_size(void)
{
	return 0;
}

int __weak copy_fpstate_to_sigframe(void __user *buf)
{
	return 0;
}

int __weak fpu__restore_sig(void __user *buf)
{
	return 0;
}

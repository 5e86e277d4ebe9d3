#ifndef _HOST_ASM_IRQFLAGS_H
#define _HOST_ASM_IRQFLAGS_H

/*
 * Host-test shim: a simulated interrupt flag.  host_irqs_disabled is
 * defined by the test program, which can check that code under test
 * left interrupts as it found them.
 */
#include <linux/types.h>

extern bool host_irqs_disabled;

static inline unsigned long arch_local_save_flags(void)
{
	return host_irqs_disabled ? 0 : 1;
}

static inline void arch_local_irq_disable(void)
{
	host_irqs_disabled = true;
}

static inline void arch_local_irq_enable(void)
{
	host_irqs_disabled = false;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags)
		arch_local_irq_enable();
}

static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return !flags;
}

#endif /* _HOST_ASM_IRQFLAGS_H */

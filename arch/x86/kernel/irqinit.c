/*
 * init_IRQ(): from the firmware's interrupt controllers to a working
 * do_IRQ().  In order: the descriptors, the vector allocator, this
 * CPU's irq stack, the 8259s out of the way, and the local and I/O
 * APICs programmed (setup_arch() has read the MADT).  Interrupts stay
 * off; start_kernel() enables them once the tick and the softirqs are
 * ready.
 */
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/percpu.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/i8259.h>
#include <asm/irq.h>
#include <asm/irq_stack.h>

/**
 * init_IRQ - set up interrupt handling on the boot CPU.
 *
 * Boot CPU, irqs off, after the memory allocators (ioremap) exist.
 */
void __init init_IRQ(void)
{
	early_irq_init();
	init_vectors();
	irq_init_percpu_irqstack(smp_processor_id());
	init_8259A();
	apic_intr_mode_init(); /* the MADT was read in setup_arch() */
}

#ifndef _ASM_X86_HW_IRQ_H
#define _ASM_X86_HW_IRQ_H

#include <linux/types.h>
#include <linux/percpu.h>
#include <asm/irq_vectors.h>

struct irq_desc;
struct pt_regs;

/*
 * Which vector an interrupt line arrives on, and at which CPU (its
 * local APIC ID).  The I/O APIC routes pins with it; retriggering sends
 * the vector to that CPU.
 */
struct irq_cfg {
	unsigned int vector;
	unsigned int dest_apicid;
};

struct irq_cfg *irq_cfg(unsigned int irq);

/*
 * Per CPU: the descriptor behind each vector, what do_IRQ() looks up.
 * NULL for exceptions, system vectors and free vectors.
 */
typedef struct irq_desc *vector_irq_t[NR_VECTORS];
DECLARE_PER_CPU(vector_irq_t, vector_irq);

/* arch/x86/kernel/apic/vector.c */
int assign_irq_vector(unsigned int irq);
int bind_irq_vector(unsigned int irq, unsigned int vector);
void clear_irq_vector(unsigned int irq);
void lapic_online_vectors(void);
void init_vectors(void);

/*
 * System vectors (LOCAL_TIMER_VECTOR and up) have no irq_desc: do_IRQ()
 * calls their handler straight away, in hardirq context.  On Linux each
 * has its own IDT stub; here all vectors share the stubs of entry_64.S
 * and this table picks the handler.
 */
typedef void (*sysvec_handler_t)(struct pt_regs *regs);
void alloc_intr_gate(unsigned int vector, sysvec_handler_t handler);

#endif /* _ASM_X86_HW_IRQ_H */

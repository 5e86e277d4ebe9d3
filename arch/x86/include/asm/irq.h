#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <linux/atomic.h>
#include <asm/irq_vectors.h>

struct pt_regs;

/* Interrupt controllers, vectors and irq stacks (irqinit.c). */
void init_IRQ(void);

/* APIC errors (ERR in /proc/interrupts) and lost edges (MIS). */
extern atomic_t irq_err_count;
extern atomic_t irq_mis_count;

#endif /* _ASM_X86_IRQ_H */

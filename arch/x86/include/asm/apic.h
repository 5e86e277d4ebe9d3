#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <linux/types.h>
#include <linux/percpu.h>
#include <asm/apicdef.h>

/*
 * The local APIC: every CPU's own interrupt controller.  It takes
 * interrupts from the I/O APIC and from other CPUs (IPIs), delivers
 * them by priority, wants an EOI after each, and has a timer, which is
 * the tick (seed 001: "系统定时器").
 */
extern void *apic_mmio_base;
extern unsigned int boot_cpu_physical_apicid;
extern unsigned long mp_lapic_addr;
extern unsigned int lapic_timer_period; /* timer counts per tick */
extern unsigned int num_processors;
extern u32 x86_cpu_apicids[];

static inline u32 apic_read(u32 reg)
{
	return *(volatile u32 *)((char *)apic_mmio_base + reg);
}

static inline void apic_write(u32 reg, u32 val)
{
	*(volatile u32 *)((char *)apic_mmio_base + reg) = val;
}

/* End of interrupt: lets lower-priority vectors through again. */
static inline void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

static inline unsigned int read_apic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

struct irq_chip;
/* For lines that are only a vector, raised by IPIs (apic.c). */
extern struct irq_chip lapic_chip;

void register_lapic_address(unsigned long address);
void generic_processor_info(u32 apicid);
void apic_intr_mode_init(void);
void setup_local_APIC(void);
void setup_boot_APIC_clock(void);
void setup_secondary_APIC_clock(void);
bool apic_has_tsc_deadline(void);
void apic_send_IPI_self(unsigned int vector);
void apic_send_IPI_allbutself(unsigned int vector);
void apic_send_IPI(unsigned int apicid, unsigned int vector);

struct pt_regs;

DECLARE_PER_CPU(u32, x86_cpu_to_apicid);

/* Where IPIs land; the scheduler and smp_call_function fill them in. */
void sysvec_reschedule_ipi(struct pt_regs *regs);
void sysvec_call_function(struct pt_regs *regs);

#endif /* _ASM_X86_APIC_H */

#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

/*
 * The IDT's 256 vectors, laid out as on Linux:
 *
 *	0x00-0x1f  CPU exceptions (asm/traps.h)
 *	0x20-0x2f  reserved (Linux's IRQ_MOVE_CLEANUP_VECTOR lives at 0x20)
 *	0x30-0x3f  the 16 ISA interrupts, fixed: ISA_IRQ_VECTOR(irq)
 *	0x40-0xeb  device interrupts, allocated (apic/vector.c)
 *	0xec-0xff  system vectors: local APIC timer, IPIs, APIC error and
 *	           spurious, each with its own handler, no irq_desc
 *
 * The local APIC prioritises by the vector's upper nibble, so system
 * vectors at the top win over device interrupts.
 */
#define NMI_VECTOR 0x02

#define FIRST_EXTERNAL_VECTOR 32
#define IRQ_MOVE_CLEANUP_VECTOR FIRST_EXTERNAL_VECTOR

#define ISA_IRQ_VECTOR(irq) (((FIRST_EXTERNAL_VECTOR + 16) & ~15) + (irq))
#define FIRST_DEVICE_VECTOR ISA_IRQ_VECTOR(16)

/* The APIC never EOIs the spurious vector; its low nibble must be 0xf. */
#define SPURIOUS_APIC_VECTOR 0xff
#define ERROR_APIC_VECTOR 0xfe
#define RESCHEDULE_VECTOR 0xfd
#define CALL_FUNCTION_VECTOR 0xfc
#define CALL_FUNCTION_SINGLE_VECTOR 0xfb
#define THERMAL_APIC_VECTOR 0xfa
#define THRESHOLD_APIC_VECTOR 0xf9
#define REBOOT_VECTOR 0xf8
#define IRQ_WORK_VECTOR 0xf6
#define LOCAL_TIMER_VECTOR 0xec

#define FIRST_SYSTEM_VECTOR LOCAL_TIMER_VECTOR
#define NR_VECTORS 256

#define NR_IRQS_LEGACY 16

/*
 * Interrupt numbers (irq_desc slots): the ISA IRQs, then one per I/O
 * APIC pin (irq == GSI), then what irq_alloc_desc() hands out.  More
 * than one CPU has device vectors, and /proc/interrupts stays 3 digits
 * wide.
 */
#define NR_IRQS 256

#endif /* _ASM_X86_IRQ_VECTORS_H */

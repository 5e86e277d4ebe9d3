#ifndef _ASM_X86_APICDEF_H
#define _ASM_X86_APICDEF_H

/*
 * Local APIC registers (xAPIC, memory mapped; Intel SDM vol. 3,
 * "Local APIC Register Address Map").  Each is 32 bits wide at a
 * 16-byte aligned offset from the APIC base.
 */
#define APIC_DEFAULT_PHYS_BASE 0xfee00000
#define APIC_SIZE 0x1000

#define APIC_ID 0x20
#define APIC_LVR 0x30 /* version; bits 16-23: max LVT entry */
#define APIC_TASKPRI 0x80
#define APIC_EOI 0xb0
#define APIC_LDR 0xd0
#define APIC_DFR 0xe0
#define APIC_SPIV 0xf0
#define APIC_SPIV_APIC_ENABLED (1 << 8)
#define APIC_ISR 0x100 /* 8 registers, 0x10 apart */
#define APIC_IRR 0x200
#define APIC_ESR 0x280
#define APIC_ICR 0x300
#define APIC_ICR2 0x310 /* destination in bits 24-31 */
#define APIC_LVTT 0x320
#define APIC_LVTTHMR 0x330
#define APIC_LVTPC 0x340
#define APIC_LVT0 0x350
#define APIC_LVT1 0x360
#define APIC_LVTERR 0x370
#define APIC_TMICT 0x380
#define APIC_TMCCT 0x390
#define APIC_TDCR 0x3e0

/* Fields of the LVT entries. */
#define APIC_LVT_MASKED (1 << 16)
#define APIC_LVT_TIMER_ONESHOT (0 << 17)
#define APIC_LVT_TIMER_PERIODIC (1 << 17)
#define APIC_LVT_TIMER_TSCDEADLINE (2 << 17)
#define APIC_LVT_LEVEL_TRIGGER (1 << 15)
#define APIC_DM_FIXED 0x00000
#define APIC_DM_NMI 0x00400
#define APIC_DM_EXTINT 0x00700

/* Timer divide configuration: divide by 16. */
#define APIC_TDR_DIV_16 0x3

/* Fields of the interrupt command register. */
#define APIC_DEST_SELF 0x40000
#define APIC_DEST_ALLINC 0x80000
#define APIC_DEST_ALLBUT 0xc0000
#define APIC_ICR_BUSY 0x01000
#define APIC_INT_ASSERT 0x04000
#define APIC_DEST_PHYSICAL 0x00000
/* SMP bring-up (smpboot.c): INIT and STARTUP, INIT being level-triggered. */
#define APIC_DM_INIT 0x00500
#define APIC_DM_STARTUP 0x00600
#define APIC_INT_LEVELTRIG 0x08000

#define MSR_IA32_TSC_DEADLINE 0x6e0

/* IA32_APIC_BASE MSR bits. */
#define X2APIC_ENABLE (1UL << 10)
#define MSR_IA32_APICBASE_ENABLE (1UL << 11)
#define MSR_IA32_APICBASE_BASE (0xfffff << 12)

#endif /* _ASM_X86_APICDEF_H */

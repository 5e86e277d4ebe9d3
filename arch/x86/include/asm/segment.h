#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

/*
 * The GDT layout is Linux's, so selectors seen in a register dump read
 * the same: syscall/sysret need KERNEL_CS/DS adjacent and USER32_CS,
 * USER_DS, USER_CS in that order.
 */
#define GDT_ENTRY_KERNEL32_CS 1
#define GDT_ENTRY_KERNEL_CS 2
#define GDT_ENTRY_KERNEL_DS 3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS 8 /* 16 bytes: entries 8 and 9 */
#define GDT_ENTRY_CPUNODE 15 /* limit = node << 12 | cpu, for the vDSO */
#define GDT_ENTRIES 16

#define __KERNEL32_CS (GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS (GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)
#define __CPUNODE_SEG (GDT_ENTRY_CPUNODE * 8 + 3)

/* Interrupt stack table slots of the TSS (1-based in the IDT entry). */
#define IST_INDEX_DF 0
#define IST_INDEX_NMI 1
#define IST_INDEX_DB 2
#define IST_INDEX_MCE 3
#define N_EXCEPTION_STACKS 4

#endif /* _ASM_X86_SEGMENT_H */

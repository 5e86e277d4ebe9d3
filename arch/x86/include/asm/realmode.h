#ifndef _ASM_X86_REALMODE_H
#define _ASM_X86_REALMODE_H

/*
 * The SMP trampoline (arch/x86/kernel/trampoline_64.S): the code an AP
 * runs after its STARTUP IPI, in real mode, from a page below 1 MiB.
 * Its header is filled in by the boot CPU (trampoline.c) before each
 * start: where to jump, which control registers and page tables to
 * load, and the AP's stack and per-CPU base.
 *
 * The offsets are shared with the assembly; struct trampoline_header
 * lays them out for C (trampoline.c checks they agree).
 */
#define TH_PM_ENTRY 0 /* far pointer (u32 offset, u16 selector) */
#define TH_GDT_LIMIT 8 /* lgdt operand: u16 limit... */
#define TH_GDT_BASE 10 /* ...then u32 base */
#define TH_LM_ENTRY 16 /* far pointer to the 64-bit code */
#define TH_CR0 24
#define TH_CR3 28 /* the trampoline's own page tables, below 4 GiB */
#define TH_CR4 32
#define TH_EFER 40
#define TH_START 48 /* secondary_startup_64, a kernel address */
#define TH_STACK 56 /* top of the AP's idle stack */
#define TH_GS_BASE 64 /* the AP's per-CPU offset */
#define TH_KERNEL_CR3 72 /* init_top_pgt, loaded in the kernel half */
#define TH_SIZE 80

/* Selectors of the trampoline's own GDT. */
#define TR_CS32 0x08
#define TR_DS32 0x10
#define TR_CS64 0x18

#ifndef __ASSEMBLY__
#include <linux/compiler.h>
#include <linux/types.h>

struct task_struct;

struct trampoline_header {
	u32 pm_entry;
	u16 pm_cs;
	u16 pad0;
	u16 gdt_limit;
	u32 gdt_base;
	u16 pad1;
	u32 lm_entry;
	u16 lm_cs;
	u16 pad2;
	u32 cr0;
	u32 cr3;
	u32 cr4;
	u32 pad3;
	u64 efer;
	u64 start;
	u64 stack;
	u64 gs_base;
	u64 kernel_cr3;
} __packed;

/* The blob, its header and GDT, and the 32/64-bit parts, in .rodata. */
extern const char trampoline_start[], trampoline_end[];
extern const char trampoline_header[], trampoline_gdt[], trampoline_gdt_end[];
extern const char trampoline_pm[], trampoline_lm[];
/* The kernel-half entry the trampoline jumps to (.text). */
extern const char secondary_startup_64[];

void reserve_real_mode(void);
int setup_real_mode(void);
unsigned long trampoline_set_cpu(struct task_struct *idle,
				 unsigned long gs_base);
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_REALMODE_H */

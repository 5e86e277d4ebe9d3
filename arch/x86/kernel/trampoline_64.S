/*
 * The SMP trampoline: from an AP's STARTUP IPI to the kernel's C code.
 *
 * The blob between trampoline_start and trampoline_end is copied to a
 * page below 1 MiB (trampoline.c); the STARTUP IPI's vector names that
 * page, and the AP starts at its first byte in real mode with
 * CS = page >> 4, IP = 0.  From there, in three steps:
 *
 *   16-bit  load the blob's GDT, set CR0.PE, far jump        (real mode)
 *   32-bit  CR4 (PAE), CR3 (the trampoline's page tables),
 *           EFER (LME, NX), CR0 (PG): long mode, far jump    (protected)
 *   64-bit  stack and %gs base of this CPU, jump to the
 *           kernel half: secondary_startup_64                (long mode)
 *
 * The trampoline's page tables map the low 2 MiB 1:1 and executable
 * (the code runs there while paging turns on) plus the whole kernel
 * half of init_top_pgt; secondary_startup_64 then switches to
 * init_top_pgt itself, whose user half stays empty.
 *
 * The blob's code addresses itself relative to its start: in real mode
 * through DS = CS, later through %esi = its linear base.  Absolute
 * addresses (the far jump targets, the GDT base) are patched into the
 * header by the boot CPU, which knows where the copy lies.  Nothing
 * here uses a stack, and interrupts stay off (the IDT is empty: an NMI
 * now would shut the CPU down rather than run garbage).
 */
#include <linux/linkage.h>
#include <asm/msr.h>
#include <asm/processor-flags.h>
#include <asm/realmode.h>

#define HDR(field) (field + (trampoline_header - trampoline_start))

	.section .rodata, "a"
	.balign 16
	.code16
SYM_DATA_START(trampoline_start)
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	movzwl	%ax, %esi
	shll	$4, %esi		/* the blob's linear base, kept to the end */

	lidtl	(trampoline_idt - trampoline_start)
	lgdtl	HDR(TH_GDT_LIMIT)

	/*
	 * PE only: this also clears CD and NW, which INIT leaves set, so
	 * caching is on from here.
	 */
	movl	$X86_CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*HDR(TH_PM_ENTRY)

	.code32
SYM_DATA_START(trampoline_pm)
	movl	$TR_DS32, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs

	movl	HDR(TH_CR4)(%esi), %eax	/* the boot CPU's, PAE and PGE at least */
	movl	%eax, %cr4
	movl	HDR(TH_CR3)(%esi), %eax
	movl	%eax, %cr3

	/* EFER.NX before paging: the kernel's PTEs have the NX bit. */
	movl	$MSR_EFER, %ecx
	movl	HDR(TH_EFER)(%esi), %eax
	movl	HDR(TH_EFER + 4)(%esi), %edx
	wrmsr

	/* PG with LME set: long mode, for now in 32-bit compatibility. */
	movl	HDR(TH_CR0)(%esi), %eax
	movl	%eax, %cr0
	ljmpl	*HDR(TH_LM_ENTRY)(%esi)

	.code64
SYM_DATA_START(trampoline_lm)
	/* Upper halves of registers are undefined after the mode switch. */
	movl	%esi, %esi
	movq	HDR(TH_STACK)(%rsi), %rsp
	movl	$MSR_GS_BASE, %ecx
	movl	HDR(TH_GS_BASE)(%rsi), %eax
	movl	HDR(TH_GS_BASE + 4)(%rsi), %edx
	wrmsr
	movq	HDR(TH_KERNEL_CR3)(%rsi), %rbx
	movq	HDR(TH_START)(%rsi), %rax
	jmp	*%rax

	.balign 8
trampoline_idt:
	.word	0			/* limit 0: no vector is valid */
	.long	0
	.word	0

	.balign 8
SYM_DATA_START(trampoline_gdt)
	.quad	0
	.quad	0x00cf9a000000ffff	/* TR_CS32: 4 GiB flat code, 32-bit */
	.quad	0x00cf92000000ffff	/* TR_DS32: 4 GiB flat data */
	.quad	0x00af9a000000ffff	/* TR_CS64: 64-bit code */
SYM_DATA_START(trampoline_gdt_end)

	.balign 8
SYM_DATA_START(trampoline_header)
	.skip	TH_SIZE
SYM_DATA_START(trampoline_end)

/*
 * The AP in the kernel half, still on the trampoline's page tables,
 * with its idle stack, its %gs base, and init_top_pgt's physical
 * address in %rbx.  The low mapping goes with the CR3 load (it is not
 * global); the kernel half is the same in both tables.  The GDT still
 * lies in the trampoline page, now unmapped: cpu_init() loads this
 * CPU's own before any segment register is touched again.
 */
	.text
	.code64
SYM_CODE_START(secondary_startup_64)
	movq	%rbx, %cr3
	xorl	%ebp, %ebp		/* ends frame-pointer backtraces */
	call	start_secondary
1:	hlt
	jmp	1b
SYM_CODE_END(secondary_startup_64)

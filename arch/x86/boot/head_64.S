/*
 * The first instructions of Linnet.
 *
 * QEMU (and Xen) enter here through the PVH ELF note: 32-bit protected
 * mode, paging off, flat segments, %ebx = physical address of the
 * struct hvm_start_info.  We load page tables that map the first 4 GiB
 * three times (identity, direct map at PAGE_OFFSET, kernel image at
 * __START_KERNEL_map), switch to long mode and jump to the higher half.
 * Everything here runs before any C, at physical addresses.
 */
#include <linux/linkage.h>
#include <asm/page_types.h>
#include <asm/processor-flags.h>
#include <asm/msr.h>

#define pa(x) ((x) - __START_KERNEL_map)

#define PTE_PRESENT 0x001
#define PTE_RW 0x002
#define PTE_PSE 0x080
#define PDE_FLAGS (PTE_PRESENT | PTE_RW | PTE_PSE)
#define PGT_FLAGS (PTE_PRESENT | PTE_RW)

/* The PVH entry point, announced to the loader as a physical address. */
	.pushsection .note.Xen, "a"
	.balign 4
	.long 4			/* name size */
	.long 8			/* descriptor size */
	.long 18		/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.balign 4
	.quad pa(pvh_start_xen)
	.balign 4
	.popsection

	.section .head.text, "ax"
	.code32
SYM_CODE_START(pvh_start_xen)
	cli
	cld
	movl	%ebx, %esi		/* keep the start_info for C */

	lgdt	pa(early_gdt_desc)
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	$pa(early_boot_stack_end), %esp

	/* PAE on: long mode needs it. */
	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4

	movl	$pa(early_top_pgt), %eax
	movl	%eax, %cr3

	/* EFER: long mode, plus no-execute when the CPU has it. */
	movl	$0x80000001, %eax
	cpuid
	movl	%edx, %edi
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	btl	$20, %edi
	jnc	1f
	orl	$EFER_NX, %eax
1:	wrmsr

	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_PE | X86_CR0_WP), %eax
	movl	%eax, %cr0

	ljmp	$0x08, $pa(startup_64)
SYM_CODE_END(pvh_start_xen)

	.code64
SYM_CODE_START(startup_64)
	/* Still at a physical address: jump to the kernel's own mapping. */
	movabsq	$.Lhigh, %rax
	jmp	*%rax
.Lhigh:
	xorl	%eax, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %fs
	movl	%eax, %gs
	movl	$0x10, %eax
	movl	%eax, %ss

	/* .bss is not in the file; clear it before C reads it. */
	movq	$__bss_start, %rdi
	movq	$__bss_stop, %rcx
	subq	%rdi, %rcx
	shrq	$3, %rcx
	xorl	%eax, %eax
	rep stosq

	movq	$(init_thread_union + THREAD_SIZE), %rsp
	xorl	%ebp, %ebp
	movl	%esi, %edi		/* zero-extends: start_info phys */
	call	x86_64_start_kernel
2:	hlt
	jmp	2b
SYM_CODE_END(startup_64)

	.section .data..page_aligned, "aw"
	.balign PAGE_SIZE
/*
 * PML4: slot 0 identity (dropped once C runs), slot 272 the direct map
 * at 0xffff880000000000, slot 511 the kernel image.  All three share
 * the same four page directories of 2 MiB pages covering 0..4 GiB.
 */
SYM_DATA_START(early_top_pgt)
	.quad	pa(early_ident_pud) + PGT_FLAGS
	.fill	271, 8, 0
	.quad	pa(early_ident_pud) + PGT_FLAGS
	.fill	238, 8, 0
	.quad	pa(early_kernel_pud) + PGT_FLAGS
SYM_DATA_END(early_top_pgt)

SYM_DATA_START(early_ident_pud)
	.quad	pa(early_pmd) + PGT_FLAGS
	.quad	pa(early_pmd) + PAGE_SIZE + PGT_FLAGS
	.quad	pa(early_pmd) + 2 * PAGE_SIZE + PGT_FLAGS
	.quad	pa(early_pmd) + 3 * PAGE_SIZE + PGT_FLAGS
	.fill	508, 8, 0
SYM_DATA_END(early_ident_pud)

/* 0xffffffff80000000 is PUD slot 510 of PML4 slot 511. */
SYM_DATA_START(early_kernel_pud)
	.fill	510, 8, 0
	.quad	pa(early_pmd) + PGT_FLAGS
	.quad	pa(early_pmd) + PAGE_SIZE + PGT_FLAGS
SYM_DATA_END(early_kernel_pud)

SYM_DATA_START(early_pmd)
	i = 0
	.rept	2048
	.quad	(i << PMD_SHIFT) + PDE_FLAGS
	i = i + 1
	.endr
SYM_DATA_END(early_pmd)

	.data
	.balign 16
early_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: flat data */
early_gdt_end:
early_gdt_desc:
	.word	early_gdt_end - early_gdt - 1
	.long	pa(early_gdt)

	.section .bss..page_aligned, "aw", @nobits
	.balign PAGE_SIZE
early_boot_stack:
	.skip	PAGE_SIZE
early_boot_stack_end:

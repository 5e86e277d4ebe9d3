/*
 * User programs for entry_test.c.  They are copied to ET_CODE and run in
 * ring 3, so they are position independent: relative jumps, absolute
 * addresses only for the user pages of entry_test.h.  On entry %rdi is
 * the task's result block and %rsi an argument.
 */
#include <linux/linkage.h>
#include <asm/unistd.h>
#include "entry_test.h"

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

	.section .rodata, "a"
	.balign 16

/* arch_prctl(code, %rsi), the result to slot(%r15). */
.macro arch_prctl code, slot
	movl	$__NR_arch_prctl, %eax
	movl	$\code, %edi
	syscall
	movq	%rax, \slot(%r15)
.endm

/* The syscall ABI, arch_prctl and -ENOSYS; then exit(42). */
SYM_DATA_START(entry_test_abi)
	movq	%rdi, %r15
	leaq	R_FSAREA(%r15), %rsi
	arch_prctl ARCH_SET_FS, R_SETFS
	movq	%fs:0, %rax
	movq	%rax, R_FS0(%r15)
	leaq	R_GETFS(%r15), %rsi
	arch_prctl ARCH_GET_FS, R_GETFS_RET
	movl	$0x10000, %esi			/* unmapped */
	arch_prctl ARCH_GET_FS, R_GETFS_UNMAPPED
	movabsq	$0xffff880000001000, %rsi	/* the kernel's direct map */
	arch_prctl ARCH_GET_FS, R_GETFS_KERNEL
	arch_prctl ARCH_SET_FS, R_SETFS_KERNEL
	xorl	%esi, %esi
	arch_prctl 0x9999, R_BAD_CODE
	leaq	R_GSAREA(%r15), %rsi
	arch_prctl ARCH_SET_GS, R_SETGS
	leaq	R_GETGS(%r15), %rsi
	arch_prctl ARCH_GET_GS, R_GETGS_RET

	movl	$1000, %eax
	syscall
	movq	%rax, R_NR_1000(%r15)
	movl	$__NR_acct, %eax
	syscall
	movq	%rax, R_NR_UNIMPL(%r15)
	movabsq	$0x1000003e8, %rax
	syscall
	movq	%rax, R_NR_HIGH(%r15)

	/* Every register but rax, rcx, r11 survives; rcx/r11 = rip/rflags. */
	movabsq	$0x1111111111111111, %rbx
	movabsq	$0x2222222222222222, %rbp
	movabsq	$0x3333333333333333, %r12
	movabsq	$0x4444444444444444, %r13
	movabsq	$0x5555555555555555, %r14
	movabsq	$0x6666666666666666, %rdi
	movabsq	$0x7777777777777777, %rsi
	movabsq	$0x8888888888888888, %rdx
	movabsq	$0x9999999999999999, %r10
	movabsq	$0xaaaaaaaaaaaaaaaa, %r8
	movabsq	$0xbbbbbbbbbbbbbbbb, %r9
	movl	$1000, %eax
	stc				/* a flag to find in r11 */
	syscall
1:	movq	%rax, R_ABI_RET(%r15)
	pushfq
	popq	%rax
	movq	%rax, R_ABI_FLAGS(%r15)
	movq	%rcx, R_ABI_RCX(%r15)
	movq	%r11, R_ABI_R11(%r15)
	leaq	1b(%rip), %rax
	movq	%rax, R_ABI_RIP(%r15)
	movq	%rbx, R_ABI_REGS + 0x00(%r15)
	movq	%rbp, R_ABI_REGS + 0x08(%r15)
	movq	%r12, R_ABI_REGS + 0x10(%r15)
	movq	%r13, R_ABI_REGS + 0x18(%r15)
	movq	%r14, R_ABI_REGS + 0x20(%r15)
	movq	%r15, R_ABI_REGS + 0x28(%r15)
	movq	%rdi, R_ABI_REGS + 0x30(%r15)
	movq	%rsi, R_ABI_REGS + 0x38(%r15)
	movq	%rdx, R_ABI_REGS + 0x40(%r15)
	movq	%r10, R_ABI_REGS + 0x48(%r15)
	movq	%r8, R_ABI_REGS + 0x50(%r15)
	movq	%r9, R_ABI_REGS + 0x58(%r15)

	movl	$__NR_exit, %eax
	movl	$42, %edi
	syscall
	ud2
SYM_DATA_END(entry_test_abi)

/*
 * Load SSE and x87 state particular to token %rsi (1 or 2), wait twice
 * for the other task (pinned to the same CPU) to have run, store the
 * registers, exit(0).  If the switch lost or mixed up the state, the
 * stored values show it.
 */
SYM_DATA_START(entry_test_fpu)
	movq	%rdi, %r15
	movq	%rsi, %r14
	movabsq	$0x0101010101010101, %rax
	imulq	%r14, %rax
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	addq	$1, %rax
	movq	%rax, %xmm\n
	punpcklqdq %xmm\n, %xmm\n
	.endr
	movl	%r14d, %eax			/* ET_MXCSR(token) */
	shll	$13, %eax
	orl	$0x1f80, %eax
	movl	%eax, R_MXCSR(%r15)
	ldmxcsr	R_MXCSR(%r15)
	movl	%r14d, %eax			/* ET_FCW(token) */
	shll	$10, %eax
	xorl	$0x037f, %eax
	movw	%ax, R_FCW(%r15)
	fldcw	R_FCW(%r15)
	movl	$0, R_MXCSR(%r15)
	movw	$0, R_FCW(%r15)

	movl	$ET_DATA + ET_COUNT1, %ebx
	call	2f
	movl	$ET_DATA + ET_COUNT2, %ebx
	call	2f

	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	movdqu	%xmm\n, R_XMM + 16 * \n(%r15)
	.endr
	stmxcsr	R_MXCSR(%r15)
	fnstcw	R_FCW(%r15)
	movl	$__NR_exit, %eax
	xorl	%edi, %edi
	syscall
	ud2

	/* Count ourselves in at (%rbx), spin until both are. */
2:	lock incq (%rbx)
3:	pause
	cmpq	$2, (%rbx)
	jb	3b
	ret
SYM_DATA_END(entry_test_fpu)

/* Raise exception number %rsi in user mode (see entry_test.c). */
SYM_DATA_START(entry_test_fault)
	cmpq	$0, %rsi
	je	10f
	cmpq	$1, %rsi
	je	11f
	cmpq	$2, %rsi
	je	12f
	cmpq	$3, %rsi
	je	13f
	movabsq	$0x8000000000000000, %rax	/* non-canonical: #GP */
	movq	(%rax), %rax
10:	ud2
11:	xorl	%ecx, %ecx
	movl	$1, %eax
	divl	%ecx
12:	int3
13:	hlt
	movl	$__NR_exit, %eax
	movl	$99, %edi
	syscall
SYM_DATA_END(entry_test_fault)
	.globl entry_test_user_end
entry_test_user_end:

/*
 * Kernel entry from exceptions and interrupts.
 *
 * Each exception vector has a stub that makes the stack look the same
 * whether or not the CPU pushed an error code (-1 stands in for it),
 * saves %rdi and loads the C handler's address into it, and joins
 * idtentry_common, which completes struct pt_regs and calls
 *
 *	handler(struct pt_regs *regs, unsigned long error_code)
 *
 * Coming from user mode (CPL 3 in the saved CS) it also swaps GS so
 * that %gs is the kernel's per-CPU base.  The interrupted %rbp is left
 * alone, so a backtrace walks from the handler into the interrupted
 * code's callers.
 */
#include <linux/linkage.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

	.section .entry.text, "ax"

.macro idtentry asmsym cfunc has_error_code
SYM_CODE_START(\asmsym)
	.if \has_error_code == 0
	pushq	$-1
	.endif
	pushq	%rdi
	movq	$\cfunc, %rdi
	jmp	idtentry_common
SYM_CODE_END(\asmsym)
.endm

idtentry asm_exc_divide_error		exc_divide_error		0
idtentry asm_exc_debug			exc_debug			0
idtentry asm_exc_nmi			exc_nmi				0
idtentry asm_exc_int3			exc_int3			0
idtentry asm_exc_overflow		exc_overflow			0
idtentry asm_exc_bounds			exc_bounds			0
idtentry asm_exc_invalid_op		exc_invalid_op			0
idtentry asm_exc_device_not_available	exc_device_not_available	0
idtentry asm_exc_double_fault		exc_double_fault		1
idtentry asm_exc_coproc_segment_overrun	exc_coproc_segment_overrun	0
idtentry asm_exc_invalid_tss		exc_invalid_tss			1
idtentry asm_exc_segment_not_present	exc_segment_not_present		1
idtentry asm_exc_stack_segment		exc_stack_segment		1
idtentry asm_exc_general_protection	exc_general_protection		1
idtentry asm_exc_page_fault		exc_page_fault			1
idtentry asm_exc_spurious_interrupt_bug	exc_spurious_interrupt_bug	0
idtentry asm_exc_coprocessor_error	exc_coprocessor_error		0
idtentry asm_exc_alignment_check	exc_alignment_check		1
idtentry asm_exc_machine_check		exc_machine_check		0
idtentry asm_exc_simd_coprocessor_error	exc_simd_coprocessor_error	0
idtentry asm_exc_virtualization_exception exc_virtualization_exception	0
idtentry asm_exc_control_protection	exc_control_protection		1
idtentry asm_exc_reserved		exc_reserved			0

/* Entered with the handler in %rdi and the caller's %rdi pushed. */
SYM_CODE_START(idtentry_common)
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	testb	$3, PTREGS_CS(%rsp)
	jz	1f
	swapgs
1:	movq	%rdi, %rax
	movq	%rsp, %rdi
	movq	PTREGS_ORIG_AX(%rsp), %rsi
	call	*%rax
	testb	$3, PTREGS_CS(%rsp)
	jz	restore_regs_and_iret
	swapgs
SYM_CODE_END(idtentry_common)

SYM_CODE_START(restore_regs_and_iret)
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$8, %rsp		/* orig_ax */
	iretq
SYM_CODE_END(restore_regs_and_iret)

/*
 * Vectors 32..255: push the vector number where the error code would
 * be and call do_IRQ(regs, vector).  Stubs are IRQ_ENTRY_STUB_SIZE bytes
 * apart so idt.c can compute their addresses.
 */
	.balign 16
SYM_CODE_START(irq_entries_start)
	vector = 32
	.rept	(256 - 32)
	.balign 16
	pushq	$vector
	jmp	irq_common
	vector = vector + 1
	.endr
SYM_CODE_END(irq_entries_start)

SYM_CODE_START(irq_common)
	pushq	%rdi
	movq	$do_IRQ, %rdi
	jmp	idtentry_common
SYM_CODE_END(irq_common)

/*
 * void call_on_stack(void *stack, void *func, void *arg1, unsigned long arg2)
 *
 * Run func(arg1, arg2) on another stack (the irq stack, asm/irq_stack.h).
 * Our frame stays on the old stack and %rbp points at it, so func's
 * frame chains back across the switch for the backtrace; the new stack
 * top is 16-byte aligned, as the call needs.
 */
	.text
SYM_FUNC_START(call_on_stack)
	pushq	%rbp
	movq	%rsp, %rbp
	movq	%rdi, %rsp
	movq	%rsi, %rax
	movq	%rdx, %rdi
	movq	%rcx, %rsi
	call	*%rax
	leave
	ret
SYM_FUNC_END(call_on_stack)

/*
 * __switch_to_asm(prev, next, &prev->thread.sp, next->thread.sp)
 *
 * Save prev's callee-saved registers on its stack, store its stack
 * pointer, load next's, restore next's registers and finish in C
 * (__switch_to returns prev in %rax).  The layout is struct
 * inactive_task_frame.
 */
	.text
SYM_FUNC_START(__switch_to_asm)
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdx)
	movq	%rcx, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to
SYM_FUNC_END(__switch_to_asm)

/*
 * Where a new task starts: finish the switch that brought us here,
 * then run the kernel thread's function (rbx) with its argument (r12).
 * If it returns, the thread exits with its return value.
 */
SYM_CODE_START(ret_from_fork)
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	1f
	movq	%r12, %rdi
	call	*%rbx
	movq	%rax, %rdi
	call	do_exit
1:	ud2	/* user tasks come with the processes issue */
SYM_CODE_END(ret_from_fork)

/*
 * Kernel entry from exceptions, interrupts and the syscall instruction,
 * and the way back.
 *
 * Each exception vector has a stub that makes the stack look the same
 * whether or not the CPU pushed an error code (-1 stands in for it),
 * saves %rdi and loads the C handler's address into it, and joins
 * idtentry_common, which completes struct pt_regs and calls
 *
 *	handler(struct pt_regs *regs, unsigned long error_code)
 *
 * From kernel mode the interrupted %rbp is left alone, so a backtrace
 * walks from the handler into the interrupted code's callers.  From
 * user mode (CPL 3 in the saved CS) the entry swaps GS so that %gs is
 * the kernel's per-CPU base, makes sure the frame is on the task stack
 * (sync_regs), and on the way out runs the exit work
 * (irqentry_exit_to_user_mode: reschedule, signals) before swapping GS
 * back and returning with iretq.
 */
#include <linux/linkage.h>
#include <linux/errno.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

/*
 * With SMAP, user memory is reachable only while EFLAGS.AC is set (the
 * uaccess helpers' stac/clac).  An interrupt gate does not clear AC, so
 * every entry does; clac itself is #UD on CPUs without SMAP.
 */
.macro CLAC_IF_SMAP
	cmpb	$0, uaccess_smap(%rip)
	je	.Lno_smap_\@
	clac
.Lno_smap_\@:
.endm

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
	CLAC_IF_SMAP
	testb	$3, PTREGS_CS(%rsp)
	jnz	.Lfrom_user
	movq	%rdi, %rax
	movq	%rsp, %rdi
	movq	PTREGS_ORIG_AX(%rsp), %rsi
	call	*%rax
	jmp	restore_regs_and_iret

.Lfrom_user:
	swapgs
	movq	%rdi, %r12		/* the handler; user %r12 is saved */
	xorl	%ebp, %ebp		/* user %rbp means nothing to a backtrace */
	movq	%rsp, %rdi
	call	sync_regs		/* off an IST stack, onto the task's */
	movq	%rax, %rsp
	movq	%rsp, %rdi
	movq	PTREGS_ORIG_AX(%rsp), %rsi
	call	*%r12
	movq	%rsp, %rdi
	call	irqentry_exit_to_user_mode	/* returns with irqs off */
	swapgs
	jmp	restore_regs_and_iret
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
 * entry_SYSCALL_64 - the syscall instruction (MSR_LSTAR, cpu_init()).
 *
 * The CPU left the user's rip in %rcx, rflags in %r11, loaded kernel
 * CS/SS, and cleared IF (SYSCALL_MASK) -- but did not switch stacks: %rsp
 * is still the user's.  So: swap GS, park the user %rsp in a per-CPU
 * slot, move to the top of the task stack and build a struct pt_regs
 * there as an interrupt would have, with orig_ax = the syscall number
 * and ax = -ENOSYS.  do_syscall_64() enables irqs, runs the syscall and
 * the exit work and returns with irqs off.
 *
 * The way out is sysretq when it restores exactly the saved registers:
 * rcx == rip, r11 == rflags, the standard user CS/SS, a canonical rip
 * (sysret to a non-canonical rip faults in ring 0 on Intel, with the
 * user's %rsp), and no TF/RF (sysret would not honour them as iret
 * does).  Anything else -- a signal frame, exec, ptrace -- leaves by
 * iretq.
 */
SYM_CODE_START(entry_SYSCALL_64)
	swapgs
	movq	%rsp, %gs:cpu_syscall_user_sp
	movq	%gs:cpu_current_top_of_stack, %rsp
	pushq	$__USER_DS			/* ss */
	pushq	%gs:cpu_syscall_user_sp		/* sp */
	pushq	%r11				/* flags */
	pushq	$__USER_CS			/* cs */
	pushq	%rcx				/* ip */
	pushq	%rax				/* orig_ax */
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	$-ENOSYS			/* ax */
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
	xorl	%ebp, %ebp
	movq	%rsp, %rdi
	movslq	%eax, %rsi
	call	do_syscall_64

	movq	PTREGS_CX(%rsp), %rcx
	movq	PTREGS_IP(%rsp), %r11
	cmpq	%rcx, %r11
	jne	.Lsyscall_iret
	shlq	$16, %rcx			/* canonical: bits 63..47 equal */
	sarq	$16, %rcx
	cmpq	%rcx, %r11
	jne	.Lsyscall_iret
	movq	PTREGS_R11(%rsp), %r11
	cmpq	%r11, PTREGS_FLAGS(%rsp)
	jne	.Lsyscall_iret
	testq	$(X86_EFLAGS_TF | X86_EFLAGS_RF), %r11
	jnz	.Lsyscall_iret
	cmpq	$__USER_CS, PTREGS_CS(%rsp)
	jne	.Lsyscall_iret
	cmpq	$__USER_DS, PTREGS_SS(%rsp)
	jne	.Lsyscall_iret

	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11				/* == flags */
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx				/* == ip */
	popq	%rdx
	popq	%rsi
	popq	%rdi
	movq	PTREGS_SP - PTREGS_ORIG_AX(%rsp), %rsp	/* the user's */
	swapgs
	sysretq

.Lsyscall_iret:
	swapgs
	jmp	restore_regs_and_iret
SYM_CODE_END(entry_SYSCALL_64)

/*
 * Where a new task starts: finish the switch that brought us here.
 * %rsp is then the task's struct pt_regs.
 *
 * A kernel thread runs its function (rbx) with its argument (r12).  If
 * the function returns, either it has become a user task -- it exec'd:
 * start_thread() put user CS in its pt_regs -- and leaves for user mode
 * like a syscall returning, or the thread exits with the return value.
 * A user child (rbx = 0, copy_thread) leaves for user mode at once.
 */
SYM_CODE_START(ret_from_fork)
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	.Lret_to_user
	movq	%r12, %rdi
	call	*%rbx
	testb	$3, PTREGS_CS(%rsp)
	jnz	.Lret_to_user
	movq	%rax, %rdi
	call	do_exit
.Lret_to_user:
	movq	%rsp, %rdi
	call	syscall_exit_to_user_mode	/* returns with irqs off */
	swapgs
	jmp	restore_regs_and_iret
SYM_CODE_END(ret_from_fork)

/*
 * The page-fault handler (seed 000: demand paging, the stack that
 * grows on faults; seed 002: copy_to_user's faults end in -EFAULT).
 *
 * A fault on a kernel address is always a bug unless the faulting
 * instruction has an exception-table entry (*_nofault).  A fault on a
 * user address is resolved against the current mm's VMAs:
 *
 *	no VMA (and no stack to grow)   -> SIGSEGV, SEGV_MAPERR
 *	VMA forbids the access          -> SIGSEGV, SEGV_ACCERR
 *	handle_mm_fault() -> SIGBUS     -> SIGBUS, BUS_ADRERR
 *	handle_mm_fault() -> OOM        -> the task is killed
 *	otherwise the page is now mapped and the instruction restarts.
 *
 * In kernel mode the same resolution runs for the uaccess helpers (the
 * only kernel code allowed to touch user memory, each access listed in
 * the exception table); where user mode would get a signal, they get
 * their fixup (-EFAULT).  A kernel access to user memory outside them
 * -- or, with SMAP, outside stac/clac -- is an oops.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#include "mm_internal.h"

static void show_fault_oops(unsigned long address, unsigned long error_code)
{
	if (address < PAGE_SIZE && !(error_code & X86_PF_USER))
		pr_alert(
			"BUG: kernel NULL pointer dereference, address: %016lx\n",
			address);
	else
		pr_alert(
			"BUG: unable to handle page fault for address: %016lx\n",
			address);
	pr_alert("#PF: %s %s in %s mode\n",
		 error_code & X86_PF_USER ? "user" : "supervisor",
		 error_code & X86_PF_INSTR ? "instruction fetch" :
		 error_code & X86_PF_WRITE ? "write access" :
					     "read access",
		 error_code & X86_PF_USER ? "user" : "kernel");
	pr_alert("#PF: error_code(%#06lx) - %s\n", error_code,
		 !(error_code & X86_PF_PROT) ? "not-present page" :
		 error_code & X86_PF_RSVD    ? "reserved bit violation" :
					       "permissions violation");
}

static __noreturn void page_fault_oops(struct pt_regs *regs,
				       unsigned long error_code,
				       unsigned long address)
{
	show_fault_oops(address, error_code);
	die("Oops", regs, error_code);
}

/* A kernel-mode fault that cannot be satisfied: fixup, else oops. */
static void kernelmode_fixup_or_oops(struct pt_regs *regs,
				     unsigned long error_code,
				     unsigned long address)
{
	if (fixup_exception(regs))
		return;
	page_fault_oops(regs, error_code, address);
}

/* Is @sig going to kill the task (no handler installed)? */
static bool unhandled_signal(struct task_struct *tsk, int sig)
{
	return !tsk->sighand ||
	       tsk->sighand->action[sig - 1].sa.sa_handler == SIG_DFL;
}

/* Linux's one-line report of a user fault that is about to kill. */
static void show_signal_msg(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address, int sig)
{
	if (!unhandled_signal(current, sig))
		return;
	pr_info("%s[%d]: %s at %lx ip %lx sp %lx error %lx\n", current->comm,
		current->pid, sig == SIGBUS ? "bus error" : "segfault", address,
		regs->ip, regs->sp, error_code);
}

/* Does @vma forbid the access described by @error_code? */
static bool access_error(unsigned long error_code,
			 const struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	/* A read or fetch of a present page: NX or PROT_NONE said no. */
	if (error_code & X86_PF_PROT)
		return true;
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

/**
 * resolve_user_fault - try to satisfy a fault on a user address.
 * @regs: the faulting context (its mode picks FAULT_FLAG_USER)
 * @error_code: X86_PF_* bits
 * @address: the faulting address, below TASK_SIZE_MAX
 * @code: receives the si_code when a signal is due
 *
 * Process context, irqs on, may sleep; takes current->mm's mmap_lock
 * for reading.  Returns 0 when the page is now mapped, else the signal
 * the access deserves: SIGSEGV (*@code SEGV_MAPERR or SEGV_ACCERR),
 * SIGBUS (BUS_ADRERR) or SIGKILL (out of memory).
 */
int resolve_user_fault(struct pt_regs *regs, unsigned long error_code,
		       unsigned long address, int *code)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = 0;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	*code = SEGV_MAPERR;
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma)
		goto bad_area;
	if (vma->vm_start > address &&
	    (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, address)))
		goto bad_area;
	if (access_error(error_code, vma)) {
		*code = SEGV_ACCERR;
		goto bad_area;
	}
	fault = handle_mm_fault(vma, address, flags, regs);
	mmap_read_unlock(mm);
	if (!(fault & VM_FAULT_ERROR))
		return 0;
	if (fault & VM_FAULT_OOM)
		return SIGKILL;
	if (fault & VM_FAULT_SIGBUS) {
		*code = BUS_ADRERR;
		return SIGBUS;
	}
	return SIGSEGV;

bad_area:
	mmap_read_unlock(mm);
	return SIGSEGV;
}

/* The signal for a user-mode fault that could not be satisfied. */
static void user_fault_signal(struct pt_regs *regs, unsigned long error_code,
			      unsigned long address, int sig, int code)
{
	if (sig == SIGKILL) {
		pr_err("Out of memory: Killed process %d (%s)\n", current->pid,
		       current->comm);
		force_sig_fault(SIGKILL, 0, NULL);
		return;
	}
	show_signal_msg(regs, error_code, address, sig);
	force_sig_fault(sig, code, (void __user *)address);
}

static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	bool irqs_were_on = regs->flags & X86_EFLAGS_IF;
	int sig, code = SEGV_MAPERR;

	if (!user_mode(regs)) {
		/* SMAP: the kernel touched user memory outside stac/clac. */
		if (uaccess_smap && !(regs->flags & X86_EFLAGS_AC))
			page_fault_oops(regs, error_code, address);
		/* Only the uaccess helpers may touch user memory at all. */
		if (!search_exception_tables(regs->ip))
			page_fault_oops(regs, error_code, address);
		/* No sleeping here: the helper gets its -EFAULT. */
		if (in_atomic() || !irqs_were_on || !current->mm) {
			kernelmode_fixup_or_oops(regs, error_code, address);
			return;
		}
	} else if (!current->mm) {
		user_fault_signal(regs, error_code, address, SIGSEGV, code);
		return;
	}
	if (irqs_were_on)
		local_irq_enable();
	sig = resolve_user_fault(regs, error_code, address, &code);
	if (sig) {
		if (user_mode(regs))
			user_fault_signal(regs, error_code, address, sig, code);
		else
			kernelmode_fixup_or_oops(regs, error_code, address);
	}
	local_irq_disable();
}

/**
 * exc_page_fault - #PF handler.
 * @regs: the faulting context
 * @error_code: X86_PF_* bits from the CPU
 *
 * Entered with irqs off (interrupt gate).  CR2 holds the faulting
 * address; read it first, before anything can fault again and
 * overwrite it.  Irqs go back on (if the faulting context had them)
 * only for the user-address path, which may sleep.
 */
asmlinkage void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	if (address < TASK_SIZE_MAX) {
		do_user_addr_fault(regs, error_code, address);
		return;
	}
	/* A kernel address: from user mode, a plain segfault. */
	if (user_mode(regs)) {
		local_irq_enable();
		user_fault_signal(regs, error_code, address, SIGSEGV,
				  SEGV_MAPERR);
		local_irq_disable();
		return;
	}
	/* A fault the faulting code expected: *_nofault. */
	if (fixup_exception(regs))
		return;
	page_fault_oops(regs, error_code, address);
}

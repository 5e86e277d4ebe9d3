/*
 * The page-fault handler.  So far only the kernel's own faults exist,
 * and each is an oops: say what was accessed, how, and why it failed,
 * in the words of Linux's report.  Demand paging and user faults come
 * with the memory and processes issues.
 */
#include <linux/kernel.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

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

/**
 * exc_page_fault - #PF handler.
 * @regs: the faulting context
 * @error_code: X86_PF_* bits from the CPU
 *
 * CR2 holds the faulting address; read it first, before anything can
 * fault again and overwrite it.
 */
asmlinkage void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	/* A fault the faulting code expected: *_nofault, uaccess. */
	if (!user_mode(regs) && fixup_exception(regs))
		return;
	show_fault_oops(address, error_code);
	die("Oops", regs, error_code);
}

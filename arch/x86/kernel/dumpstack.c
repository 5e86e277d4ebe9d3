/*
 * Oops reports: register dumps and frame-pointer backtraces.
 *
 * The kernel is built with -fno-omit-frame-pointer, so every function
 * starts with push %rbp; mov %rsp, %rbp and %rbp chains the frames.  The
 * walk only follows frames that lie on a known stack (the task's, this
 * CPU's irq stack or one of its exception stacks), so a corrupt %rbp
 * ends the trace instead of faulting inside the oops.  It may cross
 * from the irq stack to the interrupted task's stack (call_on_stack()
 * chains the frames), a bounded number of times.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/current.h>
#include <asm/irq_stack.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>
#include <asm/traps.h>

#define MAX_FRAMES 64
#define MAX_STACK_SWITCHES 3 /* exception -> irq -> task stack */

static bool stack_bounds(unsigned long addr, unsigned long *lo,
			 unsigned long *hi)
{
	unsigned long s = (unsigned long)current->stack;

	if (addr >= s && addr < s + THREAD_SIZE) {
		*lo = s;
		*hi = s + THREAD_SIZE;
		return true;
	}
	if (on_irq_stack(addr, lo, hi))
		return true;
	return on_exception_stack(addr, lo, hi);
}

/*
 * Is the frame at @f inside [@lo, @hi)?  If not, it may be on another
 * known stack: switch the bounds there, at most MAX_STACK_SWITCHES
 * times in one walk.
 */
static bool frame_on_stack(unsigned long f, unsigned long *lo,
			   unsigned long *hi, int *switches)
{
	if (f >= *lo && f + sizeof(struct stack_frame) <= *hi)
		return true;
	if (++*switches > MAX_STACK_SWITCHES || !stack_bounds(f, lo, hi))
		return false;
	return f + sizeof(struct stack_frame) <= *hi;
}

/*
 * A fault on a function's first instruction (a leaf that never builds
 * a frame, or a bad call) happens before "push %rbp": its caller is
 * not on the %rbp chain, but the return address is at the top of the
 * stack.
 */
static void show_leaf_caller(const struct pt_regs *regs, const char *log_lvl)
{
	unsigned long offset, lo, hi, ret;

	if (!kallsyms_lookup(regs->ip, NULL, &offset) || offset != 0)
		return;
	if (!stack_bounds(regs->sp, &lo, &hi) || regs->sp + 8 > hi)
		return;
	ret = *(unsigned long *)regs->sp;
	if (kallsyms_lookup(ret, NULL, NULL))
		printk("%s [<%016lx>] %pS\n", log_lvl, ret, (void *)(ret - 1));
}

/**
 * show_trace_log_lvl - print the call chain starting at frame @bp.
 * @regs: if not NULL, the interrupted context; its ip comes first
 * @bp: the first frame pointer to follow
 * @log_lvl: KERN_* level of every line
 */
void show_trace_log_lvl(const struct pt_regs *regs, unsigned long bp,
			const char *log_lvl)
{
	const struct stack_frame *frame = (const void *)bp;
	unsigned long lo, hi, next;
	int n, switches = 0;

	printk("%sCall Trace:\n", log_lvl);
	if (regs) {
		printk("%s [<%016lx>] %pS\n", log_lvl, regs->ip,
		       (void *)regs->ip);
		show_leaf_caller(regs, log_lvl);
	}
	if (!stack_bounds(bp, &lo, &hi))
		return;
	for (n = 0; n < MAX_FRAMES; n++) {
		unsigned long f = (unsigned long)frame;

		if ((f & 7) || !frame_on_stack(f, &lo, &hi, &switches))
			break;
		if (!frame->return_address)
			break;
		/* A return address points after the call; name the call. */
		printk("%s [<%016lx>] %pS\n", log_lvl, frame->return_address,
		       (void *)(frame->return_address - 1));
		next = (unsigned long)frame->next_frame;
		if (next <= f && next >= lo)
			break; /* on one stack, frames move towards its base */
		frame = frame->next_frame;
	}
}

/**
 * dump_stack - print a backtrace of the caller.  Any context.
 */
noinline void dump_stack(void)
{
	printk(KERN_DEFAULT "CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
	       current->pid, current->comm);
	show_trace_log_lvl(NULL, (unsigned long)__builtin_frame_address(0),
			   KERN_DEFAULT);
}

/**
 * show_regs - print the registers of an interrupted context, Linux style.
 */
void show_regs(const struct pt_regs *regs)
{
	printk(KERN_DEFAULT "RIP: %04lx:%pS\n", regs->cs & 0xffff,
	       (void *)regs->ip);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n",
	       regs->ss & 0xffff, regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax,
	       regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx,
	       regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp,
	       regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10,
	       regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13,
	       regs->r14, regs->r15);
	printk(KERN_DEFAULT "CR0: %016lx CR2: %016lx CR3: %016lx\n", read_cr0(),
	       read_cr2(), __read_cr3());
	printk(KERN_DEFAULT "CR4: %016lx\n", __read_cr4());
}

/**
 * die - report a fatal kernel exception and panic.
 * @str: what happened ("general protection fault")
 * @regs: the faulting context
 * @err: the exception's error code
 */
__noreturn void die(const char *str, struct pt_regs *regs, long err)
{
	static int die_counter;

	oops_in_progress = 1;
	printk(KERN_DEFAULT "%s: %04lx [#%d] SMP\n", str, err & 0xffff,
	       ++die_counter);
	printk(KERN_DEFAULT "CPU: %d PID: %d Comm: %s Not tainted %s\n",
	       smp_processor_id(), current->pid, current->comm, LINNET_VERSION);
	show_regs(regs);
	show_trace_log_lvl(regs, regs->bp, KERN_DEFAULT);
	panic("Fatal exception");
}

/*
 * ktest "entry": user mode for real.  Each case builds a small address
 * space by hand (a PGD whose kernel half is init_top_pgt's, a code
 * page, a data page, stack pages, all _PAGE_USER), starts kernel
 * threads that switch into it and "exec" the hand-written programs of
 * entry_test_user.S the way execve will (flush_thread, start_thread,
 * return to ret_from_fork), and checks what the programs leave in the
 * data page and how they exit.  Everything taken is given back: the
 * tasks are dead and no CPU holds the page tables before they go.
 */
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/rwsem.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <uapi/linux/wait.h>
#include <linux/signal_types.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/fpu/api.h>
#include <asm/fpu/signal.h>
#include <asm/mmu_context.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <asm/syscall.h>
#include <ktest/test.h>
#include "entry_test.h"

extern const char entry_test_abi[], entry_test_fpu[], entry_test_fault[];
extern const char entry_test_user_end[];

#define ET_MAX_PAGES 16
#define ET_FS_MAGIC 0x1122334455667788UL

/* A hand-built user address space and every page it took. */
struct et_space {
	struct mm_struct *mm;
	pgd_t *pgd;
	struct page *pages[ET_MAX_PAGES];
	int nr_pages;
};

static void *et_alloc(struct et_space *s)
{
	struct page *page;

	if (s->nr_pages == ET_MAX_PAGES)
		return NULL;
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return NULL;
	s->pages[s->nr_pages++] = page;
	return page_address(page);
}

/* The next level's table under @entry, made if missing. */
static u64 *et_table(struct et_space *s, u64 *entry)
{
	void *t;

	if (*entry & _PAGE_PRESENT)
		return __va(*entry & PTE_PFN_MASK);
	t = et_alloc(s);
	if (!t)
		return NULL;
	*entry = __pa(t) | _PAGE_TABLE;
	return t;
}

/* Map a new zeroed user page at @va; returns its kernel address. */
static void *et_map(struct et_space *s, unsigned long va, bool exec)
{
	u64 *pud, *pmd, *pte;
	void *page;
	u64 prot = _PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED |
		   _PAGE_DIRTY;

	pud = et_table(s, (u64 *)&s->pgd[pgd_index(va)]);
	pmd = pud ? et_table(s, &pud[pud_index(va)]) : NULL;
	pte = pmd ? et_table(s, &pmd[pmd_index(va)]) : NULL;
	page = pte ? et_alloc(s) : NULL;
	if (!page)
		return NULL;
	if (!exec)
		prot |= _PAGE_NX & __supported_pte_mask;
	pte[pte_index(va)] = __pa(page) | prot;
	return page;
}

static void et_space_free(struct et_space *s)
{
	while (s->nr_pages)
		__free_page(s->pages[--s->nr_pages]);
	kfree(s->mm);
}

/*
 * Code, data and @nr_stacks stack pages; the programs are copied in.
 * Returns the data page's kernel address or NULL.
 */
static u8 *et_space_init(struct et_space *s, int nr_stacks)
{
	u8 *code, *data = NULL;
	int i;

	memset(s, 0, sizeof(*s));
	s->mm = kzalloc(sizeof(*s->mm), GFP_KERNEL);
	s->pgd = et_alloc(s);
	if (!s->mm || !s->pgd)
		goto err;
	memcpy(s->pgd + KERNEL_PGD_BOUNDARY, init_top_pgt + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	s->mm->pgd = s->pgd;
	atomic_set(&s->mm->mm_users, 1);
	atomic_set(&s->mm->mm_count, 1); /* ours, held for the tasks too */
	init_rwsem(&s->mm->mmap_lock);
	spin_lock_init(&s->mm->page_table_lock);
	INIT_LIST_HEAD(&s->mm->mmap_list);
	INIT_LIST_HEAD(&s->mm->mmlist);
	code = et_map(s, ET_CODE, true);
	data = code ? et_map(s, ET_DATA, false) : NULL;
	for (i = 0; data && i < nr_stacks; i++)
		if (!et_map(s, ET_STACK + 2 * i * PAGE_SIZE, false))
			data = NULL;
	if (!data)
		goto err;
	memcpy(code, entry_test_abi, entry_test_user_end - entry_test_abi);
	return data;
err:
	et_space_free(s);
	return NULL;
}

static unsigned long et_entry(const char *prog)
{
	return ET_CODE + (prog - entry_test_abi);
}

/* One user task: what it runs and how it ended. */
struct et_run {
	struct et_space *space;
	const char *prog;
	int index; /* stack number */
	int block; /* result block number */
	unsigned long arg; /* %rsi */
	int cpu; /* -1: anywhere */
	struct task_struct *tsk; /* referenced */
	bool wrong_cpu;
};

/*
 * What execve will do (see the report in arch/x86/entry/common.c's
 * users): take the new mm as exec_mmap() does, stop being a kernel
 * thread, reset the FPU, point the user registers at the program, and
 * return: ret_from_fork sees user CS in pt_regs and leaves for ring 3.
 */
static void et_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old;

	/* A user of the space, as exec makes one: exit's mmput drops it. */
	atomic_inc(&mm->mm_users);
	local_irq_disable();
	old = tsk->active_mm;
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(old, mm, tsk);
	local_irq_enable();
	mmdrop(old); /* the lazy reference a kernel thread held */
}

static int et_user_fn(void *arg)
{
	struct et_run *r = arg;
	struct pt_regs *regs = current_pt_regs();

	get_task_struct(current);
	if (r->cpu >= 0) {
		struct cpumask mask;

		cpumask_clear(&mask);
		cpumask_set_cpu(r->cpu, &mask);
		set_cpus_allowed_ptr(current, cpumask_bits(&mask));
		msleep(1); /* a sleeping task moves at once */
		r->wrong_cpu = smp_processor_id() != r->cpu;
		/* Short slices: the two FPU tasks take turns quickly. */
		set_user_nice(current, 19);
	}
	et_use_mm(r->space->mm);
	current->flags &= ~PF_KTHREAD;
	flush_thread();
	start_thread(regs, et_entry(r->prog),
		     ET_STACK + (2 * r->index + 1) * PAGE_SIZE);
	regs->di = ET_DATA + r->block * ET_BLOCK;
	regs->si = r->arg;
	WRITE_ONCE(r->tsk, current);
	return 0;
}

static int et_start(struct ktest *test, struct et_run *r)
{
	int pid = kernel_thread(et_user_fn, r, 0);

	KTEST_EXPECT_GT(test, pid, 0);
	return pid > 0 ? 0 : pid;
}

/* Wait until @r's task has exited and left its CPU for good. */
static bool et_wait(struct et_run *r)
{
	int ms;

	for (ms = 0; ms < 20000; ms++) {
		struct task_struct *tsk = READ_ONCE(r->tsk);

		if (tsk && READ_ONCE(tsk->exit_state)) {
			/*
			 * Started with exit signal 0, it stays a zombie
			 * until its parent (us) reaps it, as on Linux.
			 */
			if (READ_ONCE(tsk->exit_state) == EXIT_ZOMBIE)
				kernel_wait4(tsk->pid, NULL, __WALL, NULL);
			wait_task_inactive(tsk);
			return true;
		}
		msleep(1);
	}
	return false;
}

/*
 * A kernel thread that ran after a dead user task may still be using
 * its mm lazily (and its PGD in CR3): move it to init_mm.  Irqs off.
 */
static void et_unlazy(void *info)
{
	struct mm_struct *mm = info;
	struct task_struct *tsk = current;

	if (tsk->mm || tsk->active_mm != mm)
		return;
	mmgrab(&init_mm);
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm, tsk);
	mmdrop(mm);
}

/*
 * Give the space back once every task in @runs is dead; the caller then
 * reads their exit codes and drops the references.  If one is not
 * dead, its pages stay taken (the leak check says so) rather than
 * freed under a running task.  Returns whether all died.
 */
static bool et_finish(struct ktest *test, struct et_space *s,
		      struct et_run *runs, int n)
{
	bool all_dead = true;
	int i;

	for (i = 0; i < n; i++) {
		bool dead = et_wait(&runs[i]);

		KTEST_EXPECT_TRUE(test, dead);
		all_dead &= dead;
	}
	if (!all_dead)
		return false;
	on_each_cpu(et_unlazy, s->mm, 1);
	KTEST_EXPECT_EQ(test, atomic_read(&s->mm->mm_count), 1);
	et_space_free(s);
	return true;
}

static void et_put(struct et_run *runs, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_task_struct(runs[i].tsk);
}

/* arch_prctl, -ENOSYS, the register ABI of syscall/sysret, exit(42). */
static void entry_test_syscall_abi(struct ktest *test)
{
	struct et_space s;
	struct et_run r = { .space = &s, .prog = entry_test_abi, .cpu = -1 };
	u8 *data = et_space_init(&s, 1);
	u64 *b;
	static const u64 regs[R_ABI_NREGS] = {
		0x1111111111111111, 0x2222222222222222, 0x3333333333333333,
		0x4444444444444444, 0x5555555555555555, ET_DATA,
		0x6666666666666666, 0x7777777777777777, 0x8888888888888888,
		0x9999999999999999, 0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb,
	};
	int i;

	KTEST_ASSERT_NOT_NULL(test, data);
	b = (u64 *)data;
	b[R_FSAREA / 8] = ET_FS_MAGIC;
	if (et_start(test, &r)) {
		et_space_free(&s);
		return;
	}
	if (!et_finish(test, &s, &r, 1))
		return;
	KTEST_EXPECT_EQ(test, r.tsk->exit_code, 42 << 8);
	KTEST_EXPECT_EQ(test, b[R_SETFS / 8], 0);
	KTEST_EXPECT_EQ(test, b[R_FS0 / 8], ET_FS_MAGIC);
	KTEST_EXPECT_EQ(test, b[R_GETFS_RET / 8], 0);
	KTEST_EXPECT_EQ(test, b[R_GETFS / 8], ET_DATA + R_FSAREA);
	KTEST_EXPECT_EQ(test, (long)b[R_GETFS_UNMAPPED / 8], -EFAULT);
	KTEST_EXPECT_EQ(test, (long)b[R_GETFS_KERNEL / 8], -EFAULT);
	KTEST_EXPECT_EQ(test, (long)b[R_SETFS_KERNEL / 8], -EPERM);
	KTEST_EXPECT_EQ(test, (long)b[R_BAD_CODE / 8], -EINVAL);
	KTEST_EXPECT_EQ(test, b[R_SETGS / 8], 0);
	KTEST_EXPECT_EQ(test, b[R_GETGS_RET / 8], 0);
	KTEST_EXPECT_EQ(test, b[R_GETGS / 8], ET_DATA + R_GSAREA);
	KTEST_EXPECT_EQ(test, (long)b[R_NR_1000 / 8], -ENOSYS);
	KTEST_EXPECT_EQ(test, (long)b[R_NR_UNIMPL / 8], -ENOSYS);
	KTEST_EXPECT_EQ(test, (long)b[R_NR_HIGH / 8], -ENOSYS);
	KTEST_EXPECT_EQ(test, (long)b[R_ABI_RET / 8], -ENOSYS);
	KTEST_EXPECT_EQ(test, b[R_ABI_RCX / 8], b[R_ABI_RIP / 8]);
	KTEST_EXPECT_EQ(test, b[R_ABI_R11 / 8], b[R_ABI_FLAGS / 8]);
	KTEST_EXPECT_TRUE(test, b[R_ABI_R11 / 8] & X86_EFLAGS_CF);
	KTEST_EXPECT_TRUE(test, b[R_ABI_R11 / 8] & X86_EFLAGS_IF);
	for (i = 0; i < R_ABI_NREGS; i++)
		KTEST_EXPECT_EQ(test, b[R_ABI_REGS / 8 + i], regs[i]);
	et_put(&r, 1);
}

/* The unimplemented syscalls called above are on record. */
static void entry_test_unimplemented_listed(struct ktest *test)
{
	static char buf[4096];
	struct seq_file m;

	seq_buf_init(&m, buf, sizeof(buf));
	show_unimplemented_syscalls(&m);
	buf[m.count < sizeof(buf) ? m.count : sizeof(buf) - 1] = '\0';
	ktest_info(test, "%s", buf);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "acct 163 "));
	KTEST_EXPECT_NULL(test, strstr(buf, "unknown numbers: 0\n"));
	KTEST_EXPECT_NULL(test, strstr(buf, "arch_prctl"));
	KTEST_EXPECT_EQ(test, sys_ni_syscall_nr(__NR_acct), -ENOSYS);
	KTEST_EXPECT_EQ(test, sys_ni_syscall_nr(NR_syscalls), -ENOSYS);
	KTEST_EXPECT_NULL(test, sys_call_table[__NR_acct]);
	KTEST_EXPECT_NOT_NULL(test, sys_call_table[__NR_arch_prctl]);
	KTEST_EXPECT_STREQ(test, sys_call_names[__NR_exit], "exit");
}

/* Two tasks on one CPU keep their own SSE and x87 state. */
static void entry_test_fpu_switch(struct ktest *test)
{
	struct et_space s;
	struct et_run r[2];
	u8 *data = et_space_init(&s, 2);
	int t, i;

	KTEST_ASSERT_NOT_NULL(test, data);
	for (t = 0; t < 2; t++) {
		r[t] = (struct et_run){ .space = &s,
					.prog = entry_test_fpu,
					.index = t,
					.block = t,
					.arg = t + 1,
					.cpu = 0 };
		if (et_start(test, &r[t])) {
			/* Only a task that started must be waited for. */
			if (et_finish(test, &s, r, t))
				et_put(r, t);
			return;
		}
	}
	if (!et_finish(test, &s, r, 2))
		return;
	for (t = 0; t < 2; t++) {
		u8 *b = data + t * ET_BLOCK;
		u64 v = 0x0101010101010101ULL * (t + 1);

		KTEST_EXPECT_FALSE(test, r[t].wrong_cpu);
		KTEST_EXPECT_EQ(test, r[t].tsk->exit_code, 0);
		for (i = 0; i < 16; i++) {
			u64 *x = (u64 *)(b + R_XMM + 16 * i);

			KTEST_EXPECT_EQ(test, x[0], v + i + 1);
			KTEST_EXPECT_EQ(test, x[1], v + i + 1);
		}
		KTEST_EXPECT_EQ(test, *(u32 *)(b + R_MXCSR), ET_MXCSR(t + 1));
		KTEST_EXPECT_EQ(test, *(u16 *)(b + R_FCW), ET_FCW(t + 1));
	}
	et_put(r, 2);
}

/*
 * Exceptions raised in user mode end the task that raised them (the
 * fallback force_sig_fault() until signals exist) with the signal
 * Linux sends, and nothing else: a task next to them exits normally.
 */
static void entry_test_user_faults(struct ktest *test)
{
	static const int sigs[] = { SIGILL, SIGFPE, SIGTRAP, SIGSEGV, SIGSEGV };
	struct et_run r[ARRAY_SIZE(sigs) + 1];
	struct et_space s;
	int n = ARRAY_SIZE(sigs) + 1, i;

	KTEST_ASSERT_NOT_NULL(test, et_space_init(&s, n));
	for (i = 0; i < n; i++) {
		bool abi = i == n - 1;

		r[i] = (struct et_run){ .space = &s,
					.index = i,
					.cpu = -1,
					.prog = abi ? entry_test_abi :
						      entry_test_fault,
					.arg = i };
		if (et_start(test, &r[i])) {
			if (et_finish(test, &s, r, i))
				et_put(r, i);
			return;
		}
	}
	if (!et_finish(test, &s, r, n))
		return;
	for (i = 0; i < n - 1; i++)
		KTEST_EXPECT_EQ(test, r[i].tsk->exit_code & 0x7f, sigs[i]);
	KTEST_EXPECT_EQ(test, r[n - 1].tsk->exit_code, 42 << 8);
	et_put(r, n);
}

/*
 * copy_thread() for a user child: the parent's user registers with
 * ax = 0, the new stack if one is given, CLONE_SETTLS's FS base, and a
 * first frame that leaves ret_from_fork for user mode; for a kernel
 * thread, zero registers and fn/arg in rbx/r12.
 */
static void entry_test_copy_thread(struct ktest *test)
{
	struct pt_regs *parent = current_pt_regs(), saved = *parent, *child;
	struct inactive_task_frame *frame;
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	struct page *stack = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	unsigned long i;

	if (!p || !stack)
		goto out;
	p->stack = page_address(stack);
	child = task_pt_regs(p);
	/* Our own pt_regs are unused while we are a kernel thread. */
	for (i = 0; i < sizeof(*parent) / sizeof(long); i++)
		((unsigned long *)parent)[i] = 0x1000 + i;

	KTEST_EXPECT_EQ(test,
			copy_thread(p, 0x00080000 /* CLONE_SETTLS */, 0x7000,
				    0x1234),
			0);
	KTEST_EXPECT_EQ(test, child->ax, 0);
	KTEST_EXPECT_EQ(test, child->sp, 0x7000);
	KTEST_EXPECT_EQ(test, child->ip, parent->ip);
	KTEST_EXPECT_EQ(test, child->cx, parent->cx);
	KTEST_EXPECT_EQ(test, child->r15, parent->r15);
	KTEST_EXPECT_EQ(test, child->ss, parent->ss);
	KTEST_EXPECT_EQ(test, p->thread.fsbase, 0x1234);
	frame = (struct inactive_task_frame *)p->thread.sp;
	KTEST_EXPECT_PTR_EQ(test, frame + 1, child);
	KTEST_EXPECT_EQ(test, frame->ret_addr, (unsigned long)ret_from_fork);
	KTEST_EXPECT_EQ(test, frame->bx, 0);

	KTEST_EXPECT_EQ(test, copy_thread(p, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(test, child->sp, parent->sp);
	KTEST_EXPECT_NE(test, p->thread.fsbase, 0x1234);

	p->flags = PF_KTHREAD;
	KTEST_EXPECT_EQ(test, copy_thread(p, 0, 0xabc, 0xdef), 0);
	KTEST_EXPECT_EQ(test, child->ip, 0);
	KTEST_EXPECT_EQ(test, child->cs, 0);
	KTEST_EXPECT_EQ(test, frame->bx, 0xabc);
	KTEST_EXPECT_EQ(test, frame->r12, 0xdef);
out:
	*parent = saved;
	if (stack)
		__free_pages(stack, THREAD_SIZE_ORDER);
	kfree(p);
	KTEST_EXPECT_NOT_NULL(test, p);
}

/*
 * A kernel thread borrows an address space (as kthread_use_mm) so the
 * signal-frame helpers can reach user memory, then gives it back.
 */
static void et_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	local_irq_disable();
	tsk->mm = NULL;
	mmgrab(&init_mm);
	tsk->active_mm = &init_mm;
	switch_mm(mm, &init_mm, tsk);
	local_irq_enable();
}

/*
 * The FPU part of signal frames: Linux's layout (the magic numbers with
 * XSAVE, none without), a round trip, and refusal of frames the CPU
 * would fault on -- without a fault in the kernel.
 */
static void entry_test_fpu_sigframe(struct ktest *test)
{
	struct et_space s;
	u8 *data = et_space_init(&s, 0);
	void __user *buf = (void __user *)(ET_DATA + 0x400);
	struct fxregs_state *fx;
	struct _fpx_sw_bytes *sw;
	unsigned long size = fpu_sigframe_size();

	KTEST_ASSERT_NOT_NULL(test, data);
	fx = (struct fxregs_state *)(data + 0x400);
	sw = (struct _fpx_sw_bytes *)(data + 0x400 + 464);
	et_use_mm(s.mm);
	KTEST_EXPECT_LE(test, size, PAGE_SIZE - 0x400);
	KTEST_EXPECT_EQ(test, copy_fpstate_to_sigframe(buf), 0);
	if (fpu_cfg.use_xsave) {
		KTEST_EXPECT_EQ(test, size, fpu_cfg.size + 4);
		KTEST_EXPECT_EQ(test, sw->magic1, FP_XSTATE_MAGIC1);
		KTEST_EXPECT_EQ(test, sw->xstate_size, fpu_cfg.size);
		KTEST_EXPECT_EQ(test, sw->extended_size, fpu_cfg.size + 4);
		KTEST_EXPECT_EQ(test, *(u32 *)((u8 *)fx + fpu_cfg.size),
				FP_XSTATE_MAGIC2);
	} else {
		KTEST_EXPECT_EQ(test, size, 512);
		KTEST_EXPECT_EQ(test, sw->magic1, 0);
	}
	KTEST_EXPECT_EQ(test, fpu__restore_sig(buf), 0);
	/* A reserved MXCSR bit would #GP in FXRSTOR/XRSTOR. */
	fx->mxcsr |= ~fpu_cfg.mxcsr_mask;
	KTEST_EXPECT_EQ(test, fpu__restore_sig(buf), -EINVAL);
	fx->mxcsr = 0x1f80;
	if (fpu_cfg.use_xsave) {
		struct xregs_state *xs = (struct xregs_state *)fx;

		xs->header.xcomp_bv = 1ULL << 63; /* compacted: not ours */
		KTEST_EXPECT_EQ(test, fpu__restore_sig(buf), -EINVAL);
		xs->header.xcomp_bv = 0;
		xs->header.reserved[0] = 1;
		KTEST_EXPECT_EQ(test, fpu__restore_sig(buf), -EINVAL);
		xs->header.reserved[0] = 0;
		/* Without magic2 only the legacy area counts: still fine. */
		*(u32 *)((u8 *)fx + fpu_cfg.size) = 0;
		KTEST_EXPECT_EQ(test, fpu__restore_sig(buf), 0);
	}
	KTEST_EXPECT_EQ(test, fpu__restore_sig(buf), 0);
	KTEST_EXPECT_EQ(test, copy_fpstate_to_sigframe((void __user *)0x10000),
			-EFAULT);
	KTEST_EXPECT_EQ(test, copy_fpstate_to_sigframe(buf + 8), -EFAULT);
	KTEST_EXPECT_EQ(test, fpu__restore_sig((void __user *)0x10000),
			-EFAULT);
	KTEST_EXPECT_EQ(test, fpu__restore_sig((void __user *)data), -EFAULT);
	et_unuse_mm(s.mm);
	on_each_cpu(et_unlazy, s.mm, 1);
	et_space_free(&s);
}

static struct ktest_case entry_test_cases[] = {
	KTEST_CASE(entry_test_syscall_abi),
	KTEST_CASE(entry_test_unimplemented_listed),
	KTEST_CASE(entry_test_fpu_switch),
	KTEST_CASE(entry_test_user_faults),
	KTEST_CASE(entry_test_copy_thread),
	KTEST_CASE(entry_test_fpu_sigframe),
	{}
};

static struct ktest_suite entry_test_suite = {
	.name = "entry",
	.test_cases = entry_test_cases,
};
ktest_suite(entry_test_suite);

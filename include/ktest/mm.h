#ifndef _KTEST_MM_H
#define _KTEST_MM_H

/*
 * A user address space for in-kernel tests.  The test's kernel thread
 * adopts a fresh mm (kthread_use_mm), so user addresses resolve in it
 * and copy_to_user & co. fault pages in through the real fault path:
 *
 *	static struct ktest_suite foo_suite = {
 *		.init = ktest_mm_init, .exit = ktest_mm_exit, ...
 *	};
 *	... vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
 *		    MAP_PRIVATE | MAP_ANONYMOUS, 0) ... put_user(1, p) ...
 *
 * The thread gets a signal_struct of its own for the rlimits (kernel
 * threads have none) and is pinned to its CPU, so no other CPU is left
 * borrowing the mm lazily when the case ends and it is freed.
 */
#include <linux/bitmap.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <ktest/test.h>

struct ktest_mm_env {
	struct mm_struct *mm;
	struct signal_struct *sig;
	struct signal_struct *saved_sig;
	unsigned long saved_mask[BITS_TO_LONGS(NR_CPUS)];
};

static inline struct ktest_mm_env *ktest_mm(struct ktest *test)
{
	return test->priv;
}

static inline int ktest_mm_init(struct ktest *test)
{
	struct ktest_mm_env *env = kzalloc(sizeof(*env), GFP_KERNEL);
	unsigned long mask[BITS_TO_LONGS(NR_CPUS)] = { 0 };
	int i;

	if (!env)
		return -ENOMEM;
	env->sig = kzalloc(sizeof(*env->sig), GFP_KERNEL);
	env->mm = mm_alloc();
	if (!env->sig || !env->mm) {
		kfree(env->sig);
		if (env->mm)
			mmput(env->mm);
		kfree(env);
		return -ENOMEM;
	}
	for (i = 0; i < RLIM_NLIMITS; i++)
		env->sig->rlim[i].rlim_cur = env->sig->rlim[i].rlim_max =
			RLIM_INFINITY;
	env->sig->rlim[RLIMIT_STACK].rlim_cur = _STK_LIM;
	bitmap_copy(env->saved_mask, current->cpus_mask, NR_CPUS);
	set_bit(smp_processor_id(), mask);
	set_cpus_allowed_ptr(current, mask);
	env->saved_sig = current->signal;
	current->signal = env->sig;
	kthread_use_mm(env->mm);
	test->priv = env;
	return 0;
}

static inline void ktest_mm_exit(struct ktest *test)
{
	struct ktest_mm_env *env = test->priv;

	kthread_unuse_mm(env->mm);
	mmput(env->mm);
	current->signal = env->saved_sig;
	set_cpus_allowed_ptr(current, env->saved_mask);
	kfree(env->sig);
	kfree(env);
}

/* vm_mmap of anonymous memory in the test's mm. */
static inline unsigned long ktest_mmap_anon(unsigned long addr,
					    unsigned long len,
					    unsigned long prot,
					    unsigned long flags)
{
	return vm_mmap(NULL, addr, len, prot, flags | MAP_ANONYMOUS, 0);
}

#endif /* _KTEST_MM_H */

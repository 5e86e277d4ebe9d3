#ifndef _ASM_X86_PREEMPT_H
#define _ASM_X86_PREEMPT_H

#include <linux/compiler.h>
#include <linux/percpu.h>

/*
 * x86 keeps preempt_count in a per-CPU variable, not in the task: one
 * %gs-relative instruction changes it.  The scheduler saves and
 * restores it across a context switch.
 *
 * Bit 31 is PREEMPT_NEED_RESCHED, stored inverted: set means "no
 * reschedule wanted".  Then the whole word is zero exactly when the
 * count is zero *and* a reschedule is wanted, so preempt_enable() tests
 * both with the flags of one decrement.
 */
DECLARE_PER_CPU(int, __preempt_count);

#define PREEMPT_NEED_RESCHED 0x80000000
#define PREEMPT_ENABLED (0 + PREEMPT_NEED_RESCHED)

static __always_inline int preempt_count(void)
{
	return this_cpu_read(__preempt_count) & ~PREEMPT_NEED_RESCHED;
}

/* Replace the count, keeping this CPU's need-resched bit. */
static __always_inline void preempt_count_set(int pc)
{
	int old = this_cpu_read(__preempt_count);

	this_cpu_write(__preempt_count, (old & PREEMPT_NEED_RESCHED) |
						(pc & ~PREEMPT_NEED_RESCHED));
}

static __always_inline void set_preempt_need_resched(void)
{
	this_cpu_and(__preempt_count, ~PREEMPT_NEED_RESCHED);
}

static __always_inline void clear_preempt_need_resched(void)
{
	this_cpu_or(__preempt_count, PREEMPT_NEED_RESCHED);
}

static __always_inline bool test_preempt_need_resched(void)
{
	return !(this_cpu_read(__preempt_count) & PREEMPT_NEED_RESCHED);
}

static __always_inline void __preempt_count_add(int val)
{
	this_cpu_add(__preempt_count, val);
}

static __always_inline void __preempt_count_sub(int val)
{
	this_cpu_add(__preempt_count, -val);
}

/* Decrement; true when the count reached 0 with a reschedule pending. */
static __always_inline bool __preempt_count_dec_and_test(void)
{
	bool zero;

	asm volatile("decl %%gs:%c1"
		     : "=@ccz"(zero)
		     : "i"(&__preempt_count)
		     : "memory");
	return zero;
}

/* Is the count exactly @offset with a reschedule pending? */
static __always_inline bool should_resched(int offset)
{
	return this_cpu_read(__preempt_count) == offset;
}

#endif /* _ASM_X86_PREEMPT_H */

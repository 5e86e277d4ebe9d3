#ifndef _HOST_ASM_PREEMPT_H
#define _HOST_ASM_PREEMPT_H

/*
 * Host-test shim: one "CPU" whose preempt_count is a plain counter.
 * Weak definitions, so every test program has them without defining
 * them; nothing ever reschedules.
 */
#include <linux/compiler.h>
#include <linux/types.h>

__attribute__((__weak__)) int __preempt_count;

__attribute__((__weak__)) void preempt_schedule(void)
{
}

static inline int preempt_count(void)
{
	return __preempt_count;
}

static inline void preempt_count_set(int pc)
{
	__preempt_count = pc;
}

static inline void __preempt_count_add(int val)
{
	__preempt_count += val;
}

static inline void __preempt_count_sub(int val)
{
	__preempt_count -= val;
}

static inline bool __preempt_count_dec_and_test(void)
{
	--__preempt_count;
	return false;
}

static inline bool should_resched(int offset)
{
	return false;
}

#endif /* _HOST_ASM_PREEMPT_H */

#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <linux/compiler.h>

/*
 * Memory barriers.  x86 keeps loads in order with loads and stores in
 * order with stores (TSO); the one reordering it does is a later load
 * passing an earlier store to another address.  So smp_rmb() and
 * smp_wmb() only stop the compiler, and smp_mb() needs a locked
 * instruction (cheaper than mfence, and just as strong for normal
 * memory).  mb()/rmb()/wmb() also order device and non-temporal
 * accesses, which needs the fences.
 */
#define mb() asm volatile("mfence" : : : "memory")
#define rmb() asm volatile("lfence" : : : "memory")
#define wmb() asm volatile("sfence" : : : "memory")

#define smp_mb() asm volatile("lock addl $0, -4(%%rsp)" : : : "memory", "cc")
#define smp_rmb() barrier()
#define smp_wmb() barrier()

#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()

/* A plain x86 load is an acquire and a plain store a release. */
#define smp_store_release(p, v)    \
	do {                       \
		barrier();         \
		WRITE_ONCE(*p, v); \
	} while (0)

#define smp_load_acquire(p)                           \
	({                                            \
		__typeof__(*p) ___p1 = READ_ONCE(*p); \
		barrier();                            \
		___p1;                                \
	})

/* A store, then a full barrier: the classic "set state, then test". */
#define smp_store_mb(var, value)                                        \
	do {                                                            \
		__atomic_exchange_n(&(var), (value), __ATOMIC_SEQ_CST); \
	} while (0)

/*
 * spin_lock() is only an acquire; code that needs the lock to order its
 * earlier stores against later loads (try_to_wake_up) adds this.  The
 * locked instruction that took the lock already did on x86.
 */
#define smp_mb__after_spinlock() barrier()

/*
 * A control dependency (if (READ_ONCE(x)) ...) orders the load before
 * later stores but not later loads; this upgrades it to an acquire.
 * x86 never reorders loads with loads.
 */
#define smp_acquire__after_ctrl_dep() barrier()

/*
 * Spin until @cond_expr, in which VAL is the value loaded from *@ptr,
 * holds; returns that value.  The _acquire form orders the accesses
 * after it behind the load that saw @cond_expr true.
 */
#define smp_cond_load_relaxed(ptr, cond_expr)                 \
	({                                                    \
		__typeof__(*(ptr)) VAL;                       \
		for (;;) {                                    \
			VAL = READ_ONCE(*(ptr));              \
			if (cond_expr)                        \
				break;                        \
			asm volatile("pause" : : : "memory"); \
		}                                             \
		VAL;                                          \
	})

#define smp_cond_load_acquire(ptr, cond_expr)                  \
	({                                                     \
		__typeof__(*(ptr)) __scla_val =                \
			smp_cond_load_relaxed(ptr, cond_expr); \
		smp_acquire__after_ctrl_dep();                 \
		__scla_val;                                    \
	})

#endif /* _ASM_X86_BARRIER_H */

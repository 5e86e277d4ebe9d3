#ifndef _LINUX_SEQLOCK_H
#define _LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <asm/processor.h>

/*
 * Sequence counters and locks (seed 001: "seq锁").  A writer makes the
 * count odd, writes, and makes it even again; a reader notes the count,
 * reads, and retries if the count was odd or has changed.  Readers
 * never block the writer, so it suits data read often and written
 * rarely by one writer, such as the clock:
 *
 *	do {
 *		seq = read_seqbegin(&sl);
 *		... copy the data ...
 *	} while (read_seqretry(&sl, seq));
 *
 *	writer				reader
 *	seq++ (odd)			s = seq (wait while odd); rmb
 *	wmb; write data			read data
 *	wmb; seq++ (even)		rmb; retry if seq != s
 *
 * Writers must be serialised (a seqlock_t has its own spinlock; a bare
 * seqcount_t relies on the caller's) and must not be preempted, or a
 * reader on their CPU would spin until they ran again.  A reader must
 * not interrupt the writer on the same CPU either, so data read from
 * interrupts is written with irqs off.  Readers may see torn data
 * inside the loop: copy it, do not follow pointers from it.
 */
typedef struct seqcount {
	unsigned int sequence;
} seqcount_t;

#define SEQCNT_ZERO(name)     \
	{                     \
		.sequence = 0 \
	}

static inline void seqcount_init(seqcount_t *s)
{
	s->sequence = 0;
}

/*
 * A seqcount with the lock that serialises its writers: the write side
 * checks, under lockdep, that the lock is held.
 */
typedef struct seqcount_spinlock {
	seqcount_t seqcount;
	spinlock_t *lock;
} seqcount_spinlock_t;

/* spinlock_t and raw_spinlock_t are one type here; so are these. */
typedef seqcount_spinlock_t seqcount_raw_spinlock_t;

#define SEQCNT_SPINLOCK_ZERO(name, _lock)                               \
	{                                                               \
		.seqcount = SEQCNT_ZERO(name.seqcount), .lock = (_lock) \
	}
#define SEQCNT_RAW_SPINLOCK_ZERO(name, lock) SEQCNT_SPINLOCK_ZERO(name, lock)

#define seqcount_spinlock_init(s, _lock)       \
	do {                                   \
		seqcount_init(&(s)->seqcount); \
		(s)->lock = (_lock);           \
	} while (0)
#define seqcount_raw_spinlock_init(s, lock) seqcount_spinlock_init(s, lock)

/* Either kind of counter, as the seqcount_t inside it. */
#define __seqcount_ptr(s)                                 \
	_Generic(*(s), seqcount_t                         \
		 : (seqcount_t *)(s), seqcount_spinlock_t \
		 : &((seqcount_spinlock_t *)(s))->seqcount)

static inline void __seqcount_assert_plain(const seqcount_t *s)
{
	lockdep_assert_preemption_disabled();
}

static inline void __seqcount_assert_spinlock(const seqcount_spinlock_t *s)
{
	lockdep_assert_held(s->lock);
}

/* What a writer of either kind must hold. */
#define __seqcount_assert_writer(s)                             \
	_Generic(*(s), seqcount_t                               \
		 : __seqcount_assert_plain, seqcount_spinlock_t \
		 : __seqcount_assert_spinlock)(s)

/* --- readers --------------------------------------------------------------- */

/* The count, once even; no barrier after (see raw_read_seqcount_begin). */
static inline unsigned int __read_seqcount_begin(const seqcount_t *s)
{
	unsigned int seq;

	while ((seq = READ_ONCE(s->sequence)) & 1)
		cpu_relax();
	return seq;
}

static inline unsigned int __raw_read_seqcount_begin(const seqcount_t *s)
{
	unsigned int seq = __read_seqcount_begin(s);

	smp_rmb();
	return seq;
}

/* The count as it is, odd or not, ordered before the reads after it. */
static inline unsigned int __raw_read_seqcount(const seqcount_t *s)
{
	unsigned int seq = READ_ONCE(s->sequence);

	smp_rmb();
	return seq;
}

static inline bool __read_seqcount_retry(const seqcount_t *s,
					 unsigned int start)
{
	return unlikely(READ_ONCE(s->sequence) != start);
}

static inline bool __do_read_seqcount_retry(const seqcount_t *s,
					    unsigned int start)
{
	smp_rmb();
	return __read_seqcount_retry(s, start);
}

/**
 * read_seqcount_begin - start a read section
 * @s: a seqcount_t or seqcount_spinlock_t
 *
 * Waits while a write is in progress.  Returns the count to hand to
 * read_seqcount_retry().
 */
#define read_seqcount_begin(s) __raw_read_seqcount_begin(__seqcount_ptr(s))
#define raw_read_seqcount_begin(s) __raw_read_seqcount_begin(__seqcount_ptr(s))
#define raw_read_seqcount(s) __raw_read_seqcount(__seqcount_ptr(s))
#define raw_seqcount_begin(s) (raw_read_seqcount(s) & ~1U)

/**
 * read_seqcount_retry - end a read section
 * @s: the counter
 * @start: what read_seqcount_begin() returned
 *
 * True if a writer came in between, and the data read must be thrown
 * away and read again.
 */
#define read_seqcount_retry(s, start) \
	__do_read_seqcount_retry(__seqcount_ptr(s), start)

/* --- writers --------------------------------------------------------------- */

static inline void __raw_write_seqcount_begin(seqcount_t *s)
{
	WRITE_ONCE(s->sequence, s->sequence + 1);
	smp_wmb();
}

static inline void __raw_write_seqcount_end(seqcount_t *s)
{
	smp_wmb();
	WRITE_ONCE(s->sequence, s->sequence + 1);
}

#define raw_write_seqcount_begin(s) \
	__raw_write_seqcount_begin(__seqcount_ptr(s))
#define raw_write_seqcount_end(s) __raw_write_seqcount_end(__seqcount_ptr(s))

/**
 * write_seqcount_begin - start a write section
 * @s: the counter
 *
 * The caller serialises writers and has preemption off (a held spinlock
 * does both); lockdep checks it.
 */
#define write_seqcount_begin(s)              \
	do {                                 \
		__seqcount_assert_writer(s); \
		raw_write_seqcount_begin(s); \
	} while (0)

/** write_seqcount_end - end a write section */
#define write_seqcount_end(s) raw_write_seqcount_end(s)

/*
 * Make every reader in progress retry without a write section, e.g.
 * before freeing what they read: two increments keep the count even.
 */
#define write_seqcount_invalidate(s)                         \
	do {                                                 \
		smp_wmb();                                   \
		WRITE_ONCE(__seqcount_ptr(s)->sequence,      \
			   __seqcount_ptr(s)->sequence + 2); \
	} while (0)

/* --- seqlock_t: a counter with its own writer lock ------------------------ */

typedef struct {
	seqcount_spinlock_t seqcount;
	spinlock_t lock;
} seqlock_t;

#define __SEQLOCK_UNLOCKED(lockname)                                          \
	{                                                                     \
		.seqcount = SEQCNT_SPINLOCK_ZERO(lockname, &(lockname).lock), \
		.lock = __RAW_SPIN_LOCK_INITIALIZER(lockname.lock)            \
	}

#define DEFINE_SEQLOCK(sl) seqlock_t sl = __SEQLOCK_UNLOCKED(sl)

#define seqlock_init(sl)                                              \
	do {                                                          \
		spin_lock_init(&(sl)->lock);                          \
		seqcount_spinlock_init(&(sl)->seqcount, &(sl)->lock); \
	} while (0)

/**
 * read_seqbegin - start a lockless read of data behind @sl
 * @sl: the seqlock
 *
 * Any context.  Returns the count for read_seqretry().
 */
static inline unsigned int read_seqbegin(const seqlock_t *sl)
{
	return read_seqcount_begin(&sl->seqcount);
}

/**
 * read_seqretry - did a writer change the data since read_seqbegin()?
 * @sl: the seqlock
 * @start: what read_seqbegin() returned
 */
static inline bool read_seqretry(const seqlock_t *sl, unsigned int start)
{
	return read_seqcount_retry(&sl->seqcount, start);
}

/* Writers: take the lock, then open the write section; the reverse after. */
static inline void write_seqlock(seqlock_t *sl)
{
	spin_lock(&sl->lock);
	write_seqcount_begin(&sl->seqcount);
}

static inline void write_sequnlock(seqlock_t *sl)
{
	write_seqcount_end(&sl->seqcount);
	spin_unlock(&sl->lock);
}

static inline void write_seqlock_bh(seqlock_t *sl)
{
	spin_lock_bh(&sl->lock);
	write_seqcount_begin(&sl->seqcount);
}

static inline void write_sequnlock_bh(seqlock_t *sl)
{
	write_seqcount_end(&sl->seqcount);
	spin_unlock_bh(&sl->lock);
}

static inline void write_seqlock_irq(seqlock_t *sl)
{
	spin_lock_irq(&sl->lock);
	write_seqcount_begin(&sl->seqcount);
}

static inline void write_sequnlock_irq(seqlock_t *sl)
{
	write_seqcount_end(&sl->seqcount);
	spin_unlock_irq(&sl->lock);
}

#define write_seqlock_irqsave(sl, flags)               \
	do {                                           \
		spin_lock_irqsave(&(sl)->lock, flags); \
		write_seqcount_begin(&(sl)->seqcount); \
	} while (0)

static inline void write_sequnlock_irqrestore(seqlock_t *sl,
					      unsigned long flags)
{
	write_seqcount_end(&sl->seqcount);
	spin_unlock_irqrestore(&sl->lock, flags);
}

/*
 * Locking readers: exclude writers (and each other) without touching
 * the count, for a reader that must not retry.
 */
static inline void read_seqlock_excl(seqlock_t *sl)
{
	spin_lock(&sl->lock);
}

static inline void read_sequnlock_excl(seqlock_t *sl)
{
	spin_unlock(&sl->lock);
}

#define read_seqlock_excl_irqsave(sl, flags) \
	spin_lock_irqsave(&(sl)->lock, flags)

static inline void read_sequnlock_excl_irqrestore(seqlock_t *sl,
						  unsigned long flags)
{
	spin_unlock_irqrestore(&sl->lock, flags);
}

/*
 * read_seqbegin_or_lock - a lockless pass first, a locked one if it
 * must retry.  Start with *@seq even; pass the same @seq to
 * need_seqretry() and done_seqretry():
 *
 *	int seq = 0;
 *	again:
 *	read_seqbegin_or_lock(&sl, &seq);
 *	... read ...
 *	if (need_seqretry(&sl, seq)) { seq = 1; goto again; }
 *	done_seqretry(&sl, seq);
 */
static inline void read_seqbegin_or_lock(seqlock_t *sl, int *seq)
{
	if (!(*seq & 1))
		*seq = read_seqbegin(sl);
	else
		read_seqlock_excl(sl);
}

static inline bool need_seqretry(seqlock_t *sl, int seq)
{
	return !(seq & 1) && read_seqretry(sl, seq);
}

static inline void done_seqretry(seqlock_t *sl, int seq)
{
	if (seq & 1)
		read_sequnlock_excl(sl);
}

#endif /* _LINUX_SEQLOCK_H */

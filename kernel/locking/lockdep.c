/*
 * lockdep: the runtime locking correctness validator, small edition
 * (seed 000: "lockdep: Runtime locking correctness validator";
 * DESIGN.md section 5).  The API and the idea are in <linux/lockdep.h>.
 *
 * Three tables, all static so that the validator needs no allocator
 * and works from the first spin_lock() of the boot:
 *
 *  - lock classes, found by key (a struct lock_class_key's address, or
 *    a static lock's own) in a hash table;
 *  - dependencies "A was held when B was taken", one struct lock_list
 *    per pair, on A's locks_after list and in a hash table of pairs;
 *  - per-task stacks of held locks, in slots a task claims at its first
 *    lock (task_struct.lockdep points at its slot).
 *
 * Taking B looks up (held top, B) in the pair hash: seen before, done.
 * Otherwise, under lockdep_graph_lock, a breadth-first search from B
 * looks for a path back to the held lock: finding one means the new
 * edge closes a cycle, the report names the chain, and the edge is
 * added anyway, so each inversion is reported once.  Entries are only
 * ever added, published with release stores, so the lookups need no
 * lock.
 *
 * Every entry point runs with irqs off and a per-CPU recursion count
 * raised: printk() and dump_stack() take locks of their own, and those
 * must not re-enter the validator that is reporting.
 */
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm-generic/sections.h>

#if CONFIG_LOCKDEP

#define MAX_LOCKDEP_KEYS 1024 /* lock classes */
#define MAX_LOCKDEP_ENTRIES 16384 /* dependencies */
#define MAX_LOCK_DEPTH 48 /* locks one task holds at once */
#define LOCKDEP_TASKS 256 /* tasks holding locks at once */
#define CLASSHASH_BITS 10
#define DEPHASH_BITS 12

/*
 * Usage bits: in which contexts a class has been taken.  Bit number
 * (state << 2) | (dir << 1) | read, with state hardirq or softirq, dir
 * "taken in that context" (USED_IN) or "taken with it enabled"
 * (ENABLED), read set for a shared acquisition.
 */
enum { LOCK_STATE_HARDIRQ, LOCK_STATE_SOFTIRQ, NR_LOCK_STATES };

#define LOCK_USAGE_READ 1
#define LOCK_USAGE_ENABLED 2
#define LOCK_USAGE_BIT(state, dir, read) (((state) << 2) | (dir) | (read))
#define NR_LOCK_USAGE_BITS (NR_LOCK_STATES * 4)

static const char *const usage_names[NR_LOCK_USAGE_BITS] = {
	"IN-HARDIRQ-W", "IN-HARDIRQ-R", "HARDIRQ-ON-W", "HARDIRQ-ON-R",
	"IN-SOFTIRQ-W", "IN-SOFTIRQ-R", "SOFTIRQ-ON-W", "SOFTIRQ-ON-R",
};

/**
 * struct lock_class - all locks initialised by one call site
 * @hash_entry: in classhash_table
 * @key: the identity: a lock_class_key's or a static lock's address
 * @name: as printed ("&zone->lock")
 * @subclass: nesting level (spin_lock_nested); each is its own class
 * @usage_mask: usage bits seen so far
 * @usage_ip: where each usage was first seen
 * @locks_after: dependencies from this class (struct lock_list)
 * @locks_before: dependencies to this class
 * @bfs_gen: last search that visited it
 * @bfs_parent: the dependency that search reached it by
 * @recursion_reported: "recursive locking" already said for it
 * @inversion_reported: "irq-safe -> irq-unsafe" already said for it
 */
struct lock_class {
	struct hlist_node hash_entry;
	const void *key;
	const char *name;
	unsigned int subclass;
	unsigned int usage_mask;
	unsigned long usage_ip[NR_LOCK_USAGE_BITS];
	struct list_head locks_after;
	struct list_head locks_before;
	unsigned int bfs_gen;
	struct lock_list *bfs_parent;
	bool recursion_reported;
	bool inversion_reported;
};

/* One dependency: @to was taken (at @to_ip) while @from was held. */
struct lock_list {
	struct list_head entry; /* in from->locks_after */
	struct list_head before_entry; /* in to->locks_before */
	struct hlist_node hash_entry;
	struct lock_class *from;
	struct lock_class *to;
	unsigned long from_ip;
	unsigned long to_ip;
};

/*
 * One lock on a task's held stack.  @irq_context tells apart the locks
 * an interrupt took on top of the task's own (it pushes on the same
 * stack): no dependency is recorded across the boundary.
 */
struct held_lock {
	struct lockdep_map *instance;
	unsigned long acquire_ip;
	u16 class_idx;
	u8 irq_context;
	u8 trylock;
	u8 read;
};

struct lockdep_task {
	struct task_struct *task; /* owner; NULL while the slot is free */
	unsigned int depth;
	struct held_lock held_locks[MAX_LOCK_DEPTH];
};

/* task_struct.lockdep of a task that found every slot taken. */
#define LOCKDEP_NO_SLOT ((struct lockdep_task *)1)

int debug_locks = 1;

static struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
static unsigned int nr_lock_classes;
static struct hlist_head classhash_table[1 << CLASSHASH_BITS];

static struct lock_list list_entries[MAX_LOCKDEP_ENTRIES];
static unsigned int nr_list_entries;
static struct hlist_head dephash_table[1 << DEPHASH_BITS];

static struct lockdep_task lockdep_tasks[LOCKDEP_TASKS];

/* Serialises additions to the tables; a bare lock, invisible to itself. */
static arch_spinlock_t lockdep_graph_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static DEFINE_PER_CPU(int, lockdep_recursion);

static struct lock_class *bfs_queue[MAX_LOCKDEP_KEYS];
static unsigned int bfs_generation;

/* --- entering and leaving ------------------------------------------------- */

static bool lockdep_enter(unsigned long *flags)
{
	if (!READ_ONCE(debug_locks) || in_nmi())
		return false;
	local_irq_save(*flags);
	if (this_cpu_read(lockdep_recursion)) {
		local_irq_restore(*flags);
		return false;
	}
	this_cpu_inc(lockdep_recursion);
	return true;
}

static void lockdep_exit(unsigned long flags)
{
	this_cpu_dec(lockdep_recursion);
	local_irq_restore(flags);
}

static void graph_lock(void)
{
	arch_spin_lock(&lockdep_graph_lock);
}

static void graph_unlock(void)
{
	arch_spin_unlock(&lockdep_graph_lock);
}

/**
 * debug_locks_off - stop the validator for good.
 *
 * Any context.  Called after a report that leaves lockdep's own state
 * unreliable.  Returns 1 if this call turned it off.
 */
int debug_locks_off(void)
{
	if (!__atomic_exchange_n(&debug_locks, 0, __ATOMIC_SEQ_CST))
		return 0;
	pr_warn("lockdep: turning off the locking correctness validator.\n");
	return 1;
}

/* --- per-task held-lock stacks -------------------------------------------- */

/*
 * A slot whose owner died without lockdep_free_task() still names its
 * address; a new task at that address may take the slot over.
 */
static struct lockdep_task *claim_slot(struct task_struct *p)
{
	static bool warned;
	struct task_struct *owner;
	unsigned int i;

	for (i = 0; i < LOCKDEP_TASKS; i++) {
		if (READ_ONCE(lockdep_tasks[i].task) == p)
			goto claimed;
	}
	for (i = 0; i < LOCKDEP_TASKS; i++) {
		owner = NULL;
		if (__atomic_compare_exchange_n(&lockdep_tasks[i].task, &owner,
						p, false, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			goto claimed;
	}
	if (!warned) {
		warned = true;
		pr_warn("lockdep: all %d task slots in use, %s/%d goes unchecked\n",
			LOCKDEP_TASKS, p->comm, p->pid);
	}
	return NULL;
claimed:
	lockdep_tasks[i].depth = 0;
	return &lockdep_tasks[i];
}

/* @p's slot, or NULL if it has none (it holds no lock lockdep saw). */
static struct lockdep_task *task_slot(const struct task_struct *p)
{
	struct lockdep_task *lt = p->lockdep;

	if (!lt || lt == LOCKDEP_NO_SLOT || READ_ONCE(lt->task) != p)
		return NULL;
	return lt;
}

/* current's slot, claimed at its first lock. */
static struct lockdep_task *current_slot(void)
{
	struct task_struct *p = current;
	struct lockdep_task *lt = p->lockdep;

	if (lt == LOCKDEP_NO_SLOT)
		return NULL;
	if (lt && lt->task == p)
		return lt;
	lt = claim_slot(p);
	p->lockdep = lt ? lt : LOCKDEP_NO_SLOT;
	return lt;
}

/**
 * lockdep_free_task - give back @p's held-lock stack.
 * @p: a task that will never run again
 *
 * For the task's release (__put_task_struct).  Without it the slot is
 * reused only by a later task at the same address.
 */
void lockdep_free_task(struct task_struct *p)
{
	struct lockdep_task *lt = task_slot(p);

	if (lt) {
		lt->depth = 0;
		__atomic_store_n(&lt->task, NULL, __ATOMIC_RELEASE);
	}
	p->lockdep = NULL;
}

/* --- classes --------------------------------------------------------------- */

static bool addr_in(unsigned long addr, unsigned long start, unsigned long size)
{
	return addr - start < size;
}

/*
 * The key of a lock without one: its own address, if the lock is a
 * static object.  A per-CPU lock is named by its copy in the image, so
 * that all CPUs' copies are one class.  NULL for anything else: a lock
 * in allocated memory that nobody initialised.
 */
static const void *static_key(const struct lockdep_map *map)
{
	unsigned long addr = (unsigned long)map;
	unsigned long size = __per_cpu_end - __per_cpu_start;
	unsigned long load = (unsigned long)__per_cpu_load;
	unsigned int cpu;

	if (addr_in(addr, load, size))
		return map;
	for_each_online_cpu(cpu) {
		unsigned long base = __per_cpu_offset[cpu];

		if (addr_in(addr, base, size))
			return (const void *)(load + addr - base);
	}
	if (addr_in(addr, (unsigned long)_text,
		    (unsigned long)_end - (unsigned long)_text))
		return map;
	return NULL;
}

static struct hlist_head *classhash(const void *key, unsigned int subclass)
{
	unsigned long h = ((unsigned long)key >> 4) ^ subclass;

	h ^= h >> CLASSHASH_BITS;
	return &classhash_table[h & ((1 << CLASSHASH_BITS) - 1)];
}

static struct lock_class *look_up_class(const void *key, unsigned int subclass)
{
	struct lock_class *class;

	hlist_for_each_entry_rcu(class, classhash(key, subclass), hash_entry) {
		if (class->key == key && class->subclass == subclass)
			return class;
	}
	return NULL;
}

/* Under the graph lock. */
static struct lock_class *new_class(const void *key, unsigned int subclass,
				    const char *name)
{
	struct lock_class *class;

	if (nr_lock_classes >= MAX_LOCKDEP_KEYS) {
		if (debug_locks_off())
			pr_err("BUG: MAX_LOCKDEP_KEYS too low!\n");
		return NULL;
	}
	class = &lock_classes[nr_lock_classes++];
	class->key = key;
	class->subclass = subclass;
	class->name = name ? name : "(unnamed)";
	INIT_LIST_HEAD(&class->locks_after);
	INIT_LIST_HEAD(&class->locks_before);
	hlist_add_head_rcu(&class->hash_entry, classhash(key, subclass));
	return class;
}

static void report_non_static(struct lockdep_map *map)
{
	static bool warned;

	if (warned)
		return;
	warned = true;
	pr_warn("INFO: lock %p (%s) has no class key: allocated but never initialised?\n",
		map, map->name ? map->name : "(unnamed)");
	pr_warn("lockdep ignores it; initialise it with spin_lock_init() & co.\n");
	dump_stack();
}

static struct lock_class *register_class(struct lockdep_map *map,
					 unsigned int subclass)
{
	const void *key = map->key;
	struct lock_class *class;

	if (!subclass && map->class_cache)
		return map->class_cache;
	if (subclass >= MAX_LOCKDEP_SUBCLASSES) {
		WARN_ONCE(1, "lockdep: subclass %u out of range\n", subclass);
		return NULL;
	}
	if (!key)
		key = static_key(map);
	if (!key) {
		report_non_static(map);
		return NULL;
	}
	class = look_up_class(key, subclass);
	if (!class) {
		graph_lock();
		class = look_up_class(key, subclass);
		if (!class)
			class = new_class(key, subclass, map->name);
		graph_unlock();
	}
	if (class && !subclass)
		WRITE_ONCE(map->class_cache, class);
	return class;
}

/**
 * lockdep_init_map - give a lock its name and class key.
 * @lock: the lock's map
 * @name: its name in reports
 * @key: its class key; NULL for a static lock, named by its address
 * @subclass: accepted for Linux's signature; nesting levels are given
 *            per acquisition (spin_lock_nested)
 *
 * Any context.  Called by spin_lock_init(), mutex_init() and the like.
 */
void lockdep_init_map(struct lockdep_map *lock, const char *name,
		      struct lock_class_key *key, int subclass)
{
	lock->name = name;
	lock->key = key;
	lock->class_cache = NULL;
}

/* --- reports --------------------------------------------------------------- */

static void print_class(const char *prefix, const struct lock_class *class,
			unsigned long ip)
{
	if (class->subclass)
		pr_warn("%s(%s/%u) at: %pS\n", prefix, class->name,
			class->subclass, (void *)ip);
	else
		pr_warn("%s(%s) at: %pS\n", prefix, class->name, (void *)ip);
}

static struct lock_class *hlock_class(const struct held_lock *hlock)
{
	return &lock_classes[hlock->class_idx];
}

static void print_held_locks(struct task_struct *p, struct lockdep_task *lt)
{
	unsigned int i, depth = lt ? lt->depth : 0;

	if (!depth) {
		pr_warn("no locks held by %s/%d.\n", p->comm, p->pid);
		return;
	}
	pr_warn("%u lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "",
		p->comm, p->pid);
	for (i = 0; i < depth; i++) {
		struct held_lock *hlock = &lt->held_locks[i];
		char prefix[16];

		snprintf(prefix, sizeof(prefix), " #%u: ", i);
		print_class(prefix, hlock_class(hlock), hlock->acquire_ip);
	}
}

/* A report's title, framed, and the counter the tests read. */
static void report_begin(const char *title)
{
	size_t n = strlen(title) + 9;

	warn_count++;
	pr_warn("\n");
	pr_warn("%.*s\n", (int)n,
		"==============================================================================");
	pr_warn("WARNING: %s\n", title);
	pr_warn("%.*s\n", (int)n,
		"------------------------------------------------------------------------------");
}

static void report_end(struct lockdep_task *lt)
{
	pr_warn("\n");
	print_held_locks(current, lt);
	pr_warn("\n");
	pr_warn("stack backtrace:\n");
	dump_stack();
}

/* --- usage: hardirq/softirq safety --------------------------------------- */

static bool usage_conflicts(unsigned int a, unsigned int b)
{
	if ((a >> 2) != (b >> 2))
		return false; /* different irq kinds */
	if ((a & LOCK_USAGE_ENABLED) == (b & LOCK_USAGE_ENABLED))
		return false; /* same direction */
	return !((a & LOCK_USAGE_READ) && (b & LOCK_USAGE_READ));
}

static void print_irq_scenario(const struct lock_class *class)
{
	pr_warn("\n");
	pr_warn(" Possible unsafe locking scenario:\n");
	pr_warn("\n");
	pr_warn("       CPU0\n");
	pr_warn("       ----\n");
	pr_warn("  lock(%s);\n", class->name);
	pr_warn("  <Interrupt>\n");
	pr_warn("    lock(%s);\n", class->name);
	pr_warn("\n");
	pr_warn(" *** DEADLOCK ***\n");
}

static void report_inconsistent(struct lockdep_task *lt,
				const struct lock_class *class,
				unsigned int old, unsigned int new,
				bool irqs_on, unsigned long ip)
{
	report_begin("inconsistent lock state");
	pr_warn("inconsistent {%s} -> {%s} usage.\n", usage_names[old],
		usage_names[new]);
	pr_warn("%s/%d [hardirq:%d softirq:%d irqs-on:%d] takes:\n",
		current->comm, current->pid, !!in_hardirq(),
		!!in_serving_softirq(), irqs_on);
	print_class(" ", class, ip);
	pr_warn("{%s} state was registered at:\n", usage_names[old]);
	pr_warn("  %pS\n", (void *)class->usage_ip[old]);
	print_irq_scenario(class);
	report_end(lt);
}

/*
 * Irq-safe -> irq-unsafe: lock S is taken in an interrupt, lock U with
 * that interrupt enabled, and S can be held while U is taken (directly
 * or through other locks).  Then CPU 1 holds U with irqs on; CPU 0,
 * irqs off, holds S and waits for U; CPU 1's interrupt waits for S.
 * Found by a search from S forward, or from U backward, along the
 * dependencies.
 */
static const char *const state_names[NR_LOCK_STATES] = { "HARDIRQ", "SOFTIRQ" };

static unsigned int used_in_mask(unsigned int state)
{
	return 3U << (state << 2); /* the W and R bits */
}

static unsigned int enabled_mask(unsigned int state)
{
	return 1U << LOCK_USAGE_BIT(state, LOCK_USAGE_ENABLED, 0);
}

static struct lock_class *bfs_next(struct lock_list *entry, bool forward)
{
	return forward ? entry->to : entry->from;
}

/*
 * Breadth-first search from @source, along the dependencies if
 * @forward, else against them, for a class with a usage bit in @mask;
 * @source itself counts if @self.  Under the graph lock.
 */
static struct lock_class *find_usage(struct lock_class *source, bool forward,
				     unsigned int mask, bool self)
{
	unsigned int head = 0, tail = 0, gen = ++bfs_generation;
	struct lock_list *entry;

	source->bfs_gen = gen;
	bfs_queue[tail++] = source;
	while (head < tail) {
		struct lock_class *class = bfs_queue[head++];
		struct list_head *list = forward ? &class->locks_after :
						   &class->locks_before;
		struct list_head *pos;

		if ((class != source || self) && (class->usage_mask & mask))
			return class;
		list_for_each(pos, list) {
			struct lock_class *next;

			entry = forward ? list_entry(pos, struct lock_list,
						     entry) :
					  list_entry(pos, struct lock_list,
						     before_entry);
			next = bfs_next(entry, forward);
			if (next->bfs_gen == gen)
				continue;
			next->bfs_gen = gen;
			bfs_queue[tail++] = next;
		}
	}
	return NULL;
}

static void report_irq_inversion(struct lockdep_task *lt, unsigned int state,
				 struct lock_class *safe,
				 struct lock_class *unsafe)
{
	const char *irq = state_names[state];
	unsigned int in = LOCK_USAGE_BIT(state, 0, 0);
	unsigned int on = LOCK_USAGE_BIT(state, LOCK_USAGE_ENABLED, 0);

	if (!(safe->usage_mask & (1U << in)))
		in |= LOCK_USAGE_READ;
	report_begin(
		state == LOCK_STATE_HARDIRQ ?
			"HARDIRQ-safe -> HARDIRQ-unsafe lock order detected" :
			"SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected");
	pr_warn("%s/%d made a %s-safe lock come before a %s-unsafe one:\n",
		current->comm, current->pid, irq, irq);
	pr_warn(" (%s), {%s} at: %pS\n", safe->name, usage_names[in],
		(void *)safe->usage_ip[in]);
	pr_warn("can be held while taking\n");
	pr_warn(" (%s), {%s} at: %pS\n", unsafe->name, usage_names[on],
		(void *)unsafe->usage_ip[on]);
	pr_warn("\n");
	pr_warn(" Possible interrupt unsafe locking scenario:\n");
	pr_warn("\n");
	pr_warn("       CPU0                    CPU1\n");
	pr_warn("       ----                    ----\n");
	pr_warn("                               lock(%s);\n", unsafe->name);
	pr_warn("  local_irq_disable();\n");
	pr_warn("  lock(%s);\n", safe->name);
	pr_warn("  lock(%s);\n", unsafe->name);
	pr_warn("                               <Interrupt>\n");
	pr_warn("                                 lock(%s);\n", safe->name);
	pr_warn("\n");
	pr_warn(" *** DEADLOCK ***\n");
	report_end(lt);
}

/*
 * Look for an irq-safe class before an irq-unsafe one: starting at
 * @safe_from going back, and at @unsafe_from going forward.  Reported
 * once per safe class.  Under the graph lock.
 */
static void check_irq_inversion(struct lockdep_task *lt,
				struct lock_class *safe_from, bool safe_self,
				struct lock_class *unsafe_from,
				bool unsafe_self)
{
	unsigned int state;

	for (state = 0; state < NR_LOCK_STATES; state++) {
		struct lock_class *safe, *unsafe;

		safe = find_usage(safe_from, false, used_in_mask(state),
				  safe_self);
		if (!safe || safe->inversion_reported)
			continue;
		unsafe = find_usage(unsafe_from, true, enabled_mask(state),
				    unsafe_self);
		if (!unsafe || unsafe == safe)
			continue;
		safe->inversion_reported = true;
		report_irq_inversion(lt, state, safe, unsafe);
	}
}

/* A new usage bit may make @class the safe or the unsafe end of one. */
static void check_usage_inversion(struct lockdep_task *lt,
				  struct lock_class *class, unsigned int bit)
{
	if (!(bit & LOCK_USAGE_ENABLED))
		check_irq_inversion(lt, class, true, class, false);
	else if (!(bit & LOCK_USAGE_READ))
		check_irq_inversion(lt, class, false, class, true);
}

/* Record one usage bit; report if it clashes with one seen before. */
static void mark_usage_bit(struct lockdep_task *lt, struct lock_class *class,
			   unsigned int bit, bool irqs_on, unsigned long ip)
{
	unsigned int old;

	if (READ_ONCE(class->usage_mask) & (1U << bit))
		return;
	graph_lock();
	if (!(class->usage_mask & (1U << bit))) {
		class->usage_ip[bit] = ip;
		WRITE_ONCE(class->usage_mask, class->usage_mask | 1U << bit);
		for (old = 0; old < NR_LOCK_USAGE_BITS; old++) {
			if ((class->usage_mask & (1U << old)) &&
			    usage_conflicts(old, bit))
				break;
		}
		if (old < NR_LOCK_USAGE_BITS)
			report_inconsistent(lt, class, old, bit, irqs_on, ip);
		else
			check_usage_inversion(lt, class, bit);
	}
	graph_unlock();
}

/*
 * Hardirq: taken in one, or taken with hardirqs enabled.  Softirq: the
 * same, "enabled" meaning task context with bottom halves and irqs on.
 */
static void mark_usage(struct lockdep_task *lt, struct lock_class *class,
		       int read, bool irqs_on, unsigned long ip)
{
	unsigned int r = read ? LOCK_USAGE_READ : 0;

	unsigned int hard = LOCK_USAGE_BIT(LOCK_STATE_HARDIRQ, 0, r);
	unsigned int soft = LOCK_USAGE_BIT(LOCK_STATE_SOFTIRQ, 0, r);

	if (in_hardirq())
		mark_usage_bit(lt, class, hard, irqs_on, ip);
	else if (irqs_on)
		mark_usage_bit(lt, class, hard | LOCK_USAGE_ENABLED, irqs_on,
			       ip);
	if (in_serving_softirq())
		mark_usage_bit(lt, class, soft, irqs_on, ip);
	else if (irqs_on && !in_interrupt())
		mark_usage_bit(lt, class, soft | LOCK_USAGE_ENABLED, irqs_on,
			       ip);
}

/* --- dependencies ---------------------------------------------------------- */

static struct hlist_head *dephash(const struct lock_class *from,
				  const struct lock_class *to)
{
	unsigned long h = (from - lock_classes) * 31 + (to - lock_classes);

	h ^= h >> DEPHASH_BITS;
	return &dephash_table[h & ((1 << DEPHASH_BITS) - 1)];
}

static struct lock_list *find_dependency(const struct lock_class *from,
					 const struct lock_class *to)
{
	struct lock_list *entry;

	hlist_for_each_entry_rcu(entry, dephash(from, to), hash_entry) {
		if (entry->from == from && entry->to == to)
			return entry;
	}
	return NULL;
}

/*
 * Breadth-first search along the dependencies from @source for
 * @target.  Returns the last dependency of the path found (its ->to is
 * @target); the others are reached back through ->from->bfs_parent.
 * Under the graph lock.
 */
static struct lock_list *find_path(struct lock_class *source,
				   struct lock_class *target)
{
	unsigned int head = 0, tail = 0, gen = ++bfs_generation;
	struct lock_list *entry;

	source->bfs_gen = gen;
	source->bfs_parent = NULL;
	bfs_queue[tail++] = source;
	while (head < tail) {
		struct lock_class *class = bfs_queue[head++];

		list_for_each_entry(entry, &class->locks_after, entry) {
			struct lock_class *to = entry->to;

			if (to->bfs_gen == gen)
				continue;
			to->bfs_gen = gen;
			to->bfs_parent = entry;
			if (to == target)
				return entry;
			bfs_queue[tail++] = to;
		}
	}
	return NULL;
}

/* The CPU0/CPU1 picture, for an inversion of two classes. */
static void print_circular_scenario(const struct lock_class *held,
				    const struct lock_class *wanted)
{
	pr_warn("\n");
	pr_warn(" Possible unsafe locking scenario:\n");
	pr_warn("\n");
	pr_warn("       CPU0                    CPU1\n");
	pr_warn("       ----                    ----\n");
	pr_warn("  lock(%s);\n", held->name);
	pr_warn("                               lock(%s);\n", wanted->name);
	pr_warn("                               lock(%s);\n", held->name);
	pr_warn("  lock(%s);\n", wanted->name);
	pr_warn("\n");
	pr_warn(" *** DEADLOCK ***\n");
}

/*
 * The task holds @prev (taken at @prev_ip) and wants @next (at
 * @next_ip), while @last ends a known path @next -> ... -> @prev.
 */
static void report_circular(struct lockdep_task *lt, struct lock_class *prev,
			    unsigned long prev_ip, struct lock_class *next,
			    unsigned long next_ip, struct lock_list *last)
{
	static struct lock_list *chain[MAX_LOCKDEP_KEYS];
	struct lock_list *entry;
	unsigned int links = 0, i;

	for (entry = last; entry; entry = entry->from->bfs_parent)
		chain[links++] = entry;
	report_begin("possible circular locking dependency detected");
	pr_warn("%s/%d is trying to acquire lock:\n", current->comm,
		current->pid);
	print_class(" ", next, next_ip);
	pr_warn("\n");
	pr_warn("but task is already holding lock:\n");
	print_class(" ", prev, prev_ip);
	pr_warn("\n");
	pr_warn("which lock already depends on the new lock.\n");
	pr_warn("\n");
	pr_warn("the existing dependency chain, from the new lock to the held one:\n");
	for (i = links; i-- > 0;) {
		entry = chain[i];
		pr_warn("\n");
		pr_warn("-> #%u (%s) taken at: %pS\n", links - 1 - i,
			entry->to->name, (void *)entry->to_ip);
		pr_warn("       while holding (%s) taken at: %pS\n",
			entry->from->name, (void *)entry->from_ip);
	}
	if (links == 1) {
		print_circular_scenario(prev, next);
	} else {
		pr_warn("\n");
		pr_warn("(a deadlock along this chain takes %u CPUs)\n",
			links + 1);
	}
	report_end(lt);
}

static struct lock_list *new_dependency(void)
{
	if (nr_list_entries >= MAX_LOCKDEP_ENTRIES) {
		if (debug_locks_off())
			pr_err("BUG: MAX_LOCKDEP_ENTRIES too low!\n");
		return NULL;
	}
	return &list_entries[nr_list_entries++];
}

/* Record "@next taken while @prev held", checking it closes no cycle. */
static void add_dependency(struct lockdep_task *lt,
			   const struct held_lock *prev_hlock,
			   struct lock_class *next, unsigned long next_ip)
{
	struct lock_class *prev = hlock_class(prev_hlock);
	struct lock_list *entry, *cycle;

	if (prev == next || find_dependency(prev, next))
		return;
	graph_lock();
	if (find_dependency(prev, next))
		goto out;
	cycle = find_path(next, prev);
	if (cycle)
		report_circular(lt, prev, prev_hlock->acquire_ip, next, next_ip,
				cycle);
	entry = new_dependency();
	if (!entry)
		goto out;
	entry->from = prev;
	entry->to = next;
	entry->from_ip = prev_hlock->acquire_ip;
	entry->to_ip = next_ip;
	list_add_tail_rcu(&entry->entry, &prev->locks_after);
	list_add_tail(&entry->before_entry, &next->locks_before);
	hlist_add_head_rcu(&entry->hash_entry, dephash(prev, next));
	check_irq_inversion(lt, prev, true, next, true);
out:
	graph_unlock();
}

/*
 * The new lock depends on the lock taken last in this context; that
 * one depends on those before it already.  A held trylock does not
 * end the walk: its own acquisition recorded no dependencies.
 */
static void add_dependencies(struct lockdep_task *lt, struct lock_class *class,
			     u8 ctx, unsigned long ip)
{
	int i;

	for (i = (int)lt->depth - 1; i >= 0; i--) {
		struct held_lock *hlock = &lt->held_locks[i];

		if (hlock->irq_context != ctx)
			break;
		add_dependency(lt, hlock, class, ip);
		if (!hlock->trylock)
			break;
	}
}

static void report_recursion(struct lockdep_task *lt, struct lock_class *class,
			     const struct held_lock *held, unsigned long ip)
{
	report_begin("possible recursive locking detected");
	pr_warn("%s/%d is trying to acquire lock:\n", current->comm,
		current->pid);
	print_class(" ", class, ip);
	pr_warn("\n");
	pr_warn("but task is already holding lock:\n");
	print_class(" ", hlock_class(held), held->acquire_ip);
	pr_warn("\n");
	pr_warn("Two locks of one class, nested: if they can be the same lock this\n");
	pr_warn("deadlocks; if not, tell lockdep with spin_lock_nested() & co.\n");
	report_end(lt);
}

/* Taking a class already held in this context. */
static void check_recursion(struct lockdep_task *lt, struct lock_class *class,
			    int read, u8 ctx, unsigned long ip)
{
	unsigned int i;

	for (i = 0; i < lt->depth; i++) {
		struct held_lock *hlock = &lt->held_locks[i];

		if (hlock->irq_context != ctx || hlock_class(hlock) != class)
			continue;
		if (read == 2 && hlock->read == 2)
			continue; /* recursive readers */
		if (!class->recursion_reported) {
			class->recursion_reported = true;
			report_recursion(lt, class, hlock, ip);
		}
		return;
	}
}

/* --- acquire and release -------------------------------------------------- */

static u8 irq_context(void)
{
	if (in_hardirq())
		return 2;
	return in_serving_softirq() ? 1 : 0;
}

static void __lock_acquire(struct lockdep_map *map, unsigned int subclass,
			   int trylock, int read, bool irqs_on,
			   unsigned long ip)
{
	struct lockdep_task *lt = current_slot();
	struct lock_class *class;
	struct held_lock *hlock;
	u8 ctx = irq_context();

	if (!lt)
		return;
	class = register_class(map, subclass);
	if (!class)
		return;
	mark_usage(lt, class, read, irqs_on, ip);
	if (lt->depth >= MAX_LOCK_DEPTH) {
		if (debug_locks_off())
			pr_err("BUG: MAX_LOCK_DEPTH too low!\n");
		return;
	}
	if (!trylock) {
		check_recursion(lt, class, read, ctx, ip);
		add_dependencies(lt, class, ctx, ip);
	}
	hlock = &lt->held_locks[lt->depth++];
	hlock->instance = map;
	hlock->acquire_ip = ip;
	hlock->class_idx = class - lock_classes;
	hlock->irq_context = ctx;
	hlock->trylock = !!trylock;
	hlock->read = read;
}

/**
 * lock_acquire - tell lockdep the caller is taking a lock.
 * @map: the lock's map
 * @subclass: nesting level, 0 unless the lock nests in its own class
 * @trylock: 1 if it cannot wait (records no dependency)
 * @read: 0 exclusive, 1 shared, 2 shared and recursive
 * @ip: the caller's address, for reports
 *
 * Any context; called before the lock is actually taken, so that an
 * inversion is reported even when it deadlocks.
 */
void lock_acquire(struct lockdep_map *map, unsigned int subclass, int trylock,
		  int read, unsigned long ip)
{
	unsigned long flags;

	if (!lockdep_enter(&flags))
		return;
	/* rwlock_t readers recurse only in interrupts (see qrwlock.c). */
	if (read == 2 && !in_interrupt())
		read = 1;
	__lock_acquire(map, subclass, trylock, read,
		       !arch_irqs_disabled_flags(flags), ip);
	lockdep_exit(flags);
}

static void report_bad_unlock(struct lockdep_task *lt, struct lockdep_map *map,
			      unsigned long ip)
{
	if (!debug_locks_off())
		return;
	report_begin("bad unlock balance detected!");
	pr_warn("%s/%d is trying to release lock (%s) at: %pS\n", current->comm,
		current->pid, map->name ? map->name : "?", (void *)ip);
	pr_warn("but it does not hold it.\n");
	report_end(lt);
}

static void __lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct lockdep_task *lt = task_slot(current);
	int i;

	if (!lt)
		return;
	for (i = (int)lt->depth - 1; i >= 0; i--) {
		if (lt->held_locks[i].instance == map)
			break;
	}
	if (i < 0) {
		if (map->key || static_key(map))
			report_bad_unlock(lt, map, ip);
		return;
	}
	lt->depth--;
	for (; i < (int)lt->depth; i++)
		lt->held_locks[i] = lt->held_locks[i + 1];
}

/**
 * lock_release - tell lockdep the caller released a lock.
 * @map: the lock's map
 * @ip: the caller's address
 *
 * Any context.  Locks may be released in any order.
 */
void lock_release(struct lockdep_map *map, unsigned long ip)
{
	unsigned long flags;

	if (!lockdep_enter(&flags))
		return;
	__lock_release(map, ip);
	lockdep_exit(flags);
}

/**
 * lock_is_held - does current hold the lock of @map?
 * @map: the lock's map
 *
 * Any context.  True whenever lockdep cannot tell (turned off, or the
 * task is not tracked), so assertions built on it never cry wolf.
 */
bool lock_is_held(const struct lockdep_map *map)
{
	struct lockdep_task *lt;
	unsigned long flags;
	bool held = true;
	unsigned int i;

	if (!READ_ONCE(debug_locks))
		return true;
	local_irq_save(flags);
	lt = task_slot(current);
	if (lt) {
		held = false;
		for (i = 0; i < lt->depth && !held; i++)
			held = lt->held_locks[i].instance == map;
	}
	local_irq_restore(flags);
	return held;
}

/**
 * lockdep_depth - how many locks @p holds, as far as lockdep knows.
 * @p: the task; exact only for current
 */
unsigned int lockdep_depth(struct task_struct *p)
{
	struct lockdep_task *lt = task_slot(p);

	return lt ? READ_ONCE(lt->depth) : 0;
}

/**
 * lockdep_print_held_locks - list the locks @p holds.
 * @p: the task; for another task than current the list may be stale
 */
void lockdep_print_held_locks(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	this_cpu_inc(lockdep_recursion);
	print_held_locks(p, task_slot(p));
	this_cpu_dec(lockdep_recursion);
	local_irq_restore(flags);
}

/**
 * debug_show_held_locks - lockdep_print_held_locks() while lockdep is on.
 * @p: the task
 */
void debug_show_held_locks(struct task_struct *p)
{
	if (READ_ONCE(debug_locks))
		lockdep_print_held_locks(p);
}

/**
 * debug_check_no_locks_held - warn if current still holds a lock.
 *
 * For the exit path and the return to user space, where holding a
 * lock is always a bug.
 */
void debug_check_no_locks_held(void)
{
	unsigned long flags;

	if (!lockdep_depth(current) || !lockdep_enter(&flags))
		return;
	report_begin("lock held when returning to user space or exiting!");
	pr_warn("%s/%d is leaving the kernel with locks still held!\n",
		current->comm, current->pid);
	report_end(task_slot(current));
	lockdep_exit(flags);
}

#endif /* CONFIG_LOCKDEP */

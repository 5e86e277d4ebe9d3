#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/rwsem.h>
#include <linux/spinlock_types.h>
#include <linux/cpumask.h>
#include <asm/pgtable_types.h>

struct kmem_cache;
struct file;
struct anon_vma;
struct vm_operations_struct;

/*
 * struct page: one per physical page frame, in the vmemmap array at
 * VMEMMAP_START, so page <-> pfn is an index computation.  What the
 * middle words mean depends on who owns the page; the owner is told by
 * the flags (PG_buddy, PG_slab, PG_head...).  Keep it at 56 bytes.
 */
struct page {
	unsigned long flags; /* PG_* bits; zone number in the top bits */
	union {
		struct { /* buddy free lists, pcp lists, page cache */
			struct list_head lru;
			void *mapping;
			unsigned long index;
			/* buddy: the block's order while PG_buddy is set */
			unsigned long private;
		};
		struct { /* slab (mm/slub.c) */
			struct list_head slab_list;
			struct kmem_cache *slab_cache;
			void *freelist; /* first free object */
			union {
				unsigned long counters;
				struct {
					unsigned inuse : 16;
					unsigned objects : 15;
					unsigned frozen : 1; /* a CPU's slab */
				};
			};
		};
		struct { /* tail pages of a compound page */
			unsigned long compound_head; /* head | 1 */
			unsigned char compound_order; /* in the first tail */
		};
	};
	atomic_t _mapcount; /* page-table mappings, -1 based */
	atomic_t _refcount; /* users; 0 = free */
};

/*
 * A virtual memory area (seed 000): one contiguous range of a process's
 * address space with one set of permissions and one backing (anonymous
 * memory or a file at vm_pgoff).  The VMAs of an mm are kept both in an
 * rbtree keyed by address (find_vma in O(log n)) and in a sorted list.
 */
struct vm_area_struct {
	unsigned long vm_start; /* first byte */
	unsigned long vm_end; /* first byte after */
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot; /* PTE bits for this area's pages */
	unsigned long vm_flags; /* VM_* (linux/mm.h) */
	struct rb_node vm_rb;
	struct list_head vm_list; /* mm->mmap_list, sorted by address */
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff; /* offset in vm_file, in pages */
	struct file *vm_file; /* NULL: anonymous */
	void *vm_private_data;
	struct list_head shared; /* in vm_file's mapping->i_mmap */
	struct anon_vma *anon_vma; /* reserved for reverse mapping */
};

/* Per-mm page counters (rss), as /proc/<pid>/status reports them. */
enum {
	MM_FILEPAGES,
	MM_ANONPAGES,
	MM_SWAPENTS,
	MM_SHMEMPAGES,
	NR_MM_COUNTERS
};

/*
 * A process address space, shared by the threads of a process
 * (CLONE_VM).  mm_users counts tasks using it; mm_count counts
 * references to the structure (a lazy-TLB kernel thread borrowing it
 * holds one of those, not a user).
 */
struct mm_struct {
	void *pgd; /* pgd_t *: the top-level page table */
	atomic_t mm_users;
	atomic_t mm_count;

	struct rb_root mm_rb; /* VMAs by address */
	struct list_head mmap_list; /* VMAs in address order */
	struct vm_area_struct *mmap_cache; /* last find_vma() result */
	int map_count;
	struct rw_semaphore mmap_lock;
	spinlock_t page_table_lock; /* page-table pages and counters */
	struct list_head mmlist;

	unsigned long mmap_base; /* top-down search for mmap starts here */
	unsigned long task_size;
	unsigned long total_vm; /* pages mapped */
	unsigned long locked_vm;
	unsigned long data_vm; /* private writable, not stack */
	unsigned long exec_vm;
	unsigned long stack_vm;
	unsigned long def_flags;
	atomic_long_t rss_stat[NR_MM_COUNTERS];
	atomic_long_t pgtables_bytes; /* page-table pages (VmPTE) */
	unsigned long hiwater_rss;
	unsigned long hiwater_vm;

	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long saved_auxv[2 * 24]; /* for /proc/<pid>/auxv */

	struct file *exe_file; /* /proc/<pid>/exe */
	unsigned long vdso_base; /* the [vdso] image: AT_SYSINFO_EHDR */
	/* CPUs that may hold TLB entries of this mm (TLB shootdown). */
	unsigned long cpu_bitmap[BITS_TO_LONGS(NR_CPUS)];
	unsigned long flags; /* MMF_* */
};

extern struct mm_struct init_mm;

/* The CPUs that may cache this mm's translations (TLB shootdown). */
static inline struct cpumask *mm_cpumask(struct mm_struct *mm)
{
	return (struct cpumask *)&mm->cpu_bitmap;
}

static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

void __mmdrop(struct mm_struct *mm);

/* A task starts using @mm (CLONE_VM); mmput() undoes it. */
static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* mmget() unless the last user already left (/proc on a dying task). */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	int users = atomic_read(&mm->mm_users);

	while (users)
		if (atomic_try_cmpxchg(&mm->mm_users, &users, users + 1))
			return true;
	return false;
}

static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

#endif /* _LINUX_MM_TYPES_H */

/*
 * The VMAs of a process address space (seed 000): creating, finding,
 * splitting, merging and removing them; mmap, munmap and brk; the
 * stack that grows down on faults; fork's copy and exit's teardown.
 *
 * An mm keeps its VMAs twice: in an rbtree keyed by vm_start, so
 * find_vma() is O(log n), and in mm->mmap_list in address order, for
 * walking neighbours and gaps.  VMAs never overlap.  Everything here
 * runs with mm->mmap_lock held for writing, except find_vma() and
 * expand_stack() which a fault may call holding it for reading.
 *
 * Layout (x86_64, as Linux with randomisation off):
 *
 *	TASK_SIZE (0x7ffffffff000)
 *	  stack, growing down to at most RLIMIT_STACK
 *	  stack gap (>= 128 MiB, includes stack_guard_gap)
 *	mmap_base
 *	  mmap areas, allocated top-down
 *	  ...
 *	  heap (brk), growing up from start_brk
 *	  program (start_code .. end_data)
 *	mmap_min_addr (64 KiB)
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/rbtree.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/tlbflush.h>

#include "internal.h"

struct kmem_cache *vm_area_cachep;
/* Linux's defaults: 256 pages below a stack, 64 KiB at the bottom. */
unsigned long stack_guard_gap = 256UL << PAGE_SHIFT;
unsigned long mmap_min_addr = 65536;
/* vm.max_map_count */
int sysctl_max_map_count = 65530;

static int __init mmap_cache_init(void)
{
	BUILD_BUG_ON(PROT_READ != VM_READ || PROT_WRITE != VM_WRITE ||
		     PROT_EXEC != VM_EXEC);
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
	return 0;
}
core_initcall(mmap_cache_init);

/* current's RLIMIT_STACK; kernel threads have no signal_struct. */
unsigned long stack_rlimit(void)
{
	return current->signal ? rlimit(RLIMIT_STACK) : _STK_LIM;
}

static unsigned long as_rlimit(void)
{
	return current->signal ? rlimit(RLIMIT_AS) : RLIM_INFINITY;
}

/* --- VMA objects ------------------------------------------------------ */

/**
 * vm_area_alloc - a zeroed VMA of @mm, not linked anywhere.
 * @mm: the owner
 *
 * May sleep.  Returns NULL when out of memory.
 */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma =
		kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_mm = mm;
	INIT_LIST_HEAD(&vma->vm_list);
	INIT_LIST_HEAD(&vma->shared);
	return vma;
}

/** vm_area_free - free a VMA that is linked nowhere. */
void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

/*
 * A copy of @orig (split, fork), unlinked, holding its own reference
 * to the file; the driver hears of it through ->open.
 */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = vm_area_alloc(orig->vm_mm);

	if (!new)
		return NULL;
	*new = *orig;
	INIT_LIST_HEAD(&new->vm_list);
	INIT_LIST_HEAD(&new->shared);
	RB_CLEAR_NODE(&new->vm_rb);
	if (new->vm_file)
		get_file(new->vm_file);
	if (new->vm_ops &&new->vm_ops->open)
		new->vm_ops->open(new);
	return new;
}

/* Free an unlinked VMA: ->close, the file reference, the object. */
void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
}

/* --- the tree and the list -------------------------------------------- */

static struct vm_area_struct *rb_vma(struct rb_node *node)
{
	return rb_entry(node, struct vm_area_struct, vm_rb);
}

/* Insert @vma into @mm's tree and list (no overlap allowed). */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *prev = NULL;

	while (*link) {
		struct vm_area_struct *v;

		parent = *link;
		v = rb_vma(parent);
		if (vma->vm_start < v->vm_start) {
			link = &parent->rb_left;
		} else {
			prev = v; /* the last node we passed on the right */
			link = &parent->rb_right;
		}
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	list_add(&vma->vm_list, prev ? &prev->vm_list : &mm->mmap_list);
	vma->vm_mm = mm;
	mm->map_count++;
}

/* Take @vma out of @mm's tree and list; it is not freed. */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del_init(&vma->vm_list);
	mm->map_count--;
	if (mm->mmap_cache == vma)
		mm->mmap_cache = NULL;
}

/** vma_next - the VMA after @vma in address order, or NULL. */
struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	if (list_is_last(&vma->vm_list, &vma->vm_mm->mmap_list))
		return NULL;
	return list_next_entry(vma, vm_list);
}

/** vma_prev - the VMA before @vma in address order, or NULL. */
struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	if (vma->vm_list.prev == &vma->vm_mm->mmap_list)
		return NULL;
	return list_prev_entry(vma, vm_list);
}

/**
 * find_vma - the first VMA that ends above @addr.
 * @mm: the address space, mmap_lock held
 * @addr: a user address
 *
 * The VMA contains @addr, or lies wholly above it (the caller checks
 * vm_start: a stack below it may grow down to @addr).  NULL if no VMA
 * ends above @addr.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = READ_ONCE(mm->mmap_cache);
	struct rb_node *node = mm->mm_rb.rb_node;

	if (vma && vma->vm_start <= addr && addr < vma->vm_end)
		return vma;
	vma = NULL;
	while (node) {
		struct vm_area_struct *v = rb_vma(node);

		if (v->vm_end > addr) {
			vma = v;
			if (v->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	if (vma)
		WRITE_ONCE(mm->mmap_cache, vma);
	return vma;
}

/**
 * find_vma_prev - find_vma(), and the VMA before the result.
 * @mm: the address space, mmap_lock held
 * @addr: a user address
 * @pprev: receives the last VMA that ends at or below @addr, or NULL
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma)
		*pprev = vma_prev(vma);
	else if (list_empty(&mm->mmap_list))
		*pprev = NULL;
	else
		*pprev = list_last_entry(&mm->mmap_list, struct vm_area_struct,
					 vm_list);
	return vma;
}

/**
 * find_vma_intersection - the first VMA overlapping [@start, @end).
 * @mm: the address space, mmap_lock held
 * @start: first address
 * @end: end (exclusive)
 *
 * Returns NULL if the range is unmapped.
 */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		return NULL;
	return vma;
}

/** vma_lookup - the VMA containing @addr, or NULL.  mmap_lock held. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma && addr < vma->vm_start)
		return NULL;
	return vma;
}

/* --- accounting ------------------------------------------------------- */

/*
 * Count @npages (negative: uncount) of an area with @flags in the
 * mm's totals: VmSize, VmExe, VmStk, VmData, VmLck of /proc/<pid>/status.
 */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
	if (flags & VM_LOCKED)
		mm->locked_vm += npages;
}

/* May @mm grow by @npages under RLIMIT_AS? */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags,
		   unsigned long npages)
{
	(void)flags;
	return mm->total_vm + npages <= as_rlimit() >> PAGE_SHIFT;
}

/** vma_set_page_prot - recompute vm_page_prot from vm_flags. */
void vma_set_page_prot(struct vm_area_struct *vma)
{
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
}

/* --- split and merge -------------------------------------------------- */

/*
 * Can @b be folded into @a, which ends where @b starts?  Same flags,
 * same backing at contiguous offsets, and no driver that counts its
 * VMAs (->close).  Anonymous pages need nothing: they live in the page
 * tables, which the merge leaves alone.
 */
bool vma_can_merge(const struct vm_area_struct *a,
		   const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags)
		return false;
	if (a->vm_flags & VM_SPECIAL)
		return false;
	if (a->vm_file != b->vm_file || a->vm_ops != b->vm_ops ||
	    a->vm_private_data != b->vm_private_data)
		return false;
	if (a->vm_ops && a->vm_ops->close)
		return false;
	return !a->vm_file || a->vm_pgoff + vma_pages(a) == b->vm_pgoff;
}

/**
 * vma_merge_neighbours - fold @vma into its neighbours where possible.
 * @mm: the address space, mmap_lock held for writing
 * @vma: a linked VMA that just changed (new, mprotect'ed, grown)
 *
 * Returns the VMA that now covers @vma's range (@vma or its
 * predecessor); the others are freed.
 */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm,
					    struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma);
	struct vm_area_struct *next;

	if (prev && vma_can_merge(prev, vma)) {
		prev->vm_end = vma->vm_end;
		vma_unlink(mm, vma);
		remove_vma(vma);
		vma = prev;
	}
	next = vma_next(vma);
	if (next && vma_can_merge(vma, next)) {
		vma->vm_end = next->vm_end;
		vma_unlink(mm, next);
		remove_vma(next);
	}
	return vma;
}

/**
 * split_vma - cut @vma in two at @addr.
 * @mm: the address space, mmap_lock held for writing
 * @vma: the area; vm_start < @addr < vm_end, page aligned
 * @addr: where the second part starts
 * @new_below: 1: the new VMA is the lower part, @vma keeps the upper;
 *	0: the new VMA is the upper part
 *
 * Returns 0, or -ENOMEM (out of memory or past vm.max_map_count).
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	struct vm_area_struct *new;

	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
		vma->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_start = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
		vma->vm_end = addr;
	}
	vma_link(mm, new);
	return 0;
}

/**
 * vma_modify_flags - give [@start, @end) of @vma the flags @newflags.
 * @vma: the area containing the range
 * @start: page aligned, >= vm_start
 * @end: page aligned, <= vm_end
 * @newflags: VM_* for the range
 *
 * mmap_lock held for writing.  Splits @vma so the range is one VMA,
 * moves the accounting and recomputes vm_page_prot; the PTEs and the
 * merge with neighbours are the caller's (mprotect, madvise, mlock).
 * Returns the VMA covering exactly the range, or ERR_PTR(-ENOMEM).
 */
struct vm_area_struct *vma_modify_flags(struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	int err;

	if (newflags == vma->vm_flags)
		return vma;
	if (start > vma->vm_start) {
		err = split_vma(mm, vma, start, 0);
		if (err)
			return ERR_PTR(err);
		vma = vma_next(vma);
	}
	if (end < vma->vm_end) {
		err = split_vma(mm, vma, end, 0);
		if (err)
			return ERR_PTR(err);
	}
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
	vma->vm_flags = newflags;
	vm_stat_account(mm, newflags, vma_pages(vma));
	vma_set_page_prot(vma);
	return vma;
}

/* --- finding room ----------------------------------------------------- */

/* Highest [addr, addr + len) in [low, high) that no VMA (or guard) uses. */
static unsigned long unmapped_area_topdown(struct mm_struct *mm,
					   unsigned long len, unsigned long low,
					   unsigned long high)
{
	struct vm_area_struct *vma;
	unsigned long top = high;

	list_for_each_entry_reverse(vma, &mm->mmap_list, vm_list) {
		if (vma->vm_end <= top && top - vma->vm_end >= len &&
		    top - len >= low)
			return top - len;
		top = min(top, vm_start_gap(vma));
		if (top < low || top - low < len)
			return -ENOMEM;
	}
	if (top >= low && top - low >= len)
		return top - len;
	return -ENOMEM;
}

/* Lowest free [addr, addr + len) in [low, high). */
static unsigned long unmapped_area(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high)
{
	struct vm_area_struct *vma;
	unsigned long start = low;

	if (high < len)
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap_list, vm_list) {
		unsigned long gap_end = vm_start_gap(vma);

		if (gap_end >= start && gap_end - start >= len)
			break;
		if (vma->vm_end > start)
			start = vma->vm_end;
		if (start > high - len)
			return -ENOMEM;
	}
	return start <= high - len ? start : -ENOMEM;
}

/* Is [addr, addr + len) free, guard gaps included? */
static bool range_is_free(struct mm_struct *mm, unsigned long addr,
			  unsigned long len)
{
	struct vm_area_struct *prev, *vma = find_vma_prev(mm, addr, &prev);

	if (addr < mmap_min_addr || addr > TASK_SIZE - len)
		return false;
	if (vma && addr + len > vm_start_gap(vma))
		return false;
	return !prev || addr >= prev->vm_end;
}

/**
 * get_unmapped_area - choose where a new mapping goes.
 * @file: the file to map, or NULL
 * @addr: MAP_FIXED: the address; otherwise a hint (0: none)
 * @len: bytes, page aligned
 * @pgoff: offset in @file, in pages
 * @flags: MAP_*
 *
 * current->mm's mmap_lock held.  A usable hint wins; otherwise the
 * highest gap below mmap_base, then the lowest above
 * TASK_UNMAPPED_BASE.  MAP_32BIT searches [1 GiB, 2 GiB) as Linux.
 * Returns the address or -ENOMEM / -EINVAL (IS_ERR_VALUE()).
 */
unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	(void)file;
	(void)pgoff;
	if (len > TASK_SIZE - mmap_min_addr)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		return addr;
	}
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (addr && range_is_free(mm, addr, len))
			return addr;
	}
	if (flags & MAP_32BIT)
		return unmapped_area(mm, len, 0x40000000UL, 0x80000000UL);
	ret = unmapped_area_topdown(mm, len, max(PAGE_SIZE, mmap_min_addr),
				    mm->mmap_base);
	if (IS_ERR_VALUE(ret))
		ret = unmapped_area(mm, len, TASK_UNMAPPED_BASE, TASK_SIZE);
	return ret;
}

/* --- mmap ------------------------------------------------------------- */

/**
 * mmap_region - map [@addr, @addr + @len) with @vm_flags.
 * @file: the backing file, or NULL for anonymous memory
 * @addr: page aligned; whatever was mapped there is unmapped first
 * @len: bytes, page aligned, not 0
 * @vm_flags: VM_* of the new area, already checked
 * @pgoff: offset in @file, in pages
 *
 * current->mm's mmap_lock held for writing.  A file mapping is set up
 * by file->f_op->mmap(), which usually installs vm_ops.  The new area
 * merges with equal neighbours.  Returns @addr or a negative errno.
 */
unsigned long mmap_region(struct file *file, unsigned long addr,
			  unsigned long len, unsigned long vm_flags,
			  unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err;

	if (!may_expand_vm(mm, vm_flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	err = do_munmap(mm, addr, len);
	if (err)
		return err;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	vma_set_page_prot(vma);
	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
		if (err)
			goto err_free_vma;
		/* ->mmap may have changed the flags (VM_IO, VM_DONTEXPAND). */
		vm_flags = vma->vm_flags;
		vma_set_page_prot(vma);
	}
	/* Nothing can fail from here on. */
	vma_link(mm, vma);
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	vma_merge_neighbours(mm, vma);
	return addr;

err_free_vma:
	fput(file);
	vm_area_free(vma);
	return err;
}

#define LEGACY_MAP_MASK                                                       \
	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS |               \
	 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | \
	 MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK |           \
	 MAP_STACK | MAP_HUGETLB | MAP_32BIT)

/* VM_* for a file mapping of type @flags & MAP_TYPE, or a -errno. */
static long file_mmap_flags(struct file *file, unsigned long prot,
			    unsigned long flags, unsigned long vm_flags)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		fallthrough;
	case MAP_SHARED:
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		fallthrough;
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op || !file->f_op->mmap)
			return -ENODEV;
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return vm_flags;
	default:
		return -EINVAL;
	}
}

static bool warned_hugetlb;

/**
 * do_mmap - the body of mmap(): check the request, place it, map it.
 * @file: the file for a file mapping (referenced by the caller), or NULL
 * @addr: hint, or the address with MAP_FIXED / MAP_FIXED_NOREPLACE
 * @len: bytes (rounded up to pages)
 * @prot: PROT_*
 * @flags: MAP_*
 * @pgoff: offset in @file, in pages
 * @populate: set to the bytes to fault in afterwards (MAP_POPULATE,
 *	MAP_LOCKED), which the caller does once the lock is dropped
 *
 * current->mm's mmap_lock held for writing.  Errors as Linux: -EINVAL
 * (len 0, no or bad map type, unsupported flags), -ENOMEM (no room,
 * too many maps, RLIMIT_AS), -EEXIST (MAP_FIXED_NOREPLACE over a
 * mapping), -EACCES (file mode does not allow it), -ENODEV (the file
 * cannot be mapped), -EOVERFLOW (offset wraps), -EPERM (MAP_FIXED
 * below mmap_min_addr).  Returns the address or a negative errno.
 */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff, unsigned long *populate)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;
	long ret;

	*populate = 0;
	if (!len)
		return -EINVAL;
	if (flags & MAP_HUGETLB) {
		if (!warned_hugetlb) {
			warned_hugetlb = true;
			pr_warn("mmap: MAP_HUGETLB is not supported\n");
		}
		return -EINVAL;
	}
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if ((flags & MAP_FIXED) && addr < mmap_min_addr)
		return -EPERM;
	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) &&
	    find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;
	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) |
		   mm->def_flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (file) {
		ret = file_mmap_flags(file, prot, flags, vm_flags);
		if (ret < 0)
			return ret;
		vm_flags = ret;
	} else {
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			pgoff = 0;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			pgoff = 0;
			break;
		default:
			return -EINVAL;
		}
	}
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	addr = mmap_region(file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) &&
	    ((vm_flags & VM_LOCKED) ||
	     (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		*populate = len;
	return addr;
}

/**
 * mm_populate - fault in the mapped pages of [@start, @start + @len).
 * @start: page aligned
 * @len: bytes
 *
 * current->mm's mmap_lock NOT held (taken for reading here).  Unmapped
 * holes are skipped.  Returns 0 or -ENOMEM / -EFAULT.
 */
int mm_populate(unsigned long start, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + PAGE_ALIGN(len);
	struct vm_area_struct *vma;
	int err = 0;

	mmap_read_lock(mm);
	for (vma = find_vma(mm, start); vma && vma->vm_start < end && !err;
	     vma = vma_next(vma))
		err = populate_vma_page_range(vma, max(start, vma->vm_start),
					      min(end, vma->vm_end));
	mmap_read_unlock(mm);
	return err;
}

/**
 * vm_mmap_pgoff - mmap() for the current process, locking included.
 * @file: the file (referenced by the caller) or NULL
 * @addr: hint or fixed address
 * @len: bytes
 * @prot: PROT_*
 * @flags: MAP_*
 * @pgoff: offset in pages
 *
 * Process context, may sleep; mmap_lock NOT held.  Returns the address
 * or a negative errno (IS_ERR_VALUE()).
 */
unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr,
			    unsigned long len, unsigned long prot,
			    unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret, populate;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = do_mmap(file, addr, len, prot, flags, pgoff, &populate);
	mmap_write_unlock(mm);
	if (populate)
		mm_populate(ret, populate);
	return ret;
}

/**
 * vm_mmap - vm_mmap_pgoff() with a byte offset (exec's ELF segments).
 * @file: the file or NULL
 * @addr: hint or fixed address
 * @len: bytes
 * @prot: PROT_*
 * @flag: MAP_*
 * @offset: byte offset in @file, page aligned
 *
 * Returns the address or a negative errno (IS_ERR_VALUE()).
 */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag,
		      unsigned long offset)
{
	if (offset + PAGE_ALIGN(len) < offset)
		return -EINVAL;
	if (offset & ~PAGE_MASK)
		return -EINVAL;
	return vm_mmap_pgoff(file, addr, len, prot, flag, offset >> PAGE_SHIFT);
}

/**
 * ksys_mmap_pgoff - mmap() by file descriptor.
 * @addr: hint or fixed address
 * @len: bytes
 * @prot: PROT_*
 * @flags: MAP_*
 * @fd: the file, ignored with MAP_ANONYMOUS
 * @pgoff: offset in pages
 */
unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
			      unsigned long prot, unsigned long flags,
			      unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;
	unsigned long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	ret = vm_mmap_pgoff(file, addr, len, prot, flags, pgoff);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long,
		prot, unsigned long, flags, unsigned long, fd, unsigned long,
		off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

/* --- munmap ----------------------------------------------------------- */

/*
 * Remove the VMAs in [start, end) -- whole ones, split already -- with
 * their pages and the page tables left empty.
 */
static void unmap_region(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *prev, *vma = find_vma_prev(mm, start, &prev);
	struct vm_area_struct *next = NULL;
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm);
	update_hiwater_rss(mm);
	update_hiwater_vm(mm);
	for (; vma && vma->vm_start < end; vma = next) {
		next = vma_next(vma);
		unmap_page_range(&tlb, vma, vma->vm_start, vma->vm_end);
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vma_unlink(mm, vma);
		remove_vma(vma);
	}
	/* Tables reaching into the neighbours stay: they may map there. */
	free_pgtables(&tlb, start, end, prev ? prev->vm_end : 0,
		      vma ? vma->vm_start : USER_PGTABLES_CEILING);
	tlb_finish_mmu(&tlb);
}

/**
 * do_munmap - unmap [@start, @start + @len) of @mm.
 * @mm: the address space, mmap_lock held for writing
 * @start: page aligned
 * @len: bytes (rounded up to pages)
 *
 * Areas that straddle either end are split; holes are fine.  Pages
 * and emptied page tables are freed after every CPU on @mm flushed its
 * TLB.  Returns 0, -EINVAL (unaligned, empty or out of range) or
 * -ENOMEM (a split failed; nothing was unmapped).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *last;
	unsigned long end;
	int err;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start) {
		/* Cutting out the middle makes one VMA more. */
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		err = split_vma(mm, vma, start, 0);
		if (err)
			return err;
	}
	last = find_vma(mm, end);
	if (last && end > last->vm_start) {
		err = split_vma(mm, last, end, 1);
		if (err)
			return err;
	}
	unmap_region(mm, start, end);
	return 0;
}

/**
 * vm_munmap - do_munmap() on current->mm, taking its mmap_lock.
 * @start: page aligned
 * @len: bytes
 */
int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = do_munmap(mm, start, len);
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}

/* --- brk -------------------------------------------------------------- */

/* Linux x86's VM_DATA_DEFAULT_FLAGS (no READ_IMPLIES_EXEC). */
#define VM_DATA_DEFAULT_FLAGS \
	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/* An anonymous data area [addr, addr + len) in a free range. */
static int do_brk_flags(unsigned long addr, unsigned long len,
			unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	flags |= VM_DATA_DEFAULT_FLAGS | mm->def_flags;
	if (!may_expand_vm(mm, flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = flags;
	vma_set_page_prot(vma);
	vma_link(mm, vma);
	vm_stat_account(mm, flags, len >> PAGE_SHIFT);
	vma_merge_neighbours(mm, vma);
	return 0;
}

/**
 * vm_brk_flags - map anonymous zeroed memory at a fixed place (exec).
 * @addr: page aligned
 * @request: bytes (rounded up)
 * @flags: 0 or VM_EXEC
 *
 * For an ELF segment's bss beyond its file part, and the start of the
 * heap.  Replaces whatever was mapped there.  Process context, may
 * sleep; current->mm's mmap_lock NOT held.  Returns 0 or -errno.
 */
int vm_brk_flags(unsigned long addr, unsigned long request, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(request);
	int ret;

	if (len < request)
		return -ENOMEM;
	if (!len)
		return 0;
	if (flags & ~VM_EXEC)
		return -EINVAL;
	if (addr & ~PAGE_MASK || addr > TASK_SIZE - len)
		return -EINVAL;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = do_munmap(mm, addr, len);
	if (!ret)
		ret = do_brk_flags(addr, len, flags);
	mmap_write_unlock(mm);
	return ret;
}

/* Would a heap ending at @brk exceed RLIMIT_DATA (Linux's rule)? */
static bool brk_over_rlimit(struct mm_struct *mm, unsigned long brk)
{
	unsigned long lim = current->signal ? rlimit(RLIMIT_DATA) :
					      RLIM_INFINITY;

	return lim < RLIM_INFINITY &&
	       brk - mm->start_brk + (mm->end_data - mm->start_data) > lim;
}

/*
 * brk(): move the end of the heap.  Linux's ABI: always returns the
 * (new or unchanged) break, never an error; the heap never goes below
 * start_brk and keeps a guard page below the next mapping.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, ret;
	struct vm_area_struct *next;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = mm->brk;
	if (brk < mm->start_brk || brk_over_rlimit(mm, brk))
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk)
		goto set_brk;
	if (brk <= mm->brk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
		goto set_brk;
	}
	next = find_vma(mm, oldbrk);
	if (newbrk > TASK_SIZE ||
	    (next && newbrk + PAGE_SIZE > vm_start_gap(next)))
		goto out;
	if (do_brk_flags(oldbrk, newbrk - oldbrk, 0))
		goto out;
set_brk:
	mm->brk = brk;
	ret = brk;
out:
	mmap_write_unlock(mm);
	return ret;
}

/* --- the stack -------------------------------------------------------- */

/**
 * expand_stack - grow a stack area down to cover @address.
 * @vma: a VM_GROWSDOWN area above @address
 * @address: the faulting address
 *
 * The fault path (mmap_lock held for reading: vm_start changes under
 * page_table_lock, which keeps the tree order since the area grows
 * into a gap).  The area may not grow past RLIMIT_STACK nor to within
 * stack_guard_gap of the mapping below it.  Returns 0, -EFAULT (not a
 * stack) or -ENOMEM (a limit or the gap was hit).
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = vma_prev(vma);
	unsigned long grow;
	int err = 0;

	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	if (address < mmap_min_addr)
		return -ENOMEM;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) &&
	    (prev->vm_flags & VM_ACCESS_FLAGS) &&
	    (address < prev->vm_end ||
	     address - prev->vm_end < stack_guard_gap))
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (address >= vma->vm_start)
		goto out;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	if (vma->vm_end - address > stack_rlimit() ||
	    !may_expand_vm(mm, vma->vm_flags, grow)) {
		err = -ENOMEM;
		goto out;
	}
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	vm_stat_account(mm, vma->vm_flags, grow);
out:
	spin_unlock(&mm->page_table_lock);
	return err;
}

/* --- fork and exit ---------------------------------------------------- */

/**
 * dup_mmap - give @mm (fork's child) copies of @oldmm's VMAs and PTEs.
 * @mm: the new mm from dup_mm(), empty
 * @oldmm: the parent's
 *
 * Takes both mmap_locks for writing.  VM_DONTCOPY areas are left out;
 * private pages become copy-on-write; shared anonymous areas are
 * faulted in first in the parent so that both sides share every page
 * (there is no shmem object behind them yet).  Returns 0 or -ENOMEM
 * (@mm then holds a partial copy for mmput() to free).
 */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp;
	int err = 0;

	mmap_write_lock(oldmm);
	down_write_nested(&mm->mmap_lock, 1);
	mm->total_vm = mm->exec_vm = mm->stack_vm = mm->data_vm = 0;
	mm->locked_vm = 0;
	list_for_each_entry(mpnt, &oldmm->mmap_list, vm_list) {
		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;
		if ((mpnt->vm_flags & VM_SHARED) && vma_is_anonymous(mpnt)) {
			err = populate_vma_page_range(mpnt, mpnt->vm_start,
						      mpnt->vm_end);
			if (err)
				break;
		}
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			err = -ENOMEM;
			break;
		}
		tmp->vm_flags &= ~VM_LOCKED; /* mlock is not inherited */
		vma_link(mm, tmp);
		vm_stat_account(mm, tmp->vm_flags, vma_pages(tmp));
		err = copy_page_range(tmp, mpnt);
		if (err)
			break;
	}
	/* The parent's writable entries went read-only: flush them. */
	flush_tlb_mm(oldmm);
	mmap_write_unlock(mm);
	mmap_write_unlock(oldmm);
	return err;
}

/**
 * exit_mmap - free every VMA, page and user page table of @mm.
 * @mm: an mm whose last user went away (mmput), or a failed dup_mm
 *
 * May sleep.  The pgd itself stays until __mmdrop().
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;
	struct mmu_gather tlb;

	mmap_write_lock(mm);
	tlb_gather_mmu(&tlb, mm);
	update_hiwater_rss(mm);
	update_hiwater_vm(mm);
	list_for_each_entry(vma, &mm->mmap_list, vm_list)
		unmap_page_range(&tlb, vma, vma->vm_start, vma->vm_end);
	free_pgtables(&tlb, 0, TASK_SIZE, 0, USER_PGTABLES_CEILING);
	tlb_finish_mmu(&tlb);
	list_for_each_entry_safe(vma, next, &mm->mmap_list, vm_list) {
		vma_unlink(mm, vma);
		remove_vma(vma);
	}
	mm->total_vm = mm->exec_vm = mm->stack_vm = mm->data_vm = 0;
	mm->locked_vm = 0;
	mmap_write_unlock(mm);
}

/**
 * insert_vm_struct - link a VMA the caller built (exec's first stack).
 * @mm: the address space, mmap_lock held for writing
 * @vma: from vm_area_alloc(), with start, end, flags, page_prot set
 *
 * Returns 0, or -ENOMEM if the range is taken or RLIMIT_AS is hit.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (find_vma_intersection(mm, vma->vm_start, vma->vm_end))
		return -ENOMEM;
	if (!may_expand_vm(mm, vma->vm_flags, vma_pages(vma)))
		return -ENOMEM;
	vma_link(mm, vma);
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	return 0;
}

/* --- special mappings (the vDSO) ----------------------------------- */

static vm_fault_t special_mapping_fault(struct vm_fault *vmf)
{
	const struct vm_special_mapping *sm = vmf->vma->vm_private_data;
	pgoff_t i;

	for (i = 0; sm->pages[i]; i++) {
		if (i == vmf->pgoff) {
			get_page(sm->pages[i]);
			vmf->page = sm->pages[i];
			return 0;
		}
	}
	return VM_FAULT_SIGBUS;
}

static const char *special_mapping_name(struct vm_area_struct *vma)
{
	return ((const struct vm_special_mapping *)vma->vm_private_data)->name;
}

static const struct vm_operations_struct special_mapping_vmops = {
	.fault = special_mapping_fault,
	.name = special_mapping_name,
};

/**
 * _install_special_mapping - map kernel pages into @mm ([vdso], [vvar]).
 * @mm: the address space, current's, mmap_lock not held
 * @addr: page-aligned start, free
 * @len: bytes
 * @vm_flags: VM_READ, VM_EXEC, VM_MAY*
 * @spec: the name and the NULL-terminated page array (pages that must
 *	never be freed: the caller holds a reference on each)
 *
 * Returns the VMA or an ERR_PTR.  fork copies it like any mapping.
 */
struct vm_area_struct *
_install_special_mapping(struct mm_struct *mm, unsigned long addr,
			 unsigned long len, unsigned long vm_flags,
			 const struct vm_special_mapping *spec)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err;

	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags | mm->def_flags | VM_DONTEXPAND;
	vma->vm_ops = &special_mapping_vmops;
	vma->vm_private_data = (void *)spec;
	vma_set_page_prot(vma);
	mmap_write_lock(mm);
	err = insert_vm_struct(mm, vma);
	mmap_write_unlock(mm);
	if (err) {
		vm_area_free(vma);
		return ERR_PTR(err);
	}
	return vma;
}

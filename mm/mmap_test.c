/*
 * ktest: VMAs and the calls that shape them -- mmap, munmap, mprotect,
 * mremap, brk, madvise, mlock, msync, mincore, the stack.  Each case
 * runs in a fresh mm adopted by the test thread (ktest/mm.h), and
 * checks both the VMA set (find_vma, map_count, counters) and what
 * user accesses through copy_to_user/get_user/put_user now do.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <ktest/mm.h>
#include <ktest/test.h>

#define RW (PROT_READ | PROT_WRITE)
#define PRIV (MAP_PRIVATE | MAP_ANONYMOUS)

/* The syscalls, called as the table would (their bodies are static). */
long __x64_sys_brk(const struct pt_regs *regs);
long __x64_sys_msync(const struct pt_regs *regs);
long __x64_sys_mincore(const struct pt_regs *regs);
long __x64_sys_mlock(const struct pt_regs *regs);
long __x64_sys_munlock(const struct pt_regs *regs);

static long sys3(long (*fn)(const struct pt_regs *), unsigned long a,
		 unsigned long b, unsigned long c)
{
	struct pt_regs regs = { .di = a, .si = b, .dx = c };

	return fn(&regs);
}

static struct vm_area_struct *vma_at(unsigned long addr)
{
	return vma_lookup(current->mm, addr);
}

static bool can_read(unsigned long addr)
{
	u8 v;
	int err = get_user(v, (u8 __user *)addr);

	(void)v;
	return err == 0;
}

static bool can_write(unsigned long addr, u8 v)
{
	return put_user(v, (u8 __user *)addr) == 0;
}

static u8 peek(unsigned long addr)
{
	u8 v = 0xee;

	if (get_user(v, (u8 __user *)addr))
		return 0xee;
	return v;
}

static void mmap_test_anon_lands_below_mmap_base(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0, 3 * PAGE_SIZE, RW, PRIV);
	struct vm_area_struct *vma;

	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KTEST_EXPECT_EQ(test, a & ~PAGE_MASK, 0UL);
	/* Top-down: the first mapping ends right at mmap_base. */
	KTEST_EXPECT_EQ(test, a + 3 * PAGE_SIZE, mm->mmap_base);
	KTEST_EXPECT_LT(test, mm->mmap_base, TASK_SIZE - (128UL << 20) + 1);
	vma = vma_at(a + PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, vma);
	KTEST_EXPECT_EQ(test, vma->vm_start, a);
	KTEST_EXPECT_EQ(test, vma->vm_end, a + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, vma->vm_flags & VM_ACCESS_FLAGS,
			VM_READ | VM_WRITE);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_EQ(test, mm->total_vm, 3UL);
	KTEST_EXPECT_EQ(test, mm->data_vm, 3UL);
	/* Nothing is resident until touched. */
	KTEST_EXPECT_EQ(test, get_mm_rss(mm), 0UL);
	KTEST_EXPECT_NULL(test, find_vma(mm, a + 3 * PAGE_SIZE));
}

/*
 * Two anonymous mappings with equal flags placed side by side become
 * one VMA; a different protection keeps them apart:
 *
 *	[ b ][ a ]   -> one VMA        [ c ][ b a ]  -> two VMAs
 */
static void mmap_test_adjacent_anon_merge(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);
	unsigned long b = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);
	unsigned long c = ktest_mmap_anon(0, PAGE_SIZE, PROT_READ, PRIV);

	KTEST_EXPECT_EQ(test, b + 2 * PAGE_SIZE, a);
	KTEST_EXPECT_EQ(test, c + PAGE_SIZE, b);
	KTEST_EXPECT_EQ(test, mm->map_count, 2);
	KTEST_EXPECT_EQ(test, vma_at(a)->vm_start, b);
	KTEST_EXPECT_EQ(test, vma_at(c)->vm_end, b);
	KTEST_EXPECT_EQ(test, mm->total_vm, 4UL);
}

static void mmap_test_bad_arguments(struct ktest *test)
{
	unsigned long a;

	KTEST_EXPECT_EQ(test, ktest_mmap_anon(0, 0, RW, PRIV),
			(unsigned long)-EINVAL);
	/* No map type. */
	KTEST_EXPECT_EQ(test, vm_mmap(NULL, 0, PAGE_SIZE, RW, MAP_ANONYMOUS, 0),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test,
			ktest_mmap_anon(0, PAGE_SIZE, RW, MAP_SHARED_VALIDATE),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test,
			ktest_mmap_anon(0x40000123, PAGE_SIZE, RW,
					PRIV | MAP_FIXED),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test,
			ktest_mmap_anon(PAGE_SIZE, PAGE_SIZE, RW,
					PRIV | MAP_FIXED),
			(unsigned long)-EPERM);
	KTEST_EXPECT_EQ(test,
			ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV | MAP_HUGETLB),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test, ktest_mmap_anon(0, TASK_SIZE, RW, PRIV),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(test, ktest_mmap_anon(0, -PAGE_SIZE / 2, RW, PRIV),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(test,
			ktest_mmap_anon(TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE,
					RW, PRIV | MAP_FIXED),
			(unsigned long)-ENOMEM);
	KTEST_EXPECT_EQ(test, vm_mmap(NULL, 0, PAGE_SIZE, RW, PRIV, 100),
			(unsigned long)-EINVAL);
	a = ktest_mmap_anon(0x50000000, 2 * PAGE_SIZE, RW, PRIV | MAP_FIXED);
	KTEST_ASSERT_EQ(test, a, 0x50000000UL);
	KTEST_EXPECT_EQ(test,
			ktest_mmap_anon(a + PAGE_SIZE, 2 * PAGE_SIZE, RW,
					PRIV | MAP_FIXED_NOREPLACE),
			(unsigned long)-EEXIST);
	KTEST_EXPECT_EQ(test,
			ktest_mmap_anon(a + 2 * PAGE_SIZE, PAGE_SIZE, RW,
					PRIV | MAP_FIXED_NOREPLACE),
			a + 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, current->mm->map_count, 1);
}

/* A usable hint is taken as is; MAP_32BIT stays below 2 GiB. */
static void mmap_test_hint_and_32bit(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0x60000000, PAGE_SIZE, RW, PRIV);
	unsigned long b = ktest_mmap_anon(0x60000000, PAGE_SIZE, RW, PRIV);
	unsigned long c = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV | MAP_32BIT);

	KTEST_EXPECT_EQ(test, a, 0x60000000UL);
	KTEST_EXPECT_NE(test, b, a); /* taken: placed elsewhere */
	KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(b));
	KTEST_EXPECT_GE(test, c, 0x40000000UL);
	KTEST_EXPECT_LT(test, c, 0x80000000UL);
}

/*
 * MAP_FIXED over the middle of a mapping replaces that page only:
 *
 *	before  [ A A A A ]        after  [ A ][ z ][ A A ]
 */
static void mmap_test_fixed_replaces(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, 4 * PAGE_SIZE, RW, PRIV);
	int i;

	for (i = 0; i < 4; i++)
		KTEST_ASSERT_TRUE(test, can_write(a + i * PAGE_SIZE, 0xa0 + i));
	KTEST_ASSERT_EQ(test,
			ktest_mmap_anon(a + PAGE_SIZE, PAGE_SIZE, PROT_READ,
					PRIV | MAP_FIXED),
			a + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, current->mm->map_count, 3);
	KTEST_EXPECT_EQ(test, peek(a), 0xa0);
	KTEST_EXPECT_EQ(test, peek(a + PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, peek(a + 2 * PAGE_SIZE), 0xa2);
	KTEST_EXPECT_EQ(test, peek(a + 3 * PAGE_SIZE), 0xa3);
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 4UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(current->mm, MM_ANONPAGES), 4UL);
}

/*
 *	[ A B C ]  munmap(B)  ->  [ A ] hole [ C ]
 */
static void mmap_test_munmap_splits(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0, 3 * PAGE_SIZE, RW, PRIV);
	int i;

	for (i = 0; i < 3; i++)
		KTEST_ASSERT_TRUE(test, can_write(a + i * PAGE_SIZE, 7));
	KTEST_EXPECT_EQ(test, vm_munmap(a + PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 2);
	KTEST_EXPECT_EQ(test, mm->total_vm, 2UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 2UL);
	KTEST_EXPECT_FALSE(test, can_read(a + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, peek(a), 7);
	KTEST_EXPECT_EQ(test, peek(a + 2 * PAGE_SIZE), 7);
	/* Errors, and a hole is no error. */
	KTEST_EXPECT_EQ(test, vm_munmap(a + 1, PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(test, vm_munmap(a, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, vm_munmap(TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE),
			-EINVAL);
	KTEST_EXPECT_EQ(test, vm_munmap(a + PAGE_SIZE, PAGE_SIZE), 0);
	/* Unmapping across the hole takes both pieces. */
	KTEST_EXPECT_EQ(test, vm_munmap(a, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 0);
	KTEST_EXPECT_EQ(test, mm->total_vm, 0UL);
	KTEST_EXPECT_EQ(test, get_mm_rss(mm), 0UL);
}

/*
 *	[ rw rw rw ]  mprotect(middle, R)  ->  [ rw ][ r ][ rw ]
 *	mprotect(middle, RW)               ->  [ rw rw rw ]
 */
static void mmap_test_mprotect_split_merge(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0, 3 * PAGE_SIZE, RW, PRIV);
	unsigned long mid = a + PAGE_SIZE;

	KTEST_ASSERT_TRUE(test, can_write(mid, 0x5a));
	KTEST_ASSERT_EQ(test, do_mprotect(mid, PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 3);
	KTEST_EXPECT_FALSE(test, can_write(mid, 1));
	KTEST_EXPECT_EQ(test, peek(mid), 0x5a);
	KTEST_EXPECT_TRUE(test, can_write(a, 1));
	KTEST_EXPECT_TRUE(test, can_write(a + 2 * PAGE_SIZE, 1));
	KTEST_ASSERT_EQ(test, do_mprotect(mid, PAGE_SIZE, RW), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_TRUE(test, can_write(mid, 0x5b));
	KTEST_EXPECT_EQ(test, peek(mid), 0x5b);
	/* The page was this mm's alone: the write reused it. */
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 3UL);
}

static void mmap_test_mprotect_none_keeps_data(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);

	KTEST_ASSERT_TRUE(test, can_write(a, 0x42));
	KTEST_ASSERT_EQ(test, do_mprotect(a, 2 * PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_FALSE(test, can_read(a));
	KTEST_EXPECT_FALSE(test, can_read(a + PAGE_SIZE));
	KTEST_EXPECT_FALSE(test, can_write(a, 1));
	KTEST_ASSERT_EQ(test, do_mprotect(a, PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(test, peek(a), 0x42);
	KTEST_EXPECT_FALSE(test, can_read(a + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, current->mm->map_count, 2);
}

static void mmap_test_mprotect_errors(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);

	KTEST_EXPECT_EQ(test, do_mprotect(a + 1, PAGE_SIZE, PROT_READ),
			-EINVAL);
	KTEST_EXPECT_EQ(test, do_mprotect(a, PAGE_SIZE, 0x100), -EINVAL);
	KTEST_EXPECT_EQ(test,
			do_mprotect(a, PAGE_SIZE,
				    PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP),
			-EINVAL);
	/* The range runs past the mapping's end into a hole. */
	KTEST_EXPECT_EQ(test, do_mprotect(a, 3 * PAGE_SIZE, PROT_READ),
			-ENOMEM);
	KTEST_EXPECT_EQ(test, do_mprotect(0x10000, PAGE_SIZE, PROT_READ),
			-ENOMEM);
	KTEST_EXPECT_EQ(test, do_mprotect(a, 0, PROT_READ), 0);
	/* Not a stack: PROT_GROWSDOWN is refused. */
	KTEST_EXPECT_EQ(test,
			do_mprotect(a, PAGE_SIZE, PROT_READ | PROT_GROWSDOWN),
			-EINVAL);
}

static void mmap_test_mremap_shrink_and_grow(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0x50000000, 4 * PAGE_SIZE, RW,
					  PRIV | MAP_FIXED);
	unsigned long b;

	KTEST_ASSERT_EQ(test, a, 0x50000000UL);
	KTEST_ASSERT_TRUE(test, can_write(a, 0x11));
	/* Shrink: the tail goes. */
	KTEST_EXPECT_EQ(test, do_mremap(a, 4 * PAGE_SIZE, 2 * PAGE_SIZE, 0, 0),
			a);
	KTEST_EXPECT_EQ(test, vma_at(a)->vm_end, a + 2 * PAGE_SIZE);
	KTEST_EXPECT_FALSE(test, can_read(a + 3 * PAGE_SIZE));
	/* Grow in place: the room above is free. */
	KTEST_EXPECT_EQ(test, do_mremap(a, 2 * PAGE_SIZE, 8 * PAGE_SIZE, 0, 0),
			a);
	KTEST_EXPECT_EQ(test, vma_at(a)->vm_end, a + 8 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->total_vm, 8UL);
	KTEST_EXPECT_TRUE(test, can_write(a + 7 * PAGE_SIZE, 1));
	/* Blocked above: without MREMAP_MAYMOVE that is -ENOMEM. */
	b = ktest_mmap_anon(a + 8 * PAGE_SIZE, PAGE_SIZE, PROT_READ,
			    PRIV | MAP_FIXED);
	KTEST_ASSERT_EQ(test, b, a + 8 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, do_mremap(a, 8 * PAGE_SIZE, 16 * PAGE_SIZE, 0, 0),
			(unsigned long)-ENOMEM);
	/* With it, the mapping moves and takes its pages along. */
	b = do_mremap(a, 8 * PAGE_SIZE, 16 * PAGE_SIZE, MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(b));
	KTEST_EXPECT_NE(test, b, a);
	KTEST_EXPECT_EQ(test, peek(b), 0x11);
	KTEST_EXPECT_FALSE(test, can_read(a));
	KTEST_EXPECT_EQ(test, vma_at(b)->vm_end, b + 16 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->total_vm, 17UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 2UL);
}

static void mmap_test_mremap_fixed_and_errors(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);
	unsigned long to = 0x70000000;

	KTEST_ASSERT_TRUE(test, can_write(a + PAGE_SIZE, 0x77));
	KTEST_EXPECT_EQ(test, do_mremap(a, PAGE_SIZE, PAGE_SIZE, 0x80, 0),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_mremap(a, PAGE_SIZE, PAGE_SIZE, MREMAP_FIXED, to),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test, do_mremap(a + 1, PAGE_SIZE, PAGE_SIZE, 0, 0),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test, do_mremap(a, PAGE_SIZE, 0, 0, 0),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test, do_mremap(0x20000000, PAGE_SIZE, PAGE_SIZE, 0, 0),
			(unsigned long)-EFAULT);
	/* Old range larger than the mapping. */
	KTEST_EXPECT_EQ(test,
			do_mremap(a, 3 * PAGE_SIZE, 4 * PAGE_SIZE,
				  MREMAP_MAYMOVE, 0),
			(unsigned long)-EFAULT);
	/* Overlapping source and destination. */
	KTEST_EXPECT_EQ(test,
			do_mremap(a, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, a + PAGE_SIZE),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test,
			do_mremap(a, 2 * PAGE_SIZE, 3 * PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, to),
			to);
	KTEST_EXPECT_EQ(test, peek(to + PAGE_SIZE), 0x77);
	KTEST_EXPECT_FALSE(test, can_read(a));
	KTEST_EXPECT_EQ(test, vma_at(to)->vm_end, to + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, current->mm->map_count, 1);
}

/* The heap: brk grows and shrinks a VMA above start_brk. */
static void mmap_test_brk(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long base = 0x10000000, blocker;

	mm->start_brk = mm->brk = base;
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_brk, 0, 0, 0), base);
	KTEST_EXPECT_EQ(test,
			sys3(__x64_sys_brk, base + 3 * PAGE_SIZE + 5, 0, 0),
			base + 3 * PAGE_SIZE + 5);
	KTEST_EXPECT_TRUE(test, can_write(base + 3 * PAGE_SIZE + 100, 9));
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_EQ(test, mm->total_vm, 4UL);
	/* Below start_brk: refused, the break stays. */
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_brk, base - PAGE_SIZE, 0, 0),
			base + 3 * PAGE_SIZE + 5);
	/* Shrinking unmaps. */
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_brk, base + PAGE_SIZE, 0, 0),
			base + PAGE_SIZE);
	KTEST_EXPECT_FALSE(test, can_read(base + 2 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, mm->total_vm, 1UL);
	/* Growing into another mapping (minus a guard page) is refused. */
	blocker = ktest_mmap_anon(base + 8 * PAGE_SIZE, PAGE_SIZE, RW,
				  PRIV | MAP_FIXED);
	KTEST_ASSERT_EQ(test, blocker, base + 8 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_brk, base + 8 * PAGE_SIZE, 0, 0),
			base + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_brk, base + 7 * PAGE_SIZE, 0, 0),
			base + 7 * PAGE_SIZE);
	/* RLIMIT_DATA bounds it. */
	current->signal->rlim[RLIMIT_DATA].rlim_cur = 4 * PAGE_SIZE;
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_brk, base + 6 * PAGE_SIZE, 0, 0),
			base + 7 * PAGE_SIZE);
	current->signal->rlim[RLIMIT_DATA].rlim_cur = RLIM_INFINITY;
}

/* exec's helper: anonymous memory at a fixed place, over anything. */
static void mmap_test_vm_brk_flags(struct ktest *test)
{
	unsigned long a = 0x400000;

	KTEST_EXPECT_EQ(test, vm_brk_flags(a, 2 * PAGE_SIZE - 10, VM_EXEC), 0);
	KTEST_ASSERT_NOT_NULL(test, vma_at(a));
	KTEST_EXPECT_EQ(test, vma_at(a)->vm_end, a + 2 * PAGE_SIZE);
	KTEST_EXPECT_TRUE(test, vma_at(a)->vm_flags & VM_EXEC);
	KTEST_EXPECT_EQ(test, vm_brk_flags(a, PAGE_SIZE, VM_SHARED), -EINVAL);
	KTEST_EXPECT_EQ(test, vm_brk_flags(a + 1, PAGE_SIZE, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, vm_brk_flags(a, 0, 0), 0);
}

static void mmap_test_madvise(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0, 3 * PAGE_SIZE, RW, PRIV);

	KTEST_ASSERT_TRUE(test, can_write(a, 0x33));
	KTEST_ASSERT_TRUE(test, can_write(a + PAGE_SIZE, 0x34));
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 2UL);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a, PAGE_SIZE, MADV_DONTNEED), 0);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1UL);
	KTEST_EXPECT_EQ(test, peek(a), 0); /* a fresh zeroed page */
	KTEST_EXPECT_EQ(test, peek(a + PAGE_SIZE), 0x34);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a, PAGE_SIZE, MADV_NORMAL), 0);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a, PAGE_SIZE, MADV_RANDOM), 0);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a, PAGE_SIZE, MADV_SEQUENTIAL), 0);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a, PAGE_SIZE, MADV_WILLNEED), 0);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a, PAGE_SIZE, 1234), -EINVAL);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a + 1, PAGE_SIZE, MADV_NORMAL),
			-EINVAL);
	KTEST_EXPECT_EQ(test, do_madvise(mm, a, 4 * PAGE_SIZE, MADV_NORMAL),
			-ENOMEM);
	/* DONTFORK marks (and splits off) just the range. */
	KTEST_EXPECT_EQ(test,
			do_madvise(mm, a + PAGE_SIZE, PAGE_SIZE, MADV_DONTFORK),
			0);
	KTEST_EXPECT_EQ(test, mm->map_count, 3);
	KTEST_EXPECT_TRUE(test, vma_at(a + PAGE_SIZE)->vm_flags & VM_DONTCOPY);
	KTEST_EXPECT_EQ(
		test, do_madvise(mm, a + PAGE_SIZE, PAGE_SIZE, MADV_DOFORK), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	/* POPULATE_WRITE faults the range in. */
	KTEST_EXPECT_EQ(
		test, do_madvise(mm, a, 3 * PAGE_SIZE, MADV_POPULATE_WRITE), 0);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 3UL);
}

static void mmap_test_mlock_counts(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0, 4 * PAGE_SIZE, RW, PRIV);

	KTEST_EXPECT_EQ(test,
			sys3(__x64_sys_mlock, a + PAGE_SIZE, 2 * PAGE_SIZE, 0),
			0L);
	KTEST_EXPECT_EQ(test, mm->locked_vm, 2UL);
	KTEST_EXPECT_EQ(test, mm->map_count, 3);
	/* mlock faults the pages in. */
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 2UL);
	KTEST_EXPECT_EQ(test,
			do_madvise(mm, a + PAGE_SIZE, PAGE_SIZE, MADV_DONTNEED),
			-EINVAL);
	KTEST_EXPECT_EQ(
		test, sys3(__x64_sys_munlock, a + PAGE_SIZE, 2 * PAGE_SIZE, 0),
		0L);
	KTEST_EXPECT_EQ(test, mm->locked_vm, 0UL);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_mlock, 0x20000000, PAGE_SIZE, 0),
			(long)-ENOMEM);
}

static void mmap_test_msync_and_mincore(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, 3 * PAGE_SIZE, RW, PRIV);
	unsigned long v = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);
	u8 vec[3];

	KTEST_EXPECT_EQ(test, sys3(__x64_sys_msync, a, PAGE_SIZE, MS_SYNC), 0L);
	KTEST_EXPECT_EQ(test,
			sys3(__x64_sys_msync, a, PAGE_SIZE, MS_SYNC | MS_ASYNC),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_msync, a + 1, PAGE_SIZE, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_msync, a, PAGE_SIZE, 8),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_msync, 0x20000000, PAGE_SIZE, 0),
			(long)-ENOMEM);
	KTEST_ASSERT_TRUE(test, can_write(a + 2 * PAGE_SIZE, 1));
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_mincore, a, 3 * PAGE_SIZE, v), 0L);
	KTEST_ASSERT_EQ(test, copy_from_user(vec, (void __user *)v, 3), 0UL);
	KTEST_EXPECT_EQ(test, vec[0], 0);
	KTEST_EXPECT_EQ(test, vec[1], 0);
	KTEST_EXPECT_EQ(test, vec[2], 1);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_mincore, a, 4 * PAGE_SIZE, v),
			(long)-ENOMEM);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_mincore, a + 1, PAGE_SIZE, v),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys3(__x64_sys_mincore, a, PAGE_SIZE, 0x1000),
			(long)-EFAULT);
}

/*
 * The stack grows down on faults, up to RLIMIT_STACK, and never to
 * within stack_guard_gap of the mapping below it.
 */
static void mmap_test_stack_grows_to_rlimit(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long top = 0x7f0000000000, s;
	struct vm_area_struct *vma;

	current->signal->rlim[RLIMIT_STACK].rlim_cur = 64 * PAGE_SIZE;
	s = ktest_mmap_anon(top - PAGE_SIZE, PAGE_SIZE, RW,
			    PRIV | MAP_FIXED | MAP_GROWSDOWN);
	KTEST_ASSERT_EQ(test, s, top - PAGE_SIZE);
	/* Ten pages below the stack: it grows to cover the access. */
	KTEST_EXPECT_TRUE(test, can_write(top - 10 * PAGE_SIZE, 1));
	vma = vma_at(top - 10 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, vma);
	KTEST_EXPECT_EQ(test, vma->vm_start, top - 10 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->stack_vm, 10UL);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	/* The last page the rlimit allows, then one too many. */
	KTEST_EXPECT_TRUE(test, can_write(top - 64 * PAGE_SIZE, 1));
	KTEST_EXPECT_FALSE(test, can_write(top - 65 * PAGE_SIZE, 1));
	KTEST_EXPECT_EQ(test, vma->vm_start, top - 64 * PAGE_SIZE);
	/* A mapping within the guard gap below stops growth. */
	current->signal->rlim[RLIMIT_STACK].rlim_cur = RLIM_INFINITY;
	KTEST_ASSERT_FALSE(
		test,
		IS_ERR_VALUE(ktest_mmap_anon(
			top - 64 * PAGE_SIZE - stack_guard_gap - 2 * PAGE_SIZE,
			PAGE_SIZE, RW, PRIV | MAP_FIXED)));
	KTEST_EXPECT_TRUE(test, can_write(top - 65 * PAGE_SIZE, 1));
	KTEST_EXPECT_FALSE(
		test, can_write(top - 64 * PAGE_SIZE - stack_guard_gap, 1));
	current->signal->rlim[RLIMIT_STACK].rlim_cur = _STK_LIM;
}

/* A non-stack mapping does not grow: an access below it is -EFAULT. */
static void mmap_test_only_stacks_grow(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);

	KTEST_EXPECT_FALSE(test, can_write(a - PAGE_SIZE, 1));
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 1UL);
}

/* RLIMIT_AS caps the total size of the mappings. */
static void mmap_test_rlimit_as(struct ktest *test)
{
	current->signal->rlim[RLIMIT_AS].rlim_cur = 8 * PAGE_SIZE;
	KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(ktest_mmap_anon(0, 8 * PAGE_SIZE,
							      RW, PRIV)));
	KTEST_EXPECT_EQ(test, ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV),
			(unsigned long)-ENOMEM);
	current->signal->rlim[RLIMIT_AS].rlim_cur = RLIM_INFINITY;
}

/*
 * 256 MiB mapped, every page touched, then unmapped: the free page
 * count comes back (pages and page tables), allowing only for other
 * CPUs' noise.
 */
static void mmap_test_256m_touch_unmap_returns_pages(struct ktest *test)
{
	unsigned long len = 256UL << 20, a, off, before, after;
	long pt_before;

	kmem_cache_shrink_all();
	drain_all_pages(NULL);
	before = nr_free_pages();
	pt_before = global_node_page_state(NR_PAGETABLE);
	a = ktest_mmap_anon(0, len, RW, PRIV);
	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	for (off = 0; off < len; off += PAGE_SIZE)
		if (put_user((u8)1, (u8 __user *)(a + off)))
			break;
	KTEST_EXPECT_EQ(test, off, len);
	KTEST_EXPECT_EQ(test, get_mm_counter(current->mm, MM_ANONPAGES),
			len >> PAGE_SHIFT);
	KTEST_EXPECT_LT(test, nr_free_pages() + (len >> PAGE_SHIFT),
			before + 1);
	KTEST_EXPECT_EQ(test, vm_munmap(a, len), 0);
	KTEST_EXPECT_EQ(test, get_mm_rss(current->mm), 0UL);
	kmem_cache_shrink_all();
	drain_all_pages(NULL);
	after = nr_free_pages();
	KTEST_EXPECT_EQ(test, (long)global_node_page_state(NR_PAGETABLE),
			pt_before);
	KTEST_EXPECT_LE(test, before, after + 16);
	KTEST_EXPECT_LE(test, after, before + 16);
}

static struct ktest_case mmap_test_cases[] = {
	KTEST_CASE(mmap_test_anon_lands_below_mmap_base),
	KTEST_CASE(mmap_test_adjacent_anon_merge),
	KTEST_CASE(mmap_test_bad_arguments),
	KTEST_CASE(mmap_test_hint_and_32bit),
	KTEST_CASE(mmap_test_fixed_replaces),
	KTEST_CASE(mmap_test_munmap_splits),
	KTEST_CASE(mmap_test_mprotect_split_merge),
	KTEST_CASE(mmap_test_mprotect_none_keeps_data),
	KTEST_CASE(mmap_test_mprotect_errors),
	KTEST_CASE(mmap_test_mremap_shrink_and_grow),
	KTEST_CASE(mmap_test_mremap_fixed_and_errors),
	KTEST_CASE(mmap_test_brk),
	KTEST_CASE(mmap_test_vm_brk_flags),
	KTEST_CASE(mmap_test_madvise),
	KTEST_CASE(mmap_test_mlock_counts),
	KTEST_CASE(mmap_test_msync_and_mincore),
	KTEST_CASE(mmap_test_stack_grows_to_rlimit),
	KTEST_CASE(mmap_test_only_stacks_grow),
	KTEST_CASE(mmap_test_rlimit_as),
	KTEST_CASE(mmap_test_256m_touch_unmap_returns_pages),
	{}
};

static struct ktest_suite mmap_test_suite = {
	.name = "mmap",
	.init = ktest_mm_init,
	.exit = ktest_mm_exit,
	.test_cases = mmap_test_cases,
};
ktest_suite(mmap_test_suite);

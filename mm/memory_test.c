/*
 * ktest: page faults and page ownership -- demand zero, uaccess on
 * unmapped, read-only and PROT_NONE memory, file-backed faults,
 * copy-on-write after dup_mm (shared until written, reused when no
 * longer shared), access to another mm, page-table teardown, and the
 * TLB shootdown that lets another CPU see an munmap or mprotect.
 */
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <ktest/mm.h>
#include <ktest/test.h>

#define RW (PROT_READ | PROT_WRITE)
#define PRIV (MAP_PRIVATE | MAP_ANONYMOUS)

static u8 peek(unsigned long addr)
{
	u8 v = 0xee;

	if (get_user(v, (u8 __user *)addr))
		return 0xee;
	return v;
}

/* The page @mm maps at @addr (identity only: no reference kept). */
static struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma)
		page = follow_page(vma, addr, FOLL_FORCE);
	mmap_read_unlock(mm);
	return page;
}

/* Is @addr mapped writable in @mm right now? */
static bool pte_writable_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	bool w = false;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma)
		w = follow_page(vma, addr, FOLL_WRITE) != NULL;
	mmap_read_unlock(mm);
	return w;
}

static void use_other_mm(struct mm_struct *from, struct mm_struct *to)
{
	kthread_unuse_mm(from);
	kthread_use_mm(to);
}

static void memory_test_demand_zero(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);
	u64 v = 1;

	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KTEST_EXPECT_NULL(test, page_at(mm, a));
	KTEST_EXPECT_EQ(test, get_user(v, (u64 __user *)(a + 8)), 0);
	KTEST_EXPECT_EQ(test, v, 0ULL);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1UL);
	KTEST_EXPECT_NOT_NULL(test, page_at(mm, a));
	KTEST_EXPECT_NULL(test, page_at(mm, a + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, put_user(0x1122334455667788ULL, (u64 __user *)a),
			0);
	KTEST_EXPECT_EQ(test, get_user(v, (u64 __user *)a), 0);
	KTEST_EXPECT_EQ(test, v, 0x1122334455667788ULL);
	KTEST_EXPECT_EQ(test, page_mapcount(page_at(mm, a)), 1);
	KTEST_EXPECT_EQ(test, page_count(page_at(mm, a)), 1);
}

static void memory_test_uaccess_faults(struct ktest *test)
{
	unsigned long ro = ktest_mmap_anon(0, PAGE_SIZE, PROT_READ, PRIV);
	unsigned long none = ktest_mmap_anon(0, PAGE_SIZE, PROT_NONE, PRIV);
	char buf[16] = "0123456789abcde";
	u32 v;

	/* Unmapped. */
	KTEST_EXPECT_EQ(test, get_user(v, (u32 __user *)0x20000000), -EFAULT);
	KTEST_EXPECT_EQ(test, put_user(1U, (u32 __user *)0x20000000), -EFAULT);
	KTEST_EXPECT_EQ(test, copy_to_user((void __user *)0x20000000, buf, 16),
			16UL);
	KTEST_EXPECT_EQ(test, copy_from_user(buf, (void __user *)0x20000000, 4),
			4UL);
	KTEST_EXPECT_EQ(test, buf[0], 0); /* the uncopied tail is zeroed */
	/* Read-only: reads fine (a zero page), writes fault. */
	KTEST_EXPECT_EQ(test, get_user(v, (u32 __user *)ro), 0);
	KTEST_EXPECT_EQ(test, v, 0U);
	KTEST_EXPECT_EQ(test, put_user(1U, (u32 __user *)ro), -EFAULT);
	KTEST_EXPECT_EQ(test, clear_user((void __user *)ro, 8), 8UL);
	/* PROT_NONE: nothing works. */
	KTEST_EXPECT_EQ(test, get_user(v, (u32 __user *)none), -EFAULT);
	KTEST_EXPECT_EQ(test, put_user(1U, (u32 __user *)none), -EFAULT);
	/* Kernel addresses never reach the fault handler's user path. */
	KTEST_EXPECT_EQ(test, get_user(v, (u32 __user *)PAGE_OFFSET), -EFAULT);
	KTEST_EXPECT_EQ(test, get_mm_counter(current->mm, MM_ANONPAGES), 1UL);
}

/* A copy that runs off the end of a mapping stops exactly there. */
static void memory_test_partial_copy(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);
	char src[32], dst[32];
	long n;

	memset(src, 0x5c, sizeof(src));
	KTEST_ASSERT_EQ(test, do_mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_NONE),
			0);
	KTEST_EXPECT_EQ(
		test, copy_to_user((void __user *)(a + PAGE_SIZE - 8), src, 32),
		24UL);
	KTEST_EXPECT_EQ(test,
			copy_from_user(dst, (void __user *)(a + PAGE_SIZE - 8),
				       32),
			24UL);
	KTEST_EXPECT_EQ(test, dst[7], 0x5c);
	KTEST_EXPECT_EQ(test, dst[8], 0);
	/*
	 * Misaligned: the quadword that straddles the boundary faults, and
	 * the byte retry still copies the five bytes before it.
	 */
	memset(dst, 0x77, sizeof(dst));
	KTEST_EXPECT_EQ(
		test, copy_to_user((void __user *)(a + PAGE_SIZE - 5), dst, 32),
		27UL);
	memset(dst, 0x11, sizeof(dst));
	KTEST_EXPECT_EQ(test,
			copy_from_user(dst, (void __user *)(a + PAGE_SIZE - 5),
				       32),
			27UL);
	KTEST_EXPECT_EQ(test, dst[4], 0x77);
	KTEST_EXPECT_EQ(test, dst[5], 0);
	KTEST_ASSERT_EQ(test,
			copy_to_user((void __user *)(a + PAGE_SIZE - 16), src,
				     16),
			0UL);
	KTEST_EXPECT_EQ(test,
			clear_user((void __user *)(a + PAGE_SIZE - 13), 40),
			27UL);
	KTEST_EXPECT_EQ(test,
			copy_from_user(dst, (void __user *)(a + PAGE_SIZE - 16),
				       16),
			0UL);
	KTEST_EXPECT_EQ(test, dst[2], 0x5c);
	KTEST_EXPECT_EQ(test, dst[3], 0);
	KTEST_EXPECT_EQ(test, dst[15], 0);
	KTEST_ASSERT_EQ(test, copy_to_user((void __user *)a, "hello", 6), 0UL);
	n = strnlen_user((const char __user *)a, 100);
	KTEST_EXPECT_EQ(test, n, 6L);
	KTEST_EXPECT_EQ(test,
			strncpy_from_user(dst, (const char __user *)a, 32), 5L);
	KTEST_EXPECT_STREQ(test, dst, "hello");
}

/* With preemption off the handler may not sleep: the copy fails. */
static void memory_test_atomic_uaccess_fails(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);
	u32 v = 7;
	int err;

	preempt_disable();
	err = get_user(v, (u32 __user *)a);
	preempt_enable();
	KTEST_EXPECT_EQ(test, err, -EFAULT);
	KTEST_EXPECT_EQ(test, get_user(v, (u32 __user *)a), 0);
	/* Once mapped, an atomic access needs no fault. */
	preempt_disable();
	err = get_user(v, (u32 __user *)a);
	preempt_enable();
	KTEST_EXPECT_EQ(test, err, 0);
	KTEST_EXPECT_EQ(test, v, 0U);
}

/*
 * After dup_mm both mms map the same page read-only:
 *
 *	parent PTE (ro) --\
 *	                   +--> page "11", mapcount 2
 *	child  PTE (ro) --/
 *
 * The child's write copies; the parent, now the page's only user,
 * writes it in place.
 */
static void memory_test_cow_after_dup_mm(struct ktest *test)
{
	struct mm_struct *parent = current->mm, *child;
	unsigned long a = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);
	struct page *orig;

	KTEST_ASSERT_EQ(test, put_user((u8)0x11, (u8 __user *)a), 0);
	orig = page_at(parent, a);
	child = dup_mm(current, parent);
	KTEST_ASSERT_NOT_NULL(test, child);
	KTEST_EXPECT_PTR_EQ(test, page_at(child, a), orig);
	KTEST_EXPECT_EQ(test, page_mapcount(orig), 2);
	KTEST_EXPECT_EQ(test, page_count(orig), 2);
	KTEST_EXPECT_FALSE(test, pte_writable_at(parent, a));
	KTEST_EXPECT_FALSE(test, pte_writable_at(child, a));
	KTEST_EXPECT_EQ(test, get_mm_counter(child, MM_ANONPAGES), 1UL);
	KTEST_EXPECT_EQ(test, child->total_vm, parent->total_vm);
	KTEST_EXPECT_EQ(test, child->map_count, 1);

	use_other_mm(parent, child);
	KTEST_EXPECT_EQ(test, peek(a), 0x11);
	KTEST_EXPECT_EQ(test, put_user((u8)0x22, (u8 __user *)a), 0);
	KTEST_EXPECT_EQ(test, peek(a), 0x22);
	use_other_mm(child, parent);

	KTEST_EXPECT_EQ(test, peek(a), 0x11);
	KTEST_EXPECT_TRUE(test, page_at(child, a) != orig);
	KTEST_EXPECT_EQ(test, page_mapcount(orig), 1);
	KTEST_EXPECT_EQ(test, page_count(orig), 1);
	/* The parent is the last user: its write reuses the page. */
	KTEST_EXPECT_EQ(test, put_user((u8)0x33, (u8 __user *)a), 0);
	KTEST_EXPECT_PTR_EQ(test, page_at(parent, a), orig);
	KTEST_EXPECT_EQ(test, peek(a), 0x33);
	mmput(child);
}

/* Once the child is gone, the parent's write needs no copy either. */
static void memory_test_cow_reuse_after_child_exit(struct ktest *test)
{
	struct mm_struct *parent = current->mm, *child;
	unsigned long a = ktest_mmap_anon(0, 4 * PAGE_SIZE, RW, PRIV);
	unsigned long free_before;
	struct page *orig;
	int i;

	for (i = 0; i < 4; i++)
		KTEST_ASSERT_EQ(
			test, put_user((u8)i, (u8 __user *)(a + i * PAGE_SIZE)),
			0);
	orig = page_at(parent, a);
	child = dup_mm(current, parent);
	KTEST_ASSERT_NOT_NULL(test, child);
	KTEST_EXPECT_EQ(test, page_mapcount(orig), 2);
	mmput(child);
	KTEST_EXPECT_EQ(test, page_mapcount(orig), 1);
	drain_all_pages(NULL);
	free_before = nr_free_pages();
	KTEST_EXPECT_EQ(test, put_user((u8)9, (u8 __user *)a), 0);
	KTEST_EXPECT_PTR_EQ(test, page_at(parent, a), orig);
	drain_all_pages(NULL);
	KTEST_EXPECT_LE(test, free_before, nr_free_pages() + 2);
	KTEST_EXPECT_EQ(test, peek(a + 3 * PAGE_SIZE), 3);
}

/* VM_DONTCOPY areas stay out of the child; shared areas stay shared. */
static void memory_test_dup_mm_dontcopy_and_shared(struct ktest *test)
{
	struct mm_struct *parent = current->mm, *child;
	unsigned long a = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);
	unsigned long s = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, MAP_SHARED);
	u8 v = 0x66;

	KTEST_ASSERT_EQ(test, do_madvise(parent, a, PAGE_SIZE, MADV_DONTFORK),
			0);
	KTEST_ASSERT_EQ(test, put_user((u8)1, (u8 __user *)s), 0);
	child = dup_mm(current, parent);
	KTEST_ASSERT_NOT_NULL(test, child);
	mmap_read_lock(child);
	KTEST_EXPECT_NULL(test, vma_lookup(child, a));
	KTEST_EXPECT_NOT_NULL(test, vma_lookup(child, s));
	mmap_read_unlock(child);
	KTEST_EXPECT_EQ(test, child->total_vm, 2UL);
	/* The child writes the page the parent never touched. */
	KTEST_EXPECT_EQ(test, access_remote_vm(child, s + PAGE_SIZE, &v, 1, 1),
			1);
	KTEST_EXPECT_EQ(test, peek(s + PAGE_SIZE), 0x66);
	KTEST_EXPECT_PTR_EQ(test, page_at(child, s), page_at(parent, s));
	mmput(child);
}

/* access_remote_vm: the kernel reading and writing another mm. */
static void memory_test_access_remote_vm(struct ktest *test)
{
	struct mm_struct *parent = current->mm, *child;
	unsigned long a = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);
	unsigned long none = ktest_mmap_anon(0, PAGE_SIZE, PROT_NONE, PRIV);
	char buf[16];
	struct page *page;

	KTEST_ASSERT_EQ(test,
			copy_to_user((void __user *)(a + PAGE_SIZE - 4),
				     "argv=xyz", 9),
			0UL);
	child = dup_mm(current, parent);
	KTEST_ASSERT_NOT_NULL(test, child);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(
		test, access_remote_vm(child, a + PAGE_SIZE - 4, buf, 9, 0), 9);
	KTEST_EXPECT_STREQ(test, buf, "argv=xyz");
	/* A write breaks COW in the child only. */
	KTEST_EXPECT_EQ(
		test, access_remote_vm(child, a + PAGE_SIZE - 4, "ARGV", 4, 1),
		4);
	KTEST_EXPECT_EQ(
		test, access_remote_vm(child, a + PAGE_SIZE - 4, buf, 9, 0), 9);
	KTEST_EXPECT_STREQ(test, buf, "ARGV=xyz");
	KTEST_EXPECT_EQ(test, peek(a + PAGE_SIZE - 4), 'a');
	/* Unmapped: nothing copied.  PROT_NONE: readable by force only. */
	KTEST_EXPECT_EQ(test, access_remote_vm(child, 0x20000000, buf, 4, 0),
			0);
	KTEST_EXPECT_EQ(test, access_remote_vm(child, none, buf, 4, 0), 4);
	KTEST_EXPECT_EQ(test, access_remote_vm(child, none, buf, 4, 1), 0);
	mmap_read_lock(child);
	KTEST_EXPECT_EQ(
		test, get_user_pages_remote(child, a, 2, FOLL_WRITE, NULL), 2L);
	KTEST_EXPECT_EQ(test, get_user_pages_remote(child, a, 1, 0, &page), 1L);
	mmap_read_unlock(child);
	KTEST_EXPECT_EQ(test, page_count(page), 2);
	put_page(page);
	mmput(child);
}

/* munmap frees the page tables it emptied (NR_PAGETABLE balances). */
static void memory_test_munmap_frees_page_tables(struct ktest *test)
{
	long before = global_node_page_state(NR_PAGETABLE);
	unsigned long a = ktest_mmap_anon(0x300000000000UL, 3 * PAGE_SIZE, RW,
					  PRIV | MAP_FIXED);

	KTEST_ASSERT_EQ(test, a, 0x300000000000UL);
	KTEST_ASSERT_EQ(test, put_user((u8)1, (u8 __user *)a), 0);
	KTEST_ASSERT_EQ(test, put_user((u8)1, (u8 __user *)(a + 2 * PAGE_SIZE)),
			0);
	/* A PUD, a PMD and a PTE table under a fresh top-level entry. */
	KTEST_EXPECT_EQ(test, (long)global_node_page_state(NR_PAGETABLE),
			before + 3);
	KTEST_EXPECT_EQ(test, atomic_long_read(&current->mm->pgtables_bytes),
			4L * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, vm_munmap(a, PAGE_SIZE), 0);
	/* The PTE table still maps the third page. */
	KTEST_EXPECT_EQ(test, (long)global_node_page_state(NR_PAGETABLE),
			before + 3);
	KTEST_EXPECT_EQ(test, vm_munmap(a, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, (long)global_node_page_state(NR_PAGETABLE),
			before);
}

/*
 * A table that reaches a neighbouring VMA stays when its own area goes,
 * even if the neighbour never had a page (Linux's floor/ceiling rule);
 * it goes with the neighbour.
 */
static void memory_test_munmap_keeps_neighbours_tables(struct ktest *test)
{
	long before = global_node_page_state(NR_PAGETABLE);
	unsigned long a = ktest_mmap_anon(0x300000000000UL, PAGE_SIZE, RW,
					  PRIV | MAP_FIXED);
	unsigned long b = ktest_mmap_anon(0x300000000000UL + 16 * PAGE_SIZE,
					  PAGE_SIZE, RW, PRIV | MAP_FIXED);

	KTEST_ASSERT_EQ(test, a, 0x300000000000UL);
	KTEST_ASSERT_EQ(test, b, a + 16 * PAGE_SIZE);
	KTEST_ASSERT_EQ(test, put_user((u8)1, (u8 __user *)a), 0);
	KTEST_EXPECT_EQ(test, (long)global_node_page_state(NR_PAGETABLE),
			before + 3);
	KTEST_EXPECT_EQ(test, vm_munmap(a, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, (long)global_node_page_state(NR_PAGETABLE),
			before + 3);
	KTEST_EXPECT_EQ(test, vm_munmap(b, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, (long)global_node_page_state(NR_PAGETABLE),
			before);
}

/* --- file-backed mappings, with a two-page "page cache" ----------------- */

static struct page *fake_pages[2];

static vm_fault_t fake_fault(struct vm_fault *vmf)
{
	if (vmf->pgoff >= ARRAY_SIZE(fake_pages))
		return VM_FAULT_SIGBUS; /* beyond end of file */
	get_page(fake_pages[vmf->pgoff]);
	vmf->page = fake_pages[vmf->pgoff];
	return 0;
}

static const struct vm_operations_struct fake_vm_ops = {
	.fault = fake_fault,
};

static int fake_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	vma->vm_ops = &fake_vm_ops;
	return 0;
}

static const struct file_operations fake_fops = { .mmap = fake_mmap };
static const struct file_operations fake_nommap_fops = {};

/* Our own reference keeps f_count above zero whatever fput() does. */
static void fake_file_init(struct file *f, fmode_t mode,
			   const struct file_operations *fops)
{
	memset(f, 0, sizeof(*f));
	f->f_op = fops;
	f->f_mode = mode;
	atomic_long_set(&f->f_count, 1);
}

static bool fake_pages_alloc(void)
{
	int i;

	for (i = 0; i < 2; i++) {
		fake_pages[i] = alloc_page(GFP_KERNEL);
		if (!fake_pages[i])
			return false;
		memset(page_address(fake_pages[i]), 'A' + i, PAGE_SIZE);
	}
	return true;
}

static void fake_pages_free(void)
{
	int i;

	for (i = 0; i < 2; i++)
		if (fake_pages[i])
			put_page(fake_pages[i]);
	fake_pages[0] = fake_pages[1] = NULL;
}

/*
 * The files are static: a mapping left behind by a failed assertion is
 * unmapped when the case's mm goes, and must find its file alive.
 */
static struct file fake_file;

static void memory_test_file_private_mapping(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	struct file *fp = &fake_file;
	unsigned long a;
	u8 *kpage;

	KTEST_ASSERT_TRUE(test, fake_pages_alloc());
	kpage = page_address(fake_pages[1]);
	fake_file_init(fp, FMODE_READ, &fake_fops);
	a = vm_mmap(fp, 0, 3 * PAGE_SIZE, RW, MAP_PRIVATE, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KTEST_EXPECT_EQ(test, atomic_long_read(&fp->f_count), 2L);
	/* A read maps the file's own page, read-only. */
	KTEST_EXPECT_EQ(test, peek(a + PAGE_SIZE), 'B');
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, a + PAGE_SIZE), fake_pages[1]);
	KTEST_EXPECT_FALSE(test, pte_writable_at(mm, a + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, page_mapcount(fake_pages[1]), 1);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_FILEPAGES), 1UL);
	/* A write gets a private copy; the file page is untouched. */
	KTEST_EXPECT_EQ(test, put_user((u8)'x', (u8 __user *)(a + PAGE_SIZE)),
			0);
	KTEST_EXPECT_EQ(test, peek(a + PAGE_SIZE), 'x');
	KTEST_EXPECT_EQ(test, kpage[0], 'B');
	KTEST_EXPECT_EQ(test, page_mapcount(fake_pages[1]), 0);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_FILEPAGES), 0UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1UL);
	/* A first-touch write copies at once. */
	KTEST_EXPECT_EQ(test, put_user((u8)'y', (u8 __user *)a), 0);
	KTEST_EXPECT_EQ(test, peek(a + 1), 'A');
	/* Past the end of the file: SIGBUS, so -EFAULT for uaccess. */
	KTEST_EXPECT_EQ(test, peek(a + 2 * PAGE_SIZE), 0xee);
	KTEST_EXPECT_EQ(test, vm_munmap(a, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, atomic_long_read(&fp->f_count), 1L);
	KTEST_EXPECT_EQ(test, page_count(fake_pages[1]), 1);
	fake_pages_free();
}

static void memory_test_file_shared_mapping(struct ktest *test)
{
	struct mm_struct *mm = current->mm;
	struct file *fp = &fake_file;
	unsigned long a;

	KTEST_ASSERT_TRUE(test, fake_pages_alloc());
	fake_file_init(fp, FMODE_READ | FMODE_WRITE, &fake_fops);
	a = vm_mmap(fp, 0, 2 * PAGE_SIZE, RW, MAP_SHARED, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KTEST_EXPECT_EQ(test, put_user((u8)'z', (u8 __user *)a), 0);
	KTEST_EXPECT_EQ(test, *(u8 *)page_address(fake_pages[0]), 'z');
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, a), fake_pages[0]);
	KTEST_EXPECT_FALSE(test, PageDirty(fake_pages[0]));
	KTEST_EXPECT_EQ(test, vm_munmap(a, 2 * PAGE_SIZE), 0);
	/* The dirty bit moved from the PTE to the page. */
	KTEST_EXPECT_TRUE(test, PageDirty(fake_pages[0]));
	KTEST_EXPECT_EQ(test, page_mapcount(fake_pages[0]), 0);
	fake_pages_free();
}

static struct file fake_file_ro, fake_file_nommap;

static void memory_test_file_mmap_errors(struct ktest *test)
{
	struct file *fp = &fake_file, *ro = &fake_file_ro;
	unsigned long a, b;

	fake_file_init(fp, FMODE_WRITE, &fake_fops);
	KTEST_EXPECT_EQ(test,
			vm_mmap(fp, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, 0),
			(unsigned long)-EACCES);
	fake_file_init(ro, FMODE_READ, &fake_fops);
	KTEST_EXPECT_EQ(test, vm_mmap(ro, 0, PAGE_SIZE, RW, MAP_SHARED, 0),
			(unsigned long)-EACCES);
	KTEST_EXPECT_EQ(test,
			vm_mmap(ro, 0, PAGE_SIZE, PROT_READ,
				MAP_PRIVATE | MAP_GROWSDOWN, 0),
			(unsigned long)-EINVAL);
	KTEST_EXPECT_EQ(test,
			vm_mmap(ro, 0, PAGE_SIZE, PROT_READ,
				MAP_SHARED_VALIDATE | MAP_SYNC, 0),
			(unsigned long)-EOPNOTSUPP);
	KTEST_EXPECT_EQ(test, vm_mmap(ro, 0, PAGE_SIZE, PROT_READ, 0, 0),
			(unsigned long)-EINVAL);
	/* Read-only shared: mprotect cannot add PROT_WRITE later. */
	a = vm_mmap(ro, 0, PAGE_SIZE, PROT_READ, MAP_SHARED, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KTEST_EXPECT_EQ(test, do_mprotect(a, PAGE_SIZE, RW), -EACCES);
	/* ...but a private one can: writes are private copies. */
	b = vm_mmap(ro, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(b));
	KTEST_EXPECT_EQ(test, do_mprotect(b, PAGE_SIZE, RW), 0);
	fake_file_init(&fake_file_nommap, FMODE_READ, &fake_nommap_fops);
	KTEST_EXPECT_EQ(test,
			vm_mmap(&fake_file_nommap, 0, PAGE_SIZE, PROT_READ,
				MAP_PRIVATE, 0),
			(unsigned long)-ENODEV);
	KTEST_EXPECT_EQ(test, current->mm->map_count, 2);
	KTEST_EXPECT_EQ(test, atomic_long_read(&ro->f_count), 3L);
	KTEST_EXPECT_EQ(test, vm_munmap(a, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, vm_munmap(b, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, atomic_long_read(&ro->f_count), 1L);
}

/* --- TLB shootdown -------------------------------------------------- */

#define PROBE_MAGIC 0x7ea5ab1e5eed1e55ULL

struct tlb_probe {
	struct mm_struct *mm;
	unsigned long addr;
	bool write; /* probe with writes (mprotect) instead of reads */
	atomic_t phase; /* 1: warmed up, 2: change done, 3: probed */
	int result;
};

static int probe_access(struct tlb_probe *p)
{
	u64 v;

	if (p->write)
		return put_user(PROBE_MAGIC, (u64 __user *)p->addr);
	if (get_user(v, (u64 __user *)p->addr))
		return -EFAULT;
	return v == PROBE_MAGIC ? 0 : -EINVAL;
}

/*
 * On the other CPU: keep the translation hot in this CPU's TLB until
 * the main thread has unmapped or write-protected the page, then try
 * once more.  Without a shootdown the stale entry would still work.
 */
static int tlb_probe_fn(void *data)
{
	struct tlb_probe *p = data;
	unsigned long deadline = jiffies + 20 * HZ;

	kthread_use_mm(p->mm);
	p->result = -ETIMEDOUT;
	while (probe_access(p))
		if (time_after(jiffies, deadline))
			goto out;
	atomic_set(&p->phase, 1);
	while (atomic_read(&p->phase) != 2) {
		probe_access(p);
		if (time_after(jiffies, deadline))
			goto out;
	}
	p->result = probe_access(p);
out:
	kthread_unuse_mm(p->mm);
	atomic_set(&p->phase, 3);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static bool wait_phase(struct tlb_probe *p, int phase)
{
	int i;

	for (i = 0; i < 20000 && atomic_read(&p->phase) < phase; i++)
		msleep(1);
	return atomic_read(&p->phase) >= phase;
}

static void tlb_shootdown_case(struct ktest *test, bool write)
{
	struct tlb_probe p = { .mm = current->mm, .write = write };
	unsigned int cpu, other = nr_cpu_ids;
	struct task_struct *t;

	for_each_cpu(cpu, cpu_online_mask)
		if (cpu != (unsigned int)smp_processor_id())
			other = cpu;
	if (other >= nr_cpu_ids) {
		ktest_skip(test, "needs a second CPU");
		return;
	}
	p.addr = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);
	KTEST_ASSERT_EQ(test, put_user(PROBE_MAGIC, (u64 __user *)p.addr), 0);
	t = kthread_create(tlb_probe_fn, &p, "tlb_probe");
	KTEST_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, other);
	wake_up_process(t);
	KTEST_EXPECT_TRUE(test, wait_phase(&p, 1));
	KTEST_EXPECT_TRUE(test, cpumask_test_cpu(other, mm_cpumask(p.mm)));
	if (write)
		KTEST_EXPECT_EQ(test, do_mprotect(p.addr, PAGE_SIZE, PROT_READ),
				0);
	else
		KTEST_EXPECT_EQ(test, vm_munmap(p.addr, PAGE_SIZE), 0);
	atomic_set(&p.phase, 2);
	KTEST_EXPECT_TRUE(test, wait_phase(&p, 3));
	kthread_stop(t);
	KTEST_EXPECT_EQ(test, p.result, -EFAULT);
	KTEST_EXPECT_FALSE(test, cpumask_test_cpu(other, mm_cpumask(p.mm)));
}

static void memory_test_tlb_shootdown_munmap(struct ktest *test)
{
	tlb_shootdown_case(test, false);
}

static void memory_test_tlb_shootdown_mprotect(struct ktest *test)
{
	tlb_shootdown_case(test, true);
}

/*
 * strncpy_from_user/strnlen_user read a word at a time: strings that end
 * right before an unmapped page, at a word boundary, or not at all.
 */
static void memory_test_user_strings(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, 2 * PAGE_SIZE, RW, PRIV);
	unsigned long end = a + PAGE_SIZE;
	char dst[64];

	KTEST_ASSERT_EQ(test, do_mprotect(end, PAGE_SIZE, PROT_NONE), 0);
	/* "xyz" ends on the last byte of the mapping. */
	KTEST_ASSERT_EQ(test, copy_to_user((void __user *)(end - 4), "xyz", 4),
			0UL);
	memset(dst, 0x7f, sizeof(dst));
	KTEST_EXPECT_EQ(test,
			strncpy_from_user(dst, (const char __user *)(end - 4),
					  sizeof(dst)),
			3L);
	KTEST_EXPECT_STREQ(test, dst, "xyz");
	KTEST_EXPECT_EQ(test, strnlen_user((const char __user *)(end - 4), 64),
			4L);
	/* No NUL before the unmapped page: a fault. */
	KTEST_ASSERT_EQ(test,
			copy_to_user((void __user *)(end - 12), "aaaaaaaaaaaa",
				     12),
			0UL);
	KTEST_EXPECT_EQ(test,
			strncpy_from_user(dst, (const char __user *)(end - 12),
					  sizeof(dst)),
			(long)-EFAULT);
	KTEST_EXPECT_EQ(test, strnlen_user((const char __user *)(end - 12), 64),
			0L);
	/* ...but a count that stops before the fault is no fault. */
	KTEST_EXPECT_EQ(test,
			strncpy_from_user(dst, (const char __user *)(end - 12),
					  12),
			12L);
	KTEST_EXPECT_EQ(test, strnlen_user((const char __user *)(end - 12), 12),
			13L);
	/* The NUL is the first byte of the second word. */
	KTEST_ASSERT_EQ(test, copy_to_user((void __user *)a, "12345678", 9),
			0UL);
	memset(dst, 0x7f, sizeof(dst));
	KTEST_EXPECT_EQ(test,
			strncpy_from_user(dst, (const char __user *)a, 64), 8L);
	KTEST_EXPECT_STREQ(test, dst, "12345678");
	KTEST_EXPECT_EQ(test, strnlen_user((const char __user *)a, 100), 9L);
	KTEST_EXPECT_EQ(test, strnlen_user((const char __user *)a, 9), 9L);
	KTEST_EXPECT_EQ(test, strnlen_user((const char __user *)a, 8), 9L);
	KTEST_EXPECT_EQ(test, strnlen_user((const char __user *)a, 5), 6L);
	/* A count shorter than the string: @count bytes, no terminator. */
	memset(dst, 0x7f, sizeof(dst));
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, (const char __user *)a, 5),
			5L);
	KTEST_EXPECT_EQ(test, dst[4], '5');
	KTEST_EXPECT_EQ(test, dst[5], 0x7f);
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, (const char __user *)a, 0),
			0L);
	/* Kernel and non-canonical addresses are never read. */
	KTEST_EXPECT_EQ(test,
			strncpy_from_user(dst, (const char __user *)dst,
					  sizeof(dst)),
			(long)-EFAULT);
	KTEST_EXPECT_EQ(
		test, strnlen_user((const char __user *)TASK_SIZE_MAX, 8), 0L);
}

static struct ktest_case memory_test_cases[] = {
	KTEST_CASE(memory_test_demand_zero),
	KTEST_CASE(memory_test_uaccess_faults),
	KTEST_CASE(memory_test_partial_copy),
	KTEST_CASE(memory_test_user_strings),
	KTEST_CASE(memory_test_atomic_uaccess_fails),
	KTEST_CASE(memory_test_cow_after_dup_mm),
	KTEST_CASE(memory_test_cow_reuse_after_child_exit),
	KTEST_CASE(memory_test_dup_mm_dontcopy_and_shared),
	KTEST_CASE(memory_test_access_remote_vm),
	KTEST_CASE(memory_test_munmap_frees_page_tables),
	KTEST_CASE(memory_test_munmap_keeps_neighbours_tables),
	KTEST_CASE(memory_test_file_private_mapping),
	KTEST_CASE(memory_test_file_shared_mapping),
	KTEST_CASE(memory_test_file_mmap_errors),
	KTEST_CASE(memory_test_tlb_shootdown_munmap),
	KTEST_CASE(memory_test_tlb_shootdown_mprotect),
	{}
};

static struct ktest_suite memory_test_suite = {
	.name = "memory",
	.init = ktest_mm_init,
	.exit = ktest_mm_exit,
	.test_cases = memory_test_cases,
};
ktest_suite(memory_test_suite);

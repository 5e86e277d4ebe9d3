#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <asm/page.h>

/*
 * struct page flags.  The zone number sits in the top bits of
 * page->flags so page_zone() needs no lookup.
 */
enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_slab, /* owned by the slab allocator */
	PG_reserved, /* never given to the buddy allocator */
	PG_private,
	PG_writeback,
	PG_head, /* first page of a compound page */
	PG_buddy, /* free, heading a block on a free_area list */
	PG_vmalloc, /* mapped into the vmalloc area */
	NR_PAGEFLAGS
};

#define ZONES_SHIFT 2
#define ZONES_PGSHIFT (64 - ZONES_SHIFT)
#define ZONES_MASK ((1UL << ZONES_SHIFT) - 1)

#define PAGEFLAG(name, bit)                                     \
	static inline bool Page##name(const struct page *page)  \
	{                                                       \
		return page->flags & (1UL << PG_##bit);         \
	}                                                       \
	static inline void __SetPage##name(struct page *page)   \
	{                                                       \
		page->flags |= 1UL << PG_##bit;                 \
	}                                                       \
	static inline void __ClearPage##name(struct page *page) \
	{                                                       \
		page->flags &= ~(1UL << PG_##bit);              \
	}

PAGEFLAG(Locked, locked)
PAGEFLAG(Referenced, referenced)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Slab, slab)
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Private, private)
PAGEFLAG(Writeback, writeback)
PAGEFLAG(Head, head)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Vmalloc, vmalloc)

#undef PAGEFLAG

/* The vmemmap: struct page of pfn N is vmemmap[N] (DESIGN.md §3). */
#define vmemmap ((struct page *)VMEMMAP_START)
#define page_to_pfn(page) ((unsigned long)((page)-vmemmap))
#define pfn_to_page(pfn) (vmemmap + (pfn))
#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define page_to_phys(page) PFN_PHYS(page_to_pfn(page))
#define virt_to_pfn(kaddr) PHYS_PFN(__pa(kaddr))
#define virt_to_page(kaddr) pfn_to_page(virt_to_pfn(kaddr))
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)

/* The first pfn after RAM, and the first above 4 GiB (or max_pfn). */
extern unsigned long max_pfn;
extern unsigned long max_low_pfn;

/*
 * Memory sections (mm/sparse.c): physical memory in 128 MiB pieces.
 * The vmemmap is populated, and struct pages initialised, only for the
 * sections that hold RAM, so a large hole costs no struct pages.
 */
#define SECTION_SIZE_BITS 27
#define PFN_SECTION_SHIFT (SECTION_SIZE_BITS - PAGE_SHIFT)
#define PAGES_PER_SECTION (1UL << PFN_SECTION_SHIFT)
#define MAX_PHYSMEM_BITS 46
#define NR_MEM_SECTIONS (1UL << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))

extern unsigned long mem_section_present[NR_MEM_SECTIONS / (8 * sizeof(long))];

static inline unsigned long pfn_to_section_nr(unsigned long pfn)
{
	return pfn >> PFN_SECTION_SHIFT;
}

static inline bool present_section_nr(unsigned long nr)
{
	return nr < NR_MEM_SECTIONS &&
	       (mem_section_present[nr / (8 * sizeof(long))] >>
		(nr % (8 * sizeof(long)))) &
		       1;
}

/* Does @pfn have a struct page (RAM, or a hole inside a RAM section)? */
static inline bool pfn_valid(unsigned long pfn)
{
	return present_section_nr(pfn_to_section_nr(pfn));
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline void *lowmem_page_address(const struct page *page)
{
	return page_address(page);
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (page->flags >> ZONES_PGSHIFT) & ZONES_MASK;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

/* Compound pages: a head page and tails that point back at it. */
static inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline unsigned int compound_order(const struct page *page)
{
	if (!PageHead(page))
		return 0;
	return page[1].compound_order;
}

/* Reference counts: a page is free when _refcount drops to 0. */
static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

static inline int page_count(const struct page *page)
{
	return page_ref_count(compound_head(page));
}

static inline void get_page(struct page *page)
{
	page = compound_head(page);
	WARN_ON_ONCE(page_ref_count(page) <= 0);
	page_ref_inc(page);
}

/* Drop a reference; the last one frees the page (or compound page). */
void put_page(struct page *page);

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}

static inline void page_mapcount_reset(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}

/* Boot (mm/sparse.c, mm/mm_init.c, arch vmemmap_populate). */
void sparse_init(void);
int vmemmap_populate(unsigned long start, unsigned long end);
void free_area_init(unsigned long *max_zone_pfn);

/* mm/page_alloc.c */
extern atomic_long_t _totalram_pages;

static inline unsigned long totalram_pages(void)
{
	return (unsigned long)atomic_long_read(&_totalram_pages);
}

unsigned long nr_free_pages(void);
void __free_pages_core(struct page *page, unsigned int order);
void free_reserved_area(void *start, void *end, int poison, const char *s);
void mm_core_init(void);

/* mm/util.c: kmalloc when it fits, vmalloc otherwise. */
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void *kvcalloc(size_t n, size_t size, gfp_t flags);
void kvfree(const void *addr);

/* mm/maccess.c: kernel memory access that cannot oops. */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_to_kernel_nofault(void *dst, const void *src, size_t size);


/*
 * VMA flags (vm_area_struct.vm_flags), Linux's bit values: the low four
 * mirror PROT_*, the VM_MAY* bits say what mprotect may later allow.
 */
#define VM_NONE 0x00000000UL
#define VM_READ 0x00000001UL
#define VM_WRITE 0x00000002UL
#define VM_EXEC 0x00000004UL
#define VM_SHARED 0x00000008UL
#define VM_MAYREAD 0x00000010UL
#define VM_MAYWRITE 0x00000020UL
#define VM_MAYEXEC 0x00000040UL
#define VM_MAYSHARE 0x00000080UL
#define VM_GROWSDOWN 0x00000100UL
#define VM_PFNMAP 0x00000400UL
#define VM_LOCKED 0x00002000UL
#define VM_IO 0x00004000UL
#define VM_DONTCOPY 0x00020000UL
#define VM_DONTEXPAND 0x00040000UL
#define VM_ACCOUNT 0x00100000UL
#define VM_NORESERVE 0x00200000UL
#define VM_DONTDUMP 0x04000000UL
#define VM_STACK VM_GROWSDOWN

typedef unsigned long pgoff_t;
typedef unsigned int vm_fault_t;

/* ->fault results. */
#define VM_FAULT_OOM 0x000001
#define VM_FAULT_SIGBUS 0x000002
#define VM_FAULT_MAJOR 0x000004
#define VM_FAULT_SIGSEGV 0x000040
#define VM_FAULT_NOPAGE 0x000100
#define VM_FAULT_LOCKED 0x000200
#define VM_FAULT_RETRY 0x000400
#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/* vm_fault.flags */
#define FAULT_FLAG_WRITE 0x01
#define FAULT_FLAG_USER 0x40
#define FAULT_FLAG_INSTRUCTION 0x100

/*
 * One page fault being resolved, handed to vma->vm_ops->fault: the
 * handler finds (or reads in) the page for vmf->pgoff and returns it in
 * vmf->page with a reference held; the fault core maps it (or copies
 * it, for a private write).
 */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address; /* page aligned */
	unsigned long real_address; /* as faulted */
	unsigned int flags; /* FAULT_FLAG_* */
	pgoff_t pgoff; /* in vma->vm_file, in pages */
	struct page *page; /* out: the page, referenced */
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	const char *(*name)(struct vm_area_struct *vma);
};

static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

/* VM_* bits that say how a mapping may be accessed. */
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)
/* Areas whose pages are not struct-page refcounted (raw frames). */
#define VM_SPECIAL (VM_IO | VM_DONTEXPAND | VM_PFNMAP)
/* ->fault results: the "hand it back to the caller" kind (not errors). */

/* Faults that get_user_pages and friends may cause (Linux's values). */
#define FOLL_WRITE 0x01 /* the caller will write: break COW */
#define FOLL_GET 0x04 /* take a reference on each page */
#define FOLL_FORCE 0x10 /* ignore VM_READ (reads only here) */

/*
 * Anonymous pages carry PAGE_MAPPING_ANON in page->mapping (a page-cache
 * page holds its address_space there, which is word aligned).  Only an
 * anonymous page may be reused in place on a write fault.
 */
#define PAGE_MAPPING_ANON 0x1UL

static inline bool PageAnon(const struct page *page)
{
	return (unsigned long)page->mapping & PAGE_MAPPING_ANON;
}

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* The page of vma->vm_file (in pages) that @addr maps. */
static inline pgoff_t linear_page_index(const struct vm_area_struct *vma,
					unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/* Resident pages by kind (rss_stat); /proc/<pid>/status VmRSS & co. */
static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	long v = atomic_long_read(&mm->rss_stat[member]);

	return v < 0 ? 0 : v;
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long v)
{
	atomic_long_add(v, &mm->rss_stat[member]);
}

static inline void inc_mm_counter(struct mm_struct *mm, int member)
{
	add_mm_counter(mm, member, 1);
}

static inline void dec_mm_counter(struct mm_struct *mm, int member)
{
	add_mm_counter(mm, member, -1);
}

static inline int mm_counter(const struct page *page)
{
	return PageAnon(page) ? MM_ANONPAGES : MM_FILEPAGES;
}

static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) +
	       get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

static inline void update_hiwater_vm(struct mm_struct *mm)
{
	if (mm->hiwater_vm < mm->total_vm)
		mm->hiwater_vm = mm->total_vm;
}

/* The guard gap below a stack VMA (mm/mmap.c; stack_guard_gap=). */
extern unsigned long stack_guard_gap;
/* The lowest address a user mapping may take (vm.mmap_min_addr). */
extern unsigned long mmap_min_addr;

/* Where a VMA's neighbour may end: below the guard gap of a stack. */
static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= stack_guard_gap;
		if (start > vma->vm_start)
			start = 0;
	}
	return start;
}

struct pt_regs;
struct rlimit;
struct task_struct;

/* Address spaces: kernel/fork.c. */
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);
void arch_pick_mmap_layout(struct mm_struct *mm, struct rlimit *rlim_stack);

/* Running a kernel thread on a user mm: mm/mmu_context.c. */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

/* VMAs: mm/mmap.c.  All with mmap_lock held (read or write). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_prev(struct vm_area_struct *vma);
struct vm_area_struct *vma_next(struct vm_area_struct *vma);
pgprot_t vm_get_page_prot(unsigned long vm_flags);
void vma_set_page_prot(struct vm_area_struct *vma);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm,
					    struct vm_area_struct *vma);
struct vm_area_struct *vma_modify_flags(struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					unsigned long newflags);
unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags);
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff, unsigned long *populate);
unsigned long mmap_region(struct file *file, unsigned long addr,
			  unsigned long len, unsigned long vm_flags,
			  unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int vm_munmap(unsigned long start, size_t len);
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag,
		      unsigned long offset);
unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr,
			    unsigned long len, unsigned long prot,
			    unsigned long flags, unsigned long pgoff);
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);
int mm_populate(unsigned long start, unsigned long len);
unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
			      unsigned long prot, unsigned long flags,
			      unsigned long fd, unsigned long pgoff);
void exit_mmap(struct mm_struct *mm);
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);

/* mm/mprotect.c, mm/mremap.c, mm/madvise.c */
int do_mprotect(unsigned long start, size_t len, unsigned long prot);
unsigned long do_mremap(unsigned long addr, unsigned long old_len,
			unsigned long new_len, unsigned long flags,
			unsigned long new_addr);
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len,
	       int behavior);

/* Page tables and faults: mm/memory.c. */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs);
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size);
int copy_page_range(struct vm_area_struct *dst_vma,
		    struct vm_area_struct *src_vma);
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot);
int move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
		     struct vm_area_struct *new_vma, unsigned long new_addr,
		     unsigned long len);
int populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end);
struct page *follow_page(struct vm_area_struct *vma, unsigned long address,
			 unsigned int foll_flags);
long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages);
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages);
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len, int write);

/* Kernel pages mapped into processes by name (the vDSO). */
struct vm_special_mapping {
	const char *name; /* [vdso], [vvar] in /proc/<pid>/maps */
	struct page **pages; /* NULL-terminated */
};

struct vm_area_struct *
_install_special_mapping(struct mm_struct *mm, unsigned long addr,
			 unsigned long len, unsigned long vm_flags,
			 const struct vm_special_mapping *spec);

#endif /* _LINUX_MM_H */

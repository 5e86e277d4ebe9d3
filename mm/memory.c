/*
 * User page tables: building them on demand (page faults), tearing
 * them down (munmap, exit), copying them (fork) and walking them for
 * the kernel's own access to another address space (get_user_pages).
 *
 * Locking.  The VMA set is stable under mm->mmap_lock (read suffices);
 * a page-table page, once linked, stays until free_pgtables(), which
 * needs mmap_lock for writing; so a reader may walk the upper levels
 * without further locks.  Every change of an entry happens under
 * mm->page_table_lock, and the fault paths re-check the entry after
 * taking it: two threads faulting the same page end with one page.
 *
 * Page ownership (seed 000): each PTE that maps a page holds one
 * reference (_refcount) and one mapping (_mapcount).  A private page
 * mapped by several address spaces after fork is copy-on-write: its
 * PTEs are read-only, and the first writer copies it -- unless it is
 * the last user, who takes it over in place.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmdebug.h>
#include <linux/mmap_lock.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

#include "internal.h"

/* --- walking and growing the tables ---------------------------------- */

/* Link a new table under @entry unless another thread was first. */
static int __pud_alloc(struct mm_struct *mm, pgd_t *pgd)
{
	pud_t *new = pud_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pgd_none(*pgd)) {
		pgd_populate_user(pgd, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pud_free(mm, new);
	return 0;
}

static int __pmd_alloc(struct mm_struct *mm, pud_t *pud)
{
	pmd_t *new = pmd_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pud_none(*pud)) {
		pud_populate_user(pud, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pmd_free(mm, new);
	return 0;
}

static int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *new = pte_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (pmd_none(*pmd)) {
		pmd_populate_user(pmd, new);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		pte_free(mm, new);
	return 0;
}

/* The PTE slot of user address @addr, making the tables on the way. */
static pte_t *pte_alloc_walk(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd) && __pud_alloc(mm, pgd))
		return NULL;
	pud = pud_offset(pgd, addr);
	if (pud_none(*pud) && __pmd_alloc(mm, pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd) && __pte_alloc(mm, pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/* The PTE slot of @addr if its tables exist, else NULL. */
static pte_t *pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(pgd, addr);
	if (pud_none(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/* Does the entry hold a page (possibly hidden by PROT_NONE)? */
static bool pte_has_page(pte_t pte)
{
	return pte_present(pte) || pte_protnone(pte);
}

/* A refcounted page behind @pte, or NULL for raw frames (VM_PFNMAP). */
static struct page *vm_normal_page(struct vm_area_struct *vma, pte_t pte)
{
	if (vma->vm_flags & (VM_PFNMAP | VM_IO))
		return NULL;
	if (!pfn_valid(pte_pfn(pte)))
		return NULL;
	return pte_page(pte);
}

/* --- page faults ------------------------------------------------------ */

/* A zeroed page for user memory, or NULL. */
static struct page *alloc_user_page(bool zero)
{
	return alloc_page(GFP_HIGHUSER_MOVABLE | (zero ? __GFP_ZERO : 0));
}

static void copy_user_page(struct page *to, struct page *from)
{
	memcpy(page_address(to), page_address(from), PAGE_SIZE);
}

/* The PTE of a page this mm owns alone: writable if the area is. */
static pte_t mk_private_pte(struct vm_area_struct *vma, struct page *page)
{
	pte_t entry = mk_pte(page, vma->vm_page_prot);

	if (vma->vm_flags & VM_WRITE)
		entry = pte_mkdirty(pte_mkwrite(entry));
	return entry;
}

/*
 * First touch of an anonymous page: a zeroed page of its own, writable
 * at once when the area is (nobody else can see it).
 */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf, pte_t *ptep)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = alloc_user_page(true);

	if (!page)
		return VM_FAULT_OOM;
	spin_lock(&mm->page_table_lock);
	if (!pte_none(*ptep)) {
		/* Another thread of this mm faulted it in meanwhile. */
		spin_unlock(&mm->page_table_lock);
		put_page(page);
		return 0;
	}
	page_add_new_anon_rmap(page);
	inc_mm_counter(mm, MM_ANONPAGES);
	set_pte(ptep, mk_private_pte(vma, page));
	spin_unlock(&mm->page_table_lock);
	return 0;
}

/*
 * First touch of a file-backed page: ->fault finds it (page cache) and
 * hands it over referenced.  A private write gets a private copy at
 * once; otherwise the file's page itself is mapped, read-only for a
 * private area (a later write copies it), as the area says for a
 * shared one.
 */
static vm_fault_t do_fault(struct vm_fault *vmf, pte_t *ptep)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	bool cow = (vmf->flags & FAULT_FLAG_WRITE) &&
		   !(vma->vm_flags & VM_SHARED);
	struct page *page, *copy = NULL;
	vm_fault_t ret;
	pte_t entry;

	if (!vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;
	vmf->page = NULL;
	ret = vma->vm_ops->fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret & VM_FAULT_RETRY ? VM_FAULT_SIGBUS : ret;
	page = vmf->page;
	if (WARN_ON_ONCE(!page))
		return VM_FAULT_SIGBUS;
	if (cow) {
		copy = alloc_user_page(false);
		if (!copy) {
			put_page(page);
			return VM_FAULT_OOM;
		}
		copy_user_page(copy, page);
		put_page(page);
		page = copy;
		entry = mk_private_pte(vma, page);
	} else {
		entry = mk_pte(page, vma->vm_page_prot);
		if (vmf->flags & FAULT_FLAG_WRITE)
			entry = pte_mkdirty(entry);
	}
	spin_lock(&mm->page_table_lock);
	if (!pte_none(*ptep)) {
		spin_unlock(&mm->page_table_lock);
		put_page(page);
		return 0;
	}
	if (copy)
		page_add_new_anon_rmap(page);
	else
		page_dup_rmap(page);
	inc_mm_counter(mm, mm_counter(page));
	set_pte(ptep, entry);
	spin_unlock(&mm->page_table_lock);
	return 0;
}

/* Give the faulting mm write access to the page it already maps. */
static vm_fault_t wp_page_reuse(struct vm_fault *vmf, pte_t *ptep, pte_t entry)
{
	struct mm_struct *mm = vmf->vma->vm_mm;

	set_pte(ptep, pte_mkyoung(pte_mkdirty(pte_mkwrite(entry))));
	spin_unlock(&mm->page_table_lock);
	/*
	 * Widening needs no shootdown: a CPU holding the old read-only
	 * entry faults once more and lands in handle_pte_fault's
	 * spurious-fault path.
	 */
	__flush_tlb_one_user(vmf->address);
	return 0;
}

/*
 * Break COW by copying @old (referenced by the caller) into a new page
 * that only this mm maps.  The old entry is cleared and flushed from
 * every CPU before the new one is set, so no CPU can write the shared
 * page through a stale entry after others could see the copy.
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf, pte_t *ptep, pte_t orig,
			       struct page *old)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *new = alloc_user_page(false);

	if (!new) {
		put_page(old);
		return VM_FAULT_OOM;
	}
	copy_user_page(new, old);
	spin_lock(&mm->page_table_lock);
	if (pte_same(*ptep, orig)) {
		page_add_new_anon_rmap(new);
		if (!PageAnon(old)) {
			dec_mm_counter(mm, MM_FILEPAGES);
			inc_mm_counter(mm, MM_ANONPAGES);
		}
		pte_clear(ptep);
		flush_tlb_page(vma, vmf->address);
		set_pte(ptep, mk_private_pte(vma, new));
		page_remove_rmap(old);
		put_page(old); /* the old PTE's reference */
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		put_page(new); /* lost a race: the entry changed */
	put_page(old); /* ours */
	return 0;
}

/*
 * A write to a present, read-only page of a writable area.  Entered
 * with page_table_lock held; returns with it dropped.
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf, pte_t *ptep, pte_t entry)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page = vm_normal_page(vma, entry);

	if (vma->vm_flags & VM_SHARED)
		return wp_page_reuse(vmf, ptep, entry);
	if (!page) {
		spin_unlock(&vma->vm_mm->page_table_lock);
		return VM_FAULT_SIGBUS;
	}
	/*
	 * The PTE's reference is the only one: no other mm maps the page
	 * and no one else holds it, so nobody can see a write to it.
	 */
	if (PageAnon(page) && page_count(page) == 1)
		return wp_page_reuse(vmf, ptep, entry);
	get_page(page);
	spin_unlock(&vma->vm_mm->page_table_lock);
	return wp_page_copy(vmf, ptep, entry, page);
}

static vm_fault_t handle_pte_fault(struct vm_fault *vmf, pte_t *ptep)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	pte_t entry;

	spin_lock(&mm->page_table_lock);
	entry = *ptep;
	if (pte_none(entry)) {
		spin_unlock(&mm->page_table_lock);
		if (vma_is_anonymous(vma))
			return do_anonymous_page(vmf, ptep);
		return do_fault(vmf, ptep);
	}
	if (pte_protnone(entry)) {
		/* The caller checked the area allows this access now. */
		entry = pte_modify(entry, vma->vm_page_prot);
		set_pte(ptep, entry);
	}
	if ((vmf->flags & FAULT_FLAG_WRITE) && !pte_write(entry))
		return do_wp_page(vmf, ptep, entry);
	/*
	 * The entry allows the access: this CPU's TLB held an older one
	 * (another CPU widened it).  Drop it and retry.
	 */
	entry = pte_mkyoung(entry);
	if (vmf->flags & FAULT_FLAG_WRITE)
		entry = pte_mkdirty(entry);
	if (!pte_same(entry, *ptep))
		set_pte(ptep, entry);
	spin_unlock(&mm->page_table_lock);
	__flush_tlb_one_user(vmf->address);
	return 0;
}

/**
 * handle_mm_fault - resolve a page fault on a user address.
 * @vma: the area containing @address, whose permissions the caller
 *	 checked against the access
 * @address: the faulting address
 * @flags: FAULT_FLAG_WRITE / _USER / _INSTRUCTION
 * @regs: the faulting context, or NULL (get_user_pages)
 *
 * The paths into it: the #PF handler (arch/x86/mm/fault.c) for user
 * mode and for the kernel's uaccess helpers; get_user_pages() for the
 * kernel touching another mm (exec's argument copy, /proc/<pid>/mem);
 * the populate paths (MAP_POPULATE, mlock, fork of shared anonymous
 * areas).  Four outcomes: a missing anonymous page is allocated zeroed
 * (demand zero); a missing file page comes from vm_ops->fault; a write
 * to a read-only private page breaks COW (copy, or reuse when the
 * faulting mm is its only user); anything else was a stale TLB entry.
 *
 * Process context, may sleep; mmap_lock held for reading at least.
 * Returns 0 or VM_FAULT_* error bits (OOM, SIGBUS, SIGSEGV).
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.real_address = address,
		.flags = flags,
		.pgoff = linear_page_index(vma, address & PAGE_MASK),
	};
	pte_t *ptep;

	(void)regs;
	if (WARN_ON_ONCE(address < vma->vm_start || address >= vma->vm_end))
		return VM_FAULT_SIGSEGV;
	ptep = pte_alloc_walk(vma->vm_mm, vmf.address);
	if (!ptep)
		return VM_FAULT_OOM;
	return handle_pte_fault(&vmf, ptep);
}

/* --- unmapping -------------------------------------------------------- */

/**
 * tlb_gather_mmu - start collecting pages to free after a TLB flush.
 * @tlb: the batch, usually on the caller's stack
 * @mm: the address space being unmapped
 */
void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->start = TLB_FLUSH_ALL;
	tlb->end = 0;
	tlb->freed_tables = false;
	tlb->nr = 0;
}

static void tlb_track(struct mmu_gather *tlb, unsigned long addr)
{
	if (addr < tlb->start)
		tlb->start = addr;
	if (addr + PAGE_SIZE > tlb->end)
		tlb->end = addr + PAGE_SIZE;
}

/* Flush the gathered range everywhere, then free what was gathered. */
static void tlb_flush_mmu(struct mmu_gather *tlb)
{
	unsigned int i;

	if (tlb->freed_tables)
		flush_tlb_mm(tlb->mm);
	else if (tlb->end > tlb->start)
		flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end, PAGE_SHIFT,
				   false);
	for (i = 0; i < tlb->nr; i++) {
		unsigned long p = (unsigned long)tlb->pages[i];

		if (p & 1)
			pte_free(tlb->mm, page_address((struct page *)(p - 1)));
		else
			put_page((struct page *)p);
	}
	tlb->nr = 0;
	tlb->start = TLB_FLUSH_ALL;
	tlb->end = 0;
	tlb->freed_tables = false;
}

/**
 * tlb_finish_mmu - flush and free everything still gathered.
 * @tlb: the batch of tlb_gather_mmu()
 */
void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
}

static void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	tlb->pages[tlb->nr++] = page;
	if (tlb->nr == MMU_GATHER_BATCH)
		tlb_flush_mmu(tlb);
}

/* Page-table pages of every level go through the same pte_free(). */
static void tlb_remove_table(struct mmu_gather *tlb, void *table)
{
	tlb->freed_tables = true;
	tlb->pages[tlb->nr++] =
		(struct page *)((unsigned long)virt_to_page(table) | 1);
	if (tlb->nr == MMU_GATHER_BATCH)
		tlb_flush_mmu(tlb);
}

static void zap_pte_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pmd_t *pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *ptep = pte_offset_kernel(pmd, addr);

	spin_lock(&mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, ptep++) {
		struct page *page;
		pte_t entry;

		if (pte_none(*ptep))
			continue;
		entry = ptep_get_and_clear(ptep);
		tlb_track(tlb, addr);
		if (!pte_has_page(entry))
			continue;
		page = vm_normal_page(vma, entry);
		if (!page)
			continue;
		/* A shared file page written through this PTE. */
		if (pte_dirty(entry) && !PageAnon(page))
			set_bit(PG_dirty, &page->flags);
		dec_mm_counter(mm, mm_counter(page));
		page_remove_rmap(page);
		tlb_remove_page(tlb, page);
	}
	spin_unlock(&mm->page_table_lock);
}

static void zap_pmd_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	for (; addr < end; addr = next, pmd++) {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			zap_pte_range(tlb, vma, pmd, addr, next);
	}
}

static void zap_pud_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pgd_t *pgd, unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	for (; addr < end; addr = next, pud++) {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			zap_pmd_range(tlb, vma, pud, addr, next);
	}
}

/**
 * unmap_page_range - clear the PTEs of [@start, @end) in @vma.
 * @tlb: gathers the pages; they are freed once the TLBs are flushed
 * @vma: the area (its flags say whether pages are refcounted)
 * @start: page aligned, inside @vma
 * @end: page aligned, inside @vma
 *
 * mmap_lock held.  Page tables stay (free_pgtables() removes them).
 */
void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, start);
	unsigned long next;

	for (; start < end; start = next, pgd++) {
		next = pgd_addr_end(start, end);
		if (!pgd_none(*pgd))
			zap_pud_range(tlb, vma, pgd, start, next);
	}
}

/**
 * zap_page_range - drop the pages of [@start, @start + @size) in @vma.
 * @vma: the area
 * @start: page aligned
 * @size: page aligned; the range stays inside @vma
 *
 * MADV_DONTNEED: the area stays, its next touch faults in fresh zeroed
 * (or re-read file) pages.  mmap_lock held; may sleep.
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	update_hiwater_rss(vma->vm_mm);
	unmap_page_range(&tlb, vma, start, start + size);
	tlb_finish_mmu(&tlb);
}

static bool table_empty(const void *table)
{
	const u64 *e = table;
	int i;

	for (i = 0; i < PTRS_PER_PTE; i++)
		if (e[i])
			return false;
	return true;
}

/*
 * Does the table of @size that maps @addr lie wholly inside [@floor,
 * @ceiling)?  Only then can it go: no VMA is left in that range, so
 * nothing maps through it.  A table that reaches a neighbouring VMA
 * stays, whether or not the neighbour has pages yet, as in Linux
 * (free_pgd_range): deciding this costs no scan of the table.
 */
static bool table_unused(unsigned long addr, unsigned long size,
			 unsigned long floor, unsigned long ceiling)
{
	unsigned long base = addr & ~(size - 1);

	return base >= floor && base + size <= ceiling;
}

struct pgtable_range {
	struct mmu_gather *tlb;
	unsigned long floor, ceiling;
};

static void free_pmd_tables(struct pgtable_range *r, pud_t *pud,
			    unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	for (; addr < end; addr = next, pmd++) {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd) ||
		    !table_unused(addr, PMD_SIZE, r->floor, r->ceiling))
			continue;
		VM_WARN_ON_ONCE(!table_empty(pmd_page_vaddr(*pmd)));
		tlb_remove_table(r->tlb, pmd_page_vaddr(*pmd));
		pmd_clear(pmd);
	}
}

static void free_pud_tables(struct pgtable_range *r, pgd_t *pgd,
			    unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	for (; addr < end; addr = next, pud++) {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		free_pmd_tables(r, pud, addr, next);
		if (!table_unused(addr, PUD_SIZE, r->floor, r->ceiling))
			continue;
		VM_WARN_ON_ONCE(!table_empty(pud_pgtable(*pud)));
		tlb_remove_table(r->tlb, pud_pgtable(*pud));
		pud_clear(pud);
	}
}

/**
 * free_pgtables - free the page tables of a range no VMA maps any more.
 * @tlb: gathers them; they are freed after the TLB flush
 * @start: page aligned
 * @end: page aligned, at most TASK_SIZE
 * @floor: end of the VMA below @start (0 if none)
 * @ceiling: start of the VMA above @end (USER_PGTABLES_CEILING if none)
 *
 * Frees every table under [@start, @end) whose whole span lies inside
 * [@floor, @ceiling); tables shared with a neighbouring VMA stay (they
 * go when that VMA does).  mmap_lock held for writing (no fault may be
 * walking the tables).
 */
void free_pgtables(struct mmu_gather *tlb, unsigned long start,
		   unsigned long end, unsigned long floor,
		   unsigned long ceiling)
{
	struct pgtable_range r = { tlb, floor, ceiling };
	struct mm_struct *mm = tlb->mm;
	pgd_t *pgd = pgd_offset(mm, start);
	unsigned long next;

	spin_lock(&mm->page_table_lock);
	for (; start < end; start = next, pgd++) {
		next = pgd_addr_end(start, end);
		if (pgd_none(*pgd))
			continue;
		free_pud_tables(&r, pgd, start, next);
		if (!table_unused(start, PGDIR_SIZE, floor, ceiling))
			continue;
		VM_WARN_ON_ONCE(!table_empty(pgd_pgtable(*pgd)));
		tlb_remove_table(tlb, pgd_pgtable(*pgd));
		pgd_clear(pgd);
	}
	spin_unlock(&mm->page_table_lock);
}

/* --- fork ------------------------------------------------------------- */

static int copy_pte_range(struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma, pmd_t *src_pmd,
			  unsigned long addr, unsigned long end)
{
	struct mm_struct *src_mm = src_vma->vm_mm;
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	bool cow = !(src_vma->vm_flags & VM_SHARED);
	pte_t *src = pte_offset_kernel(src_pmd, addr);
	pte_t *dst = pte_alloc_walk(dst_mm, addr);

	if (!dst)
		return -ENOMEM;
	/* dst_mm is not visible to anyone yet: only src needs the lock. */
	spin_lock(&src_mm->page_table_lock);
	for (; addr < end; addr += PAGE_SIZE, src++, dst++) {
		pte_t entry = *src;
		struct page *page;

		if (pte_none(entry))
			continue;
		page = pte_has_page(entry) ? vm_normal_page(src_vma, entry) :
					     NULL;
		if (page) {
			get_page(page);
			page_dup_rmap(page);
			inc_mm_counter(dst_mm, mm_counter(page));
		}
		if (cow && pte_write(entry)) {
			ptep_set_wrprotect(src);
			entry = pte_wrprotect(entry);
		}
		set_pte(dst, entry);
	}
	spin_unlock(&src_mm->page_table_lock);
	return 0;
}

static int copy_pmd_range(struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma, pud_t *src_pud,
			  unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(src_pud, addr);
	unsigned long next;
	int err;

	for (; addr < end; addr = next, pmd++) {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		err = copy_pte_range(dst_vma, src_vma, pmd, addr, next);
		if (err)
			return err;
	}
	return 0;
}

static int copy_pud_range(struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma, pgd_t *src_pgd,
			  unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(src_pgd, addr);
	unsigned long next;
	int err;

	for (; addr < end; addr = next, pud++) {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		err = copy_pmd_range(dst_vma, src_vma, pud, addr, next);
		if (err)
			return err;
	}
	return 0;
}

/**
 * copy_page_range - give fork's child the parent's PTEs of one area.
 * @dst_vma: the child's copy of @src_vma (same range)
 * @src_vma: the parent's area
 *
 * Both mms' mmap_lock held for writing.  Every mapped page gains a
 * reference and a mapping; in a private area both sides end read-only
 * (COW).  The caller flushes the parent's TLB afterwards, before any
 * of its threads may run on.  Returns 0 or -ENOMEM (the child's tables
 * are then partial; exit_mmap of the child cleans up).
 */
int copy_page_range(struct vm_area_struct *dst_vma,
		    struct vm_area_struct *src_vma)
{
	unsigned long addr = src_vma->vm_start, end = src_vma->vm_end;
	pgd_t *pgd = pgd_offset(src_vma->vm_mm, addr);
	unsigned long next;
	int err;

	for (; addr < end; addr = next, pgd++) {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			continue;
		err = copy_pud_range(dst_vma, src_vma, pgd, addr, next);
		if (err)
			return err;
	}
	return 0;
}

/* --- mprotect and mremap --------------------------------------------- */

/**
 * change_protection - apply @newprot to the PTEs of [@start, @end).
 * @vma: the area, whose vm_page_prot is already @newprot
 * @start: page aligned
 * @end: page aligned
 * @newprot: the protection
 *
 * mmap_lock held for writing.  Private areas never map writable here:
 * a write faults and claims or copies the page.  Flushes the TLBs of
 * every CPU on the mm.  Returns the number of entries changed.
 */
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr, pages = 0;

	spin_lock(&mm->page_table_lock);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_lookup(mm, addr);
		pte_t old;

		if (!ptep) {
			/* Skip the rest of the missing PMD's span. */
			addr = pmd_addr_end(addr, end) - PAGE_SIZE;
			continue;
		}
		if (!pte_has_page(*ptep))
			continue;
		old = ptep_get_and_clear(ptep);
		set_pte(ptep, pte_modify(old, newprot));
		pages++;
	}
	spin_unlock(&mm->page_table_lock);
	if (pages)
		flush_tlb_range(vma, start, end);
	return pages;
}

/**
 * move_page_tables - move the PTEs of an mremap.
 * @vma: the old area
 * @old_addr: first old address
 * @new_vma: the new area (same mm)
 * @new_addr: first new address
 * @len: bytes, page aligned
 *
 * mmap_lock held for writing.  All destination tables are made first,
 * so the move itself cannot fail half way.  The pages keep their
 * references and mappings; only the entries change place.  Returns 0
 * or -ENOMEM (nothing moved).
 */
int move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
		     struct vm_area_struct *new_vma, unsigned long new_addr,
		     unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long off, moved = 0;

	for (off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = pte_lookup(mm, old_addr + off);

		if (src && !pte_none(*src) &&
		    !pte_alloc_walk(mm, new_addr + off))
			return -ENOMEM;
	}
	spin_lock(&mm->page_table_lock);
	for (off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = pte_lookup(mm, old_addr + off);
		pte_t entry;

		if (!src || pte_none(*src))
			continue;
		entry = ptep_get_and_clear(src);
		set_pte(pte_lookup(mm, new_addr + off), entry);
		moved++;
	}
	spin_unlock(&mm->page_table_lock);
	if (moved)
		flush_tlb_range(vma, old_addr, old_addr + len);
	return 0;
}

/* --- populating and get_user_pages ------------------------------------ */

/**
 * populate_vma_page_range - fault in every page of [@start, @end).
 * @vma: the area
 * @start: page aligned, in @vma
 * @end: page aligned, in @vma
 *
 * MAP_POPULATE, mlock, MADV_WILLNEED.  Writable private areas are
 * faulted for writing, so later writes find their own pages; PROT_NONE
 * areas are left alone.  mmap_lock held.  Returns 0, -ENOMEM or
 * -EFAULT (a file page that does not exist).
 */
int populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end)
{
	bool write = (vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;
	unsigned long addr;

	if (!(vma->vm_flags & VM_ACCESS_FLAGS))
		return 0;
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_lookup(vma->vm_mm, addr);
		vm_fault_t ret;

		if (ptep && pte_present(*ptep) && (!write || pte_write(*ptep)))
			continue;
		ret = handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0,
				      NULL);
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret & VM_FAULT_ERROR)
			return -EFAULT;
	}
	return 0;
}

/**
 * follow_page - the page mapped at @address, if the access may use it.
 * @vma: the area containing @address
 * @address: a user address
 * @foll_flags: FOLL_WRITE (only a writable entry will do), FOLL_GET
 *	(take a reference), FOLL_FORCE (a PROT_NONE entry will do for
 *	reading)
 *
 * mmap_lock held.  Returns the page or NULL (not mapped that way yet:
 * fault it in and retry).
 */
struct page *follow_page(struct vm_area_struct *vma, unsigned long address,
			 unsigned int foll_flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = NULL;
	pte_t *ptep = pte_lookup(mm, address);
	pte_t entry;

	if (!ptep)
		return NULL;
	spin_lock(&mm->page_table_lock);
	entry = *ptep;
	if (!pte_present(entry) &&
	    !(pte_protnone(entry) && (foll_flags & FOLL_FORCE) &&
	      !(foll_flags & FOLL_WRITE)))
		goto out;
	if ((foll_flags & FOLL_WRITE) && !pte_write(entry))
		goto out;
	page = vm_normal_page(vma, entry);
	if (page && (foll_flags & FOLL_GET))
		get_page(page);
out:
	spin_unlock(&mm->page_table_lock);
	return page;
}

/* The area for a get_user_pages access at @addr, or NULL (-EFAULT). */
static struct vm_area_struct *gup_vma(struct mm_struct *mm, unsigned long addr,
				      unsigned int gup_flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long need = VM_READ | VM_EXEC;

	if (!vma)
		return NULL;
	if (addr < vma->vm_start &&
	    (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr)))
		return NULL;
	if (gup_flags & FOLL_WRITE)
		return vma->vm_flags & VM_WRITE ? vma : NULL;
	if (gup_flags & FOLL_FORCE)
		need |= VM_MAYREAD;
	return vma->vm_flags & need ? vma : NULL;
}

/**
 * get_user_pages_remote - pin the pages of a range of @mm.
 * @mm: the address space (need not be current's: exec, /proc)
 * @start: user address, page aligned
 * @nr_pages: how many pages
 * @gup_flags: FOLL_WRITE to write them (breaks COW first), FOLL_FORCE
 *	to read areas mapped without PROT_READ
 * @pages: receives each page with a reference (put_page() it), or NULL
 *	to only fault them in
 *
 * mmap_lock of @mm held for reading; may sleep.  A stack area grows to
 * cover @start if needed.  Returns the number of pages done, or -EFAULT
 * / -ENOMEM if not even the first could be.
 */
long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages)
{
	unsigned int fault_flags = gup_flags & FOLL_WRITE ? FAULT_FLAG_WRITE :
							    0;
	unsigned long i;

	start &= PAGE_MASK;
	for (i = 0; i < nr_pages; i++, start += PAGE_SIZE) {
		struct vm_area_struct *vma = gup_vma(mm, start, gup_flags);
		struct page *page;
		vm_fault_t ret;

		if (!vma)
			return i ? (long)i : -EFAULT;
		while (!(
			page = follow_page(vma, start, gup_flags | FOLL_GET))) {
			ret = handle_mm_fault(vma, start, fault_flags, NULL);
			if (ret & VM_FAULT_ERROR) {
				if (i)
					return i;
				return ret & VM_FAULT_OOM ? -ENOMEM : -EFAULT;
			}
		}
		if (pages)
			pages[i] = page;
		else
			put_page(page);
	}
	return i;
}

/**
 * get_user_pages - get_user_pages_remote() on current's mm.
 * @start: user address
 * @nr_pages: how many pages
 * @gup_flags: FOLL_*
 * @pages: receives the referenced pages, or NULL
 *
 * mmap_lock of current->mm held for reading.
 */
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages)
{
	return get_user_pages_remote(current->mm, start, nr_pages, gup_flags,
				     pages);
}

/**
 * access_remote_vm - copy between a kernel buffer and another mm.
 * @mm: the address space, referenced by the caller
 * @addr: user address in @mm
 * @buf: kernel buffer
 * @len: bytes
 * @write: 1 to write @buf into @mm (breaking COW), 0 to read
 *
 * For /proc/<pid>/cmdline, environ and mem, ptrace.  Takes @mm's
 * mmap_lock for reading; may sleep.  Reads see areas mapped without
 * PROT_READ too (FOLL_FORCE); writes need a writable area.  Returns the
 * number of bytes copied (short at the first inaccessible page).
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len, int write)
{
	unsigned int flags = write ? FOLL_WRITE : FOLL_FORCE;
	int done = 0;

	mmap_read_lock(mm);
	while (done < len) {
		unsigned long off = addr & ~PAGE_MASK;
		int n = min_t(int, len - done, PAGE_SIZE - off);
		struct page *page;
		char *kaddr;

		if (get_user_pages_remote(mm, addr, 1, flags, &page) != 1)
			break;
		kaddr = (char *)page_address(page) + off;
		if (write) {
			memcpy(kaddr, (char *)buf + done, n);
			if (!PageAnon(page))
				set_bit(PG_dirty, &page->flags);
		} else {
			memcpy((char *)buf + done, kaddr, n);
		}
		put_page(page);
		done += n;
		addr += n;
	}
	mmap_read_unlock(mm);
	return done;
}

/*
 * Mapping the vDSO into a new process (exec): the vvar page (clock
 * data, read-only) and right above it the vDSO image (read + execute),
 * both backed by kernel pages shared by every process.  exec passes
 * the image's address to the program as AT_SYSINFO_EHDR; /proc/<pid>/
 * maps shows them as [vvar] and [vdso].
 */
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/timekeeper_internal.h>

extern const char vdso_image_start[], vdso_image_end[];

#define VDSO_MAX_PAGES 4

/* NULL-terminated, as _install_special_mapping() wants. */
static struct page *vdso_pages[VDSO_MAX_PAGES + 1];
static struct page *vvar_pages[2];

static const struct vm_special_mapping vvar_mapping = {
	.name = "[vvar]",
	.pages = vvar_pages,
};

static const struct vm_special_mapping vdso_mapping = {
	.name = "[vdso]",
	.pages = vdso_pages,
};

static unsigned long vdso_size(void)
{
	return PAGE_ALIGN(vdso_image_end - vdso_image_start);
}

static int __init init_vdso(void)
{
	unsigned long i, n = vdso_size() >> PAGE_SHIFT;

	BUG_ON(n > VDSO_MAX_PAGES);
	/*
	 * Kernel image pages: a reference of our own keeps the mappings'
	 * put_page() from ever freeing them.
	 */
	for (i = 0; i < n; i++) {
		vdso_pages[i] = virt_to_page(vdso_image_start + i * PAGE_SIZE);
		get_page(vdso_pages[i]);
	}
	vvar_pages[0] = virt_to_page(vdso_data);
	get_page(vvar_pages[0]);
	return 0;
}
core_initcall(init_vdso);

/**
 * arch_setup_additional_pages - map [vvar] and [vdso] into current->mm.
 * @bprm: the exec in progress
 * @uses_interp: unused (Linux's signature)
 *
 * Returns 0 or -errno; sets mm->vdso_base.
 */
int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	struct mm_struct *mm = current->mm;
	unsigned long size = vdso_size(), addr;
	struct vm_area_struct *vma;

	addr = get_unmapped_area(NULL, 0, PAGE_SIZE + size, 0, 0);
	if (IS_ERR_VALUE(addr))
		return (long)addr;
	vma = _install_special_mapping(mm, addr, PAGE_SIZE,
				       VM_READ | VM_MAYREAD, &vvar_mapping);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	vma = _install_special_mapping(
		mm, addr + PAGE_SIZE, size,
		VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC, &vdso_mapping);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	mm->vdso_base = addr + PAGE_SIZE;
	return 0;
}

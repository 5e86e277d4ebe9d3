/*
 * ioremap: map device memory (registers, frame buffers) into the vmalloc
 * area (seed 000).  The mapping is uncached (PCD and PWT set), so every
 * access reaches the device in program order.
 *
 * Unlike Linux, Linnet does not refuse to map RAM: the x86 manuals leave
 * two mappings of one frame with different cache types undefined, so
 * only the tests do that, on pages nobody else is touching.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/pgtable.h>

static void *__ioremap_caller(phys_addr_t phys_addr, unsigned long size,
			      pgprot_t prot, const void *caller)
{
	unsigned long offset = phys_addr & ~PAGE_MASK;
	phys_addr_t last = phys_addr + size - 1;
	struct vm_struct *area;
	unsigned long addr;

	if (!size || last < phys_addr)
		return NULL;
	phys_addr &= PAGE_MASK;
	size = PAGE_ALIGN(last + 1 - phys_addr);

	area = get_vm_area_caller(size, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	area->phys_addr = phys_addr;
	addr = (unsigned long)area->addr;
	if (ioremap_page_range(addr, addr + size, phys_addr, prot)) {
		free_vm_area(area);
		return NULL;
	}
	return (void *)(addr + offset);
}

/**
 * ioremap - map physical memory uncached
 * @phys_addr: first byte to map; need not be page-aligned
 * @size: bytes to map
 *
 * May sleep.  Unmap with iounmap().
 *
 * Return: the virtual address of @phys_addr, or NULL.
 */
void *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, PAGE_KERNEL_NOCACHE,
				__builtin_return_address(0));
}

/**
 * iounmap - undo ioremap()
 * @addr: what ioremap() returned (any address in its first page does)
 *
 * NULL does nothing; an address ioremap() did not return WARNs.  May
 * sleep.
 */
void iounmap(volatile void *addr)
{
	void *start = (void *)((unsigned long)addr & PAGE_MASK);
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(start);
	if (WARN(!area || area->addr != start || !(area->flags & VM_IOREMAP),
		 "iounmap: %p was not returned by ioremap()\n", start))
		return;
	free_vm_area(area);
}

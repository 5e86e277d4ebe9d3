/*
 * The kernel address space after boot: the direct map, the vmemmap,
 * W^X on the kernel image, and faults that the exception table turns
 * into -EFAULT (DESIGN.md §3).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <ktest/test.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm-generic/sections.h>

static int x86_mm_test_data = 42;
static const int x86_mm_test_rodata = 7;

static void x86_mm_test_direct_map_round_trip(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	void *addr;

	KTEST_ASSERT_NOT_NULL(test, page);
	addr = page_address(page);
	KTEST_EXPECT_GE(test, (unsigned long)addr, PAGE_OFFSET);
	KTEST_EXPECT_PTR_EQ(test, virt_to_page(addr), page);
	KTEST_EXPECT_EQ(test, __pa(addr), page_to_phys(page));
	KTEST_EXPECT_PTR_EQ(test, pfn_to_page(page_to_pfn(page)), page);
	*(volatile long *)addr = 0x1234; /* mapped and writable */
	KTEST_EXPECT_EQ(test, *(volatile long *)addr, 0x1234);
	__free_page(page);
}

static void x86_mm_test_direct_map_uses_large_pages(struct ktest *test)
{
	unsigned int level;
	pte_t *pte = lookup_address(PAGE_OFFSET + (16UL << 20), &level);

	KTEST_EXPECT_NULL(test, pte); /* no 4 KiB PTE... */
	KTEST_EXPECT_LE(test, level, 2); /* ...a 1 GiB or 2 MiB page */
}

static void x86_mm_test_vmemmap_placement(struct ktest *test)
{
	unsigned long pfn = PHYS_PFN(__pa_symbol(_text));

	KTEST_EXPECT_EQ(test, (unsigned long)pfn_to_page(0), VMEMMAP_START);
	KTEST_EXPECT_TRUE(test, pfn_valid(pfn));
	KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(pfn)));
	KTEST_EXPECT_FALSE(test, pfn_valid(max_pfn + PAGES_PER_SECTION));
}

/* Kernel text is read-only: a write faults and is fixed up. */
static void x86_mm_test_text_is_read_only(struct ktest *test)
{
	char c = 0;

	KTEST_EXPECT_EQ(test, copy_to_kernel_nofault(_text + 0x100, &c, 1),
			-EFAULT);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&c, _text + 0x100, 1),
			0);
}

static void x86_mm_test_rodata_is_read_only(struct ktest *test)
{
	int v = 8;

	KTEST_EXPECT_EQ(test,
			copy_to_kernel_nofault((void *)&x86_mm_test_rodata, &v,
					       sizeof(v)),
			-EFAULT);
	KTEST_EXPECT_EQ(test, x86_mm_test_rodata, 7);
	KTEST_EXPECT_EQ(
		test, copy_to_kernel_nofault(&x86_mm_test_data, &v, sizeof(v)),
		0);
	KTEST_EXPECT_EQ(test, x86_mm_test_data, 8);
}

/* Only text may execute: every other kernel page is NX. */
static void x86_mm_test_nx_on_data(struct ktest *test)
{
	unsigned int level;
	pte_t *text = lookup_address((unsigned long)_text, &level);
	pte_t *ro = lookup_address((unsigned long)&x86_mm_test_rodata, &level);
	pte_t *rw = lookup_address((unsigned long)&x86_mm_test_data, &level);

	KTEST_ASSERT_TRUE(test, text && ro && rw);
	KTEST_EXPECT_FALSE(test, pte_val(*text) & _PAGE_NX);
	KTEST_EXPECT_FALSE(test, pte_val(*text) & _PAGE_RW);
	if (!(__supported_pte_mask & _PAGE_NX)) {
		ktest_skip(test, "CPU without NX");
		return;
	}
	KTEST_EXPECT_TRUE(test, pte_val(*ro) & _PAGE_NX);
	KTEST_EXPECT_TRUE(test, pte_val(*rw) & _PAGE_NX);
	KTEST_EXPECT_TRUE(test, pte_val(*rw) & _PAGE_RW);
}

static void x86_mm_test_nofault_survives_bad_addresses(struct ktest *test)
{
	char c;

	/* Unmapped kernel address: #PF, fixed up. */
	KTEST_EXPECT_EQ(test,
			copy_from_kernel_nofault(
				&c, (void *)(VMALLOC_START + (1UL << 40)), 1),
			-EFAULT);
	/* Non-canonical address: #GP, fixed up. */
	KTEST_EXPECT_EQ(
		test,
		copy_from_kernel_nofault(&c, (void *)0x8000000000000000UL, 1),
		-EFAULT);
	/* User addresses are refused outright. */
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&c, NULL, 1), -EFAULT);
}

static struct ktest_case x86_mm_test_cases[] = {
	KTEST_CASE(x86_mm_test_direct_map_round_trip),
	KTEST_CASE(x86_mm_test_direct_map_uses_large_pages),
	KTEST_CASE(x86_mm_test_vmemmap_placement),
	KTEST_CASE(x86_mm_test_text_is_read_only),
	KTEST_CASE(x86_mm_test_rodata_is_read_only),
	KTEST_CASE(x86_mm_test_nx_on_data),
	KTEST_CASE(x86_mm_test_nofault_survives_bad_addresses),
	{}
};

static struct ktest_suite x86_mm_test_suite = {
	.name = "x86_mm",
	.test_cases = x86_mm_test_cases,
};
ktest_suite(x86_mm_test_suite);

/*
 * In-kernel tests for the buddy allocator (mm/page_alloc.c): every
 * order, the zone modifiers, refcounts, zeroed and compound pages,
 * merging as /proc/buddyinfo shows it, exhaustion, and a double free
 * that must be reported and ignored.
 *
 * Free page counts are compared after drain_all_pages(): pages on the
 * per-CPU lists do not count as free, and which CPU list a page lands
 * on is not the test's business.  Nothing else allocates while ktest
 * runs, so the counts are exact.
 */
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <ktest/test.h>

/* Enough order-10 blocks for 64 GiB. */
#define MAX_BLOCKS 16384
static struct page *blocks[MAX_BLOCKS];
static char show_buf[8192];

static bool page_filled_with(struct page *page, unsigned int order, u8 c)
{
	const u8 *p = page_address(page);
	unsigned long i;

	for (i = 0; i < (PAGE_SIZE << order); i++)
		if (p[i] != c)
			return false;
	return true;
}

static unsigned long drained_free_pages(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

static void page_alloc_test_every_order(struct ktest *test)
{
	unsigned long before = drained_free_pages();
	unsigned int order;
	struct page *page;

	for (order = 0; order < MAX_ORDER; order++) {
		page = alloc_pages(GFP_KERNEL, order);
		KTEST_ASSERT_NOT_NULL(test, page);
		KTEST_EXPECT_EQ(test, page_to_pfn(page) & ((1UL << order) - 1),
				0);
		KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
		memset(page_address(page), 0x3c, PAGE_SIZE << order);
		KTEST_EXPECT_TRUE(test, page_filled_with(page, order, 0x3c));
		__free_pages(page, order);
	}
	KTEST_EXPECT_EQ(test, drained_free_pages(), before);
}

static void page_alloc_test_zone_modifiers(struct ktest *test)
{
	struct page *dma = alloc_page(GFP_KERNEL | GFP_DMA);
	struct page *dma32 = alloc_pages(GFP_KERNEL | GFP_DMA32, 3);
	struct page *normal = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, dma);
	KTEST_ASSERT_NOT_NULL(test, dma32);
	KTEST_ASSERT_NOT_NULL(test, normal);
	KTEST_EXPECT_LT(test, page_to_pfn(dma), MAX_DMA_PFN);
	KTEST_EXPECT_EQ(test, page_zonenum(dma), ZONE_DMA);
	KTEST_EXPECT_LT(test, page_to_pfn(dma32) + 7, MAX_DMA32_PFN);
	KTEST_EXPECT_LE(test, page_zonenum(dma32), ZONE_DMA32);
	/* GFP_KERNEL prefers the highest zone there is. */
	if (populated_zone(&NODE_DATA(0)->node_zones[ZONE_NORMAL]))
		KTEST_EXPECT_EQ(test, page_zonenum(normal), ZONE_NORMAL);
	else
		KTEST_EXPECT_EQ(test, page_zonenum(normal), ZONE_DMA32);
	__free_page(dma);
	__free_pages(dma32, 3);
	__free_page(normal);
}

/*
 * Allocate order-10 blocks until none is left (no report: NOWARN),
 * then free them: the free count comes back to the page.  The min
 * watermark stays untouched, so atomic allocations still succeed.
 */
static void page_alloc_test_exhaustion(struct ktest *test)
{
	unsigned long before = drained_free_pages(), n = 0, i;
	struct page *atomic;

	while (n < MAX_BLOCKS &&
	       (blocks[n] =
			alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER - 1)))
		n++;
	KTEST_EXPECT_GT(test, n, 0);
	KTEST_EXPECT_LT(test, n, MAX_BLOCKS);
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					    MAX_ORDER - 1));
	atomic = alloc_page(GFP_ATOMIC);
	KTEST_EXPECT_NOT_NULL(test, atomic);
	if (atomic)
		__free_page(atomic);
	ktest_info(test, "%lu order-%d blocks (%lu MiB) before exhaustion", n,
		   MAX_ORDER - 1, n * 4);
	for (i = 0; i < n; i++)
		__free_pages(blocks[i], MAX_ORDER - 1);
	KTEST_EXPECT_EQ(test, drained_free_pages(), before);
}

static void page_alloc_test_refcounts(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct page *comp;

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	KTEST_EXPECT_EQ(test, page_mapcount(page), 0);
	get_page(page);
	KTEST_EXPECT_EQ(test, page_count(page), 2);
	__free_page(page); /* drops one reference: still ours */
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	put_page(page); /* the last one frees it */
	KTEST_EXPECT_EQ(test, page_ref_count(page), 0);

	comp = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	KTEST_ASSERT_NOT_NULL(test, comp);
	get_page(comp + 3); /* a tail reference counts on the head */
	KTEST_EXPECT_EQ(test, page_ref_count(comp), 2);
	KTEST_EXPECT_EQ(test, page_count(comp + 1), 2);
	put_page(comp + 2);
	put_page(comp + 1);
	KTEST_EXPECT_EQ(test, page_ref_count(comp), 0);
}

static void page_alloc_test_zeroed(struct ktest *test)
{
	struct page *page;
	unsigned long addr;
	unsigned int order;

	for (order = 0; order < 4; order++) {
		page = alloc_pages(GFP_KERNEL, order);
		KTEST_ASSERT_NOT_NULL(test, page);
		memset(page_address(page), 0xa5, PAGE_SIZE << order);
		__free_pages(page, order);
		/* Likely the same, just-dirtied pages. */
		page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		KTEST_ASSERT_NOT_NULL(test, page);
		KTEST_EXPECT_TRUE(test, page_filled_with(page, order, 0));
		__free_pages(page, order);
	}
	addr = get_zeroed_page(GFP_KERNEL);
	KTEST_ASSERT_TRUE(test, addr != 0);
	KTEST_EXPECT_TRUE(test,
			  page_filled_with(virt_to_page((void *)addr), 0, 0));
	free_page(addr);
}

static void page_alloc_test_compound(struct ktest *test)
{
	unsigned long before = drained_free_pages(), i;
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);

	KTEST_ASSERT_NOT_NULL(test, head);
	KTEST_EXPECT_TRUE(test, PageHead(head));
	KTEST_EXPECT_FALSE(test, PageTail(head));
	KTEST_EXPECT_EQ(test, compound_order(head), 3);
	for (i = 1; i < 8; i++) {
		KTEST_EXPECT_TRUE(test, PageTail(head + i));
		KTEST_EXPECT_PTR_EQ(test, compound_head(head + i), head);
	}
	put_page(head + 5); /* a tail's put frees the whole compound page */
	KTEST_EXPECT_FALSE(test, PageHead(head));
	KTEST_EXPECT_EQ(test, drained_free_pages(), before);
}

/* The counts of one zone's line of /proc/buddyinfo. */
static bool buddyinfo_counts(const char *zone, unsigned long *nr)
{
	struct seq_file m;
	char name[16], *p;
	unsigned int o;

	seq_buf_init(&m, show_buf, sizeof(show_buf) - 1);
	buddyinfo_show(&m, NULL);
	show_buf[m.count] = '\0';
	snprintf(name, sizeof(name), "zone %8s ", zone);
	p = strstr(show_buf, name);
	if (!p)
		return false;
	p += strlen(name);
	for (o = 0; o < MAX_ORDER; o++)
		nr[o] = simple_strtoul(skip_spaces(p), &p, 10);
	return true;
}

/*
 * Free an order-10 block as two order-9 halves; buddyinfo shows the
 * first half alone, then the two merged:
 *
 *   free upper half:  [ in use  |  free-9  ]   order 9: +1
 *   free lower half:  [      free-10       ]   order 9: +0, order 10: +1
 */
static void page_alloc_test_merge_shows_in_buddyinfo(struct ktest *test)
{
	unsigned long before[MAX_ORDER], now[MAX_ORDER];
	struct page *page = alloc_pages(GFP_KERNEL, MAX_ORDER - 1);
	const char *zone;

	KTEST_ASSERT_NOT_NULL(test, page);
	zone = page_zone(page)->name;
	KTEST_ASSERT_TRUE(test, buddyinfo_counts(zone, before));
	set_page_count(page + 512, 1);
	__free_pages(page + 512, 9);
	KTEST_ASSERT_TRUE(test, buddyinfo_counts(zone, now));
	KTEST_EXPECT_EQ(test, now[9], before[9] + 1);
	KTEST_EXPECT_EQ(test, now[10], before[10]);
	__free_pages(page, 9);
	KTEST_ASSERT_TRUE(test, buddyinfo_counts(zone, now));
	KTEST_EXPECT_EQ(test, now[9], before[9]);
	KTEST_EXPECT_EQ(test, now[10], before[10] + 1);
}

/* The page just freed is the next one handed out on this CPU. */
static void page_alloc_test_pcp_reuses_hot_page(struct ktest *test)
{
	struct page *a = alloc_page(GFP_KERNEL), *b;

	KTEST_ASSERT_NOT_NULL(test, a);
	__free_page(a);
	b = alloc_page(GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, a, b);
	if (b)
		__free_page(b);
}

static void page_alloc_test_double_free_is_ignored(struct ktest *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1), *a, *b;
	unsigned long free;

	KTEST_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 1);
	free = drained_free_pages();
	ktest_info(test, "expect a \"BUG: Bad page state\" report");
	__free_pages(page, 1);
	KTEST_EXPECT_EQ(test, drained_free_pages(), free);
	/* The block is on the free lists once: two allocations differ. */
	a = alloc_pages(GFP_KERNEL, 1);
	b = alloc_pages(GFP_KERNEL, 1);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_EXPECT_TRUE(test, a != b);
	__free_pages(a, 1);
	__free_pages(b, 1);
}

static void page_alloc_test_bad_order_fails(struct ktest *test)
{
	unsigned long warns = warn_count;

	KTEST_EXPECT_NULL(test,
			  alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
	KTEST_EXPECT_EQ(test, warn_count, warns);
}

static void page_alloc_test_meminfo_matches(struct ktest *test)
{
	char want[64];
	struct seq_file m;

	seq_buf_init(&m, show_buf, sizeof(show_buf) - 1);
	meminfo_show(&m, NULL);
	show_buf[m.count] = '\0';
	snprintf(want, sizeof(want), "MemTotal:       %8lu kB\n",
		 totalram_pages() << (PAGE_SHIFT - 10));
	KTEST_EXPECT_TRUE(test, !strncmp(show_buf, want, strlen(want)));
	KTEST_EXPECT_TRUE(test,
			  strstr(show_buf, "\nHugepagesize:       2048 kB\n"));
	KTEST_EXPECT_GT(test, totalram_pages(), nr_free_pages());
}

static struct ktest_case page_alloc_test_cases[] = {
	KTEST_CASE(page_alloc_test_every_order),
	KTEST_CASE(page_alloc_test_zone_modifiers),
	KTEST_CASE(page_alloc_test_exhaustion),
	KTEST_CASE(page_alloc_test_refcounts),
	KTEST_CASE(page_alloc_test_zeroed),
	KTEST_CASE(page_alloc_test_compound),
	KTEST_CASE(page_alloc_test_merge_shows_in_buddyinfo),
	KTEST_CASE(page_alloc_test_pcp_reuses_hot_page),
	KTEST_CASE(page_alloc_test_double_free_is_ignored),
	KTEST_CASE(page_alloc_test_bad_order_fails),
	KTEST_CASE(page_alloc_test_meminfo_matches),
	{}
};

static struct ktest_suite page_alloc_test_suite = {
	.name = "page_alloc",
	.test_cases = page_alloc_test_cases,
};
ktest_suite(page_alloc_test_suite);

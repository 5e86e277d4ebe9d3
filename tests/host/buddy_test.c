/*
 * Host tests for mm/page_alloc.c (the buddy allocator) and mm/vmstat.c.
 *
 * host-test-sources: mm/page_alloc.c mm/vmstat.c fs/seq_file.c
 *
 * The test plays the parts of memblock and free_area_init(): it lays
 * out a simulated machine (RAM ranges with holes, zone boundaries, a
 * reserved "kernel image"), backs its struct pages and its memory with
 * host buffers (tests/host/include/asm/page*.h point __va() and the
 * vmemmap at them), hands the free RAM to __free_pages_core() in the
 * largest aligned blocks, and sets the watermarks, as mm_core_init()
 * does.  Then it drives the allocator and checks it against a model:
 * which pfns each live block owns.
 *
 * sim_check_state() walks every free list and pcp list and checks that
 * each free block is aligned, of the zone it is listed in, made of RAM,
 * disjoint from every other free block and from every live block; that
 * free + pcp + live covers all managed RAM exactly; that no two free
 * buddies were left unmerged; and that the counters agree.  Freeing
 * everything must give back the boot-time free lists bit for bit.
 */

/*
 * Asking glibc for plain ISO C keeps <stdlib.h> (from hosttest.h) from
 * pulling in <sys/types.h>, whose dev_t and loff_t clash with the kernel's.
 */
#define _ISOC11_SOURCE

#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/vmstat.h>
#include "../../mm/internal.h"

#include <stdarg.h>
#include "hosttest.h"

/* --- What the kernel around page_alloc.c provides ------------------------ */

unsigned long host_vmemmap_base;
char *host_phys_base;
bool host_irqs_disabled;
int cpu_number;
static struct task_struct sim_task = { .comm = "buddy_test" };
struct task_struct *current_task = &sim_task;
unsigned long warn_count;
unsigned long max_pfn, max_low_pfn;
unsigned long mem_section_present[NR_MEM_SECTIONS / (8 * sizeof(long))];

static char log_buf[1 << 20];
static size_t log_len;
static unsigned long dump_stack_calls;

int vprintk(const char *fmt, va_list args)
{
	int n;

	if (log_len > sizeof(log_buf) / 2)
		log_len = 0;
	if (fmt[0] == KERN_SOH_ASCII && fmt[1]) /* the level: not logged */
		fmt += 2;
	n = vsnprintf(log_buf + log_len, sizeof(log_buf) - log_len, fmt, args);
	if (n > 0)
		log_len += (size_t)n < sizeof(log_buf) - log_len ?
				   (size_t)n :
				   sizeof(log_buf) - log_len - 1;
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n >= (int)size ? (int)size - 1 : n;
}

void dump_stack(void)
{
	dump_stack_calls++;
}

void __warn(const char *file, int line, const char *fmt, ...)
{
	warn_count++;
	printk("WARNING: at %s:%d\n", file, line);
}

void __bug(const char *file, int line)
{
	printf("    # BUG at %s:%d\n", file, line);
	abort();
}

/* mm/slub.c and mm/vmalloc.c are not part of this test. */
unsigned long slab_pages_total(void)
{
	return 0;
}

unsigned long vmalloc_nr_pages(void)
{
	return 0;
}

static void log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

static bool log_has(const char *s)
{
	return strstr(log_buf, s) != NULL;
}

/* --- The simulated machine ----------------------------------------------- */

struct range {
	unsigned long start, end; /* pfns, end exclusive */
};

struct layout {
	struct range ram[6];
	struct range reserved[2]; /* RAM not given to the buddy at boot */
	unsigned long zone_end[MAX_NR_ZONES];
};

/*
 * A PC in miniature: low memory up to 636K, a hole to 1M, RAM to
 * ~78M, then a missing 128M section (no struct pages: pfn_valid() is
 * false) and RAM again, with the DMA32/Normal boundary at an odd pfn
 * inside it so that blocks there must not merge across zones.
 */
static const struct layout pc_layout = {
	.ram = { { 1, 159 }, { 256, 20011 }, { 65636, 73333 } },
	.reserved = { { 8192, 8269 } },
	.zone_end = { 4096, 70000, 73333 },
};

/* No Normal zone at all, and a DMA zone with a ragged end. */
static const struct layout small_layout = {
	.ram = { { 16, 3001 }, { 3100, 9000 } },
	.zone_end = { 4096, 9000, 9000 },
};

static const struct layout *sim;
static struct page *sim_memmap;
static unsigned long sim_nr_pfns; /* pfns with a struct page */
static unsigned char *sim_managed; /* 1: given to the buddy allocator */
static unsigned char *sim_initial; /* free block heads after boot */
static unsigned char *sim_heads; /* scratch for the same */
static unsigned char *sim_seen; /* scratch: on a free or pcp list */
static unsigned int *sim_owner; /* live block id, or 0 */

static unsigned long zone_start(int z)
{
	return z ? sim->zone_end[z - 1] : 0;
}

static int zone_of(unsigned long pfn)
{
	int z;

	for (z = 0; z < MAX_NR_ZONES - 1; z++)
		if (pfn < sim->zone_end[z])
			return z;
	return ZONE_NORMAL;
}

static bool in_ranges(const struct range *r, int n, unsigned long pfn)
{
	int i;

	for (i = 0; i < n; i++)
		if (pfn >= r[i].start && pfn < r[i].end)
			return true;
	return false;
}

static bool is_ram(unsigned long pfn)
{
	return in_ranges(sim->ram, ARRAY_SIZE(sim->ram), pfn);
}

static bool is_reserved(unsigned long pfn)
{
	return in_ranges(sim->reserved, ARRAY_SIZE(sim->reserved), pfn);
}

static void sim_release(void)
{
	free(sim_memmap);
	free(host_phys_base);
	free(sim_managed);
	free(sim_initial);
	free(sim_heads);
	free(sim_seen);
	free(sim_owner);
	sim_memmap = NULL;
	host_phys_base = NULL;
}

static void sim_alloc_buffers(void)
{
	unsigned long i, sections;

	max_pfn = 0;
	for (i = 0; i < ARRAY_SIZE(sim->ram); i++)
		max_pfn = max(max_pfn, sim->ram[i].end);
	max_low_pfn = min(max_pfn, sim->zone_end[ZONE_DMA32]);
	sections = DIV_ROUND_UP(max_pfn, PAGES_PER_SECTION);
	sim_nr_pfns = sections * PAGES_PER_SECTION;
	sim_memmap = calloc(sim_nr_pfns, sizeof(struct page));
	host_phys_base = aligned_alloc(PAGE_SIZE, max_pfn * PAGE_SIZE);
	sim_managed = calloc(sim_nr_pfns, 1);
	sim_initial = calloc(sim_nr_pfns, 1);
	sim_heads = calloc(sim_nr_pfns, 1);
	sim_seen = calloc(sim_nr_pfns, 1);
	sim_owner = calloc(sim_nr_pfns, sizeof(*sim_owner));
	HT_ASSERT(sim_memmap && host_phys_base && sim_managed && sim_owner);
	host_vmemmap_base = (unsigned long)sim_memmap;
}

/* sparse_init(): a section with any RAM in it gets struct pages. */
static void sim_sections(void)
{
	unsigned long pfn;

	memset(mem_section_present, 0, sizeof(mem_section_present));
	for (pfn = 0; pfn < max_pfn; pfn++)
		if (is_ram(pfn))
			mem_section_present[pfn_to_section_nr(pfn) / 64] |=
				1UL << (pfn_to_section_nr(pfn) % 64);
}

/* free_area_init(): zones sized, every struct page reserved. */
static void sim_free_area_init(void)
{
	pg_data_t *pgdat = NODE_DATA(0);
	unsigned long pfn;
	int z;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];
		const char *name = zone->name;

		memset(zone, 0, sizeof(*zone));
		zone->name = name;
		zone->zone_start_pfn = zone_start(z);
		zone->spanned_pages = sim->zone_end[z] - zone_start(z);
		for (pfn = zone_start(z); pfn < sim->zone_end[z]; pfn++)
			zone->present_pages += is_ram(pfn);
		zone_init_free_lists(zone);
	}
	pgdat->node_present_pages = 0;
	for (z = 0; z < MAX_NR_ZONES; z++)
		pgdat->node_present_pages += pgdat->node_zones[z].present_pages;
	for (pfn = 0; pfn < sim_nr_pfns; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!pfn_valid(pfn))
			continue;
		set_page_zone(page, zone_of(pfn));
		init_page_count(page);
		page_mapcount_reset(page);
		INIT_LIST_HEAD(&page->lru);
		__SetPageReserved(page);
	}
}

/* memblock_free_all(): each free range in the largest aligned blocks. */
static void sim_free_range(unsigned long start, unsigned long end)
{
	unsigned int order;

	while (start < end) {
		order = start ? __builtin_ctzl(start) : MAX_ORDER - 1;
		order = min(order, (unsigned int)MAX_ORDER - 1);
		while (start + (1UL << order) > end)
			order--;
		__free_pages_core(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

static void sim_free_all(void)
{
	unsigned long pfn, start = 0;
	bool in = false;

	for (pfn = 0; pfn <= max_pfn; pfn++) {
		bool fr = pfn < max_pfn && is_ram(pfn) && !is_reserved(pfn);

		if (fr && !in)
			start = pfn;
		if (!fr && in)
			sim_free_range(start, pfn);
		in = fr;
		if (fr)
			sim_managed[pfn] = 1;
	}
}

static void snapshot_heads(unsigned char *out);
static void sim_check_state(void);
static unsigned int nr_live;

static void sim_boot(const struct layout *l)
{
	sim_release();
	sim = l;
	nr_live = 0;
	sim_alloc_buffers();
	sim_sections();
	atomic_long_set(&_totalram_pages, 0);
	cpu_number = 0;
	sim_free_area_init();
	sim_free_all();
	setup_per_zone_wmarks();
	HT_ASSERT(!host_irqs_disabled);
	snapshot_heads(sim_initial);
	sim_check_state();
	log_clear();
}

/* --- Checking the allocator's state --------------------------------------- */

static struct zone *zone_nr(int z)
{
	return &NODE_DATA(0)->node_zones[z];
}

/* Mark a free block head in @out with order + 1. */
static void snapshot_heads(unsigned char *out)
{
	struct page *page;
	unsigned int o;
	int z;

	memset(out, 0, sim_nr_pfns);
	for (z = 0; z < MAX_NR_ZONES; z++)
		for (o = 0; o < MAX_ORDER; o++)
			list_for_each_entry(
				page, &zone_nr(z)->free_area[o].free_list, lru)
				out[page_to_pfn(page)] = o + 1;
}

/* One block on a free list of zone @z, order @o; returns its pages. */
static unsigned long check_free_block(struct page *page, int z, unsigned int o)
{
	unsigned long pfn = page_to_pfn(page), i;

	HT_ASSERT(pfn < max_pfn);
	HT_ASSERT(PageBuddy(page) && page->private == o);
	HT_ASSERT(pfn % (1UL << o) == 0);
	for (i = pfn; i < pfn + (1UL << o); i++) {
		HT_ASSERT(sim_managed[i] && !sim_seen[i] && !sim_owner[i]);
		HT_ASSERT(zone_of(i) == z && page_zonenum(pfn_to_page(i)) == z);
		sim_seen[i] = 1;
	}
	return 1UL << o;
}

static void check_free_lists(int z)
{
	struct zone *zone = zone_nr(z);
	unsigned long free = 0, n;
	struct page *page;
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++) {
		n = 0;
		list_for_each_entry(page, &zone->free_area[o].free_list, lru) {
			free += check_free_block(page, z, o);
			n++;
		}
		HT_EXPECT_EQ(n, zone->free_area[o].nr_free);
	}
	HT_EXPECT_EQ(free, zone_page_state(zone, NR_FREE_PAGES));
}

static void check_pcp_lists(int z)
{
	struct zone *zone = zone_nr(z);
	struct page *page;
	unsigned long pfn;
	int cpu, n;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct per_cpu_pages *pcp = &zone->pcp[cpu];

		n = 0;
		list_for_each_entry(page, &pcp->list, lru) {
			pfn = page_to_pfn(page);
			HT_ASSERT(pfn < max_pfn && sim_managed[pfn]);
			HT_ASSERT(!sim_seen[pfn] && !sim_owner[pfn]);
			HT_ASSERT(!PageBuddy(page) && !page_ref_count(page));
			HT_ASSERT(zone_of(pfn) == z);
			sim_seen[pfn] = 1;
			n++;
		}
		HT_EXPECT_EQ(n, pcp->count);
		HT_EXPECT(pcp->high ? pcp->count < pcp->high : !pcp->count);
	}
}

/* A free block whose buddy is free with the same order: not merged. */
static void check_fully_merged(void)
{
	unsigned long pfn, buddy;
	unsigned int o;

	snapshot_heads(sim_heads);
	for (pfn = 0; pfn < max_pfn; pfn++) {
		if (!sim_heads[pfn] || sim_heads[pfn] == MAX_ORDER)
			continue;
		o = sim_heads[pfn] - 1;
		buddy = __find_buddy_pfn(pfn, o);
		if (buddy < max_pfn && sim_heads[buddy] == o + 1 &&
		    zone_of(buddy) == zone_of(pfn)) {
			printf("    # pfn %#lx and %#lx free, order %u\n", pfn,
			       buddy, o);
			HT_ASSERT(!"buddies left unmerged");
		}
	}
}

static void sim_check_state(void)
{
	unsigned long pfn, managed = 0;
	int z;

	HT_ASSERT(!host_irqs_disabled);
	memset(sim_seen, 0, sim_nr_pfns);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		check_free_lists(z);
		check_pcp_lists(z);
	}
	for (pfn = 0; pfn < sim_nr_pfns; pfn++) {
		if (sim_managed[pfn])
			HT_ASSERT(sim_seen[pfn] != !!sim_owner[pfn]);
		else
			HT_ASSERT(!sim_seen[pfn] && !sim_owner[pfn]);
		managed += sim_managed[pfn];
	}
	HT_EXPECT_EQ(managed, totalram_pages());
	check_fully_merged();
}

static void expect_initial_state(void)
{
	unsigned long pfn;

	drain_all_pages(NULL);
	sim_check_state();
	snapshot_heads(sim_heads);
	for (pfn = 0; pfn < sim_nr_pfns; pfn++) {
		if (sim_heads[pfn] == sim_initial[pfn])
			continue;
		printf("    # pfn %#lx: order+1 %d now, %d at boot\n", pfn,
		       sim_heads[pfn], sim_initial[pfn]);
		HT_ASSERT(!"free lists differ from boot");
	}
}

/* --- The model: live blocks ------------------------------------------------ */

#define MAX_LIVE (1 << 17)

struct block {
	struct page *page;
	unsigned int order;
	gfp_t gfp;
};

static struct block live[MAX_LIVE];
static u64 rng_state;

static u64 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void check_zeroed(struct page *page, unsigned int order)
{
	const unsigned long *p = page_address(page);
	unsigned long i, words = (PAGE_SIZE << order) / sizeof(long);

	for (i = 0; i < words; i++)
		if (p[i])
			HT_ASSERT(!"__GFP_ZERO page is not zero");
}

static void check_compound(struct page *page, unsigned int order)
{
	unsigned long i;

	HT_ASSERT(PageHead(page) && !PageTail(page));
	HT_EXPECT_EQ(compound_order(page), order);
	for (i = 1; i < (1UL << order); i++)
		HT_ASSERT(PageTail(page + i) &&
			  compound_head(page + i) == page);
}

/* Check a fresh block against the model and take its pfns. */
static void model_take(struct page *page, unsigned int order, gfp_t gfp)
{
	unsigned long pfn = page_to_pfn(page), i;
	int z = zone_of(pfn);

	HT_ASSERT(nr_live < MAX_LIVE);
	HT_ASSERT(pfn % (1UL << order) == 0);
	HT_ASSERT(z <= (int)gfp_zone(gfp));
	HT_EXPECT_EQ(page_ref_count(page), 1);
	HT_EXPECT_EQ(page_mapcount(page), 0);
	HT_EXPECT(!PageBuddy(page) && !PageReserved(page));
	for (i = pfn; i < pfn + (1UL << order); i++) {
		HT_ASSERT(sim_managed[i] && !sim_owner[i] && zone_of(i) == z);
		sim_owner[i] = nr_live + 1;
	}
	if (gfp & __GFP_ZERO)
		check_zeroed(page, order);
	if ((gfp & __GFP_COMP) && order)
		check_compound(page, order);
	for (i = 0; i < (1UL << order); i++) /* dirty it for the next user */
		*(unsigned long *)page_address(page + i) = 0x5a5a5a5a5a5a5a5aUL;
	live[nr_live++] = (struct block){ page, order, gfp };
}

static struct page *sim_alloc(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	HT_ASSERT(!host_irqs_disabled);
	if (page)
		model_take(page, order, gfp);
	return page;
}

static void model_drop(unsigned int idx)
{
	struct block *b = &live[idx];
	unsigned long pfn = page_to_pfn(b->page), i;

	for (i = pfn; i < pfn + (1UL << b->order); i++)
		sim_owner[i] = 0;
	if (idx == --nr_live)
		return;
	live[idx] = live[nr_live];
	pfn = page_to_pfn(live[idx].page);
	for (i = pfn; i < pfn + (1UL << live[idx].order); i++)
		sim_owner[i] = idx + 1;
}

/* Free live block @idx the way its kind allows, picked at random. */
static void sim_free(unsigned int idx)
{
	struct block b = live[idx];
	bool compound = (b.gfp & __GFP_COMP) && b.order;

	model_drop(idx);
	if (rnd() % 4 == 0) {
		get_page(b.page);
		put_page(b.page);
	}
	if (compound && rnd() % 2)
		put_page(b.page + rnd() % (1UL << b.order));
	else if (rnd() % 2)
		free_pages((unsigned long)page_address(b.page), b.order);
	else
		__free_pages(b.page, b.order);
	HT_ASSERT(!host_irqs_disabled);
}

static void sim_free_everything(void)
{
	while (nr_live)
		sim_free(nr_live - 1);
}

static const gfp_t random_gfps[] = {
	GFP_KERNEL,
	GFP_ATOMIC,
	GFP_NOWAIT,
	GFP_KERNEL | __GFP_DMA32,
	GFP_KERNEL | __GFP_DMA,
	GFP_USER | __GFP_HIGHMEM,
};

static void random_alloc(void)
{
	unsigned int order = rnd() % 2 ? 0 : rnd() % MAX_ORDER;
	gfp_t gfp = random_gfps[rnd() % ARRAY_SIZE(random_gfps)] | __GFP_NOWARN;

	if (rnd() % 8 == 0)
		gfp |= __GFP_ZERO;
	if (rnd() % 3 == 0)
		gfp |= __GFP_COMP;
	sim_alloc(gfp, order);
}

static void random_ops(unsigned long ops, u64 seed)
{
	unsigned long allocated = 0, freed, i;
	unsigned long pgfree0 = vm_event_read(PGFREE);
	unsigned long pgalloc0 = vm_event_read(PGALLOC_DMA) +
				 vm_event_read(PGALLOC_DMA32) +
				 vm_event_read(PGALLOC_NORMAL);

	rng_state = seed;
	for (i = 0; i < ops; i++) {
		cpu_number = rnd() % 4;
		if (!nr_live || (nr_live < 4096 && rnd() % 100 < 52)) {
			random_alloc();
		} else {
			sim_free(rnd() % nr_live);
		}
		if (i % 5000 == 0)
			sim_check_state();
	}
	sim_check_state();
	for (i = 0; i < nr_live; i++)
		allocated += 1UL << live[i].order;
	freed = vm_event_read(PGFREE) - pgfree0;
	/* Allocated = still live + freed since. */
	HT_EXPECT_EQ(vm_event_read(PGALLOC_DMA) + vm_event_read(PGALLOC_DMA32) +
			     vm_event_read(PGALLOC_NORMAL) - pgalloc0,
		     allocated + freed);
	sim_free_everything();
	expect_initial_state();
}

/* --- Cases ---------------------------------------------------------------- */

static unsigned long ram_pages_in(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++)
		n += is_ram(pfn) && !is_reserved(pfn);
	return n;
}

HOST_TEST(buddy_boot_gives_all_free_ram_to_the_right_zones)
{
	unsigned long total = 0;
	int z;

	sim_boot(&pc_layout);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long n = ram_pages_in(zone_start(z), sim->zone_end[z]);

		HT_EXPECT_EQ(zone_managed_pages(zone_nr(z)), n);
		HT_EXPECT_EQ(zone_page_state(zone_nr(z), NR_FREE_PAGES), n);
		total += n;
	}
	HT_EXPECT_EQ(totalram_pages(), total);
	HT_EXPECT_EQ(nr_free_pages(), total);
	/* 20011 is odd: its last page is an order-0 block; DMA ends in 2^10s. */
	HT_EXPECT(zone_nr(ZONE_DMA32)->free_area[0].nr_free >= 1);
	HT_EXPECT_EQ(sim_initial[3072], MAX_ORDER);
}

/*
 * Linux's formulas: min_free_kbytes = sqrt(16 * managed kB) shared out
 * by zone size; low/high one and two steps above, a step being a
 * quarter of min or 0.1% of the zone; lowmem_reserve 1/256 (DMA,
 * DMA32) of the zones above.
 */
HOST_TEST(buddy_watermarks_follow_linux_formulas)
{
	unsigned long m[MAX_NR_ZONES], total = 0, kb, root, pages_min;
	int z;

	sim_boot(&pc_layout);
	for (z = 0; z < MAX_NR_ZONES; z++)
		total += m[z] = zone_managed_pages(zone_nr(z));
	kb = total * 4 * 16;
	for (root = 0; (root + 1) * (root + 1) <= kb; root++)
		;
	kb = root < 128 ? 128 : root;
	pages_min = kb / 4;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = zone_nr(z);
		unsigned long min = pages_min * m[z] / total;
		unsigned long step = max(min / 4, m[z] * 10 / 10000);

		HT_EXPECT_EQ(min_wmark_pages(zone), min);
		HT_EXPECT_EQ(low_wmark_pages(zone), min + step);
		HT_EXPECT_EQ(high_wmark_pages(zone), min + 2 * step);
	}
	HT_EXPECT_EQ(zone_nr(ZONE_DMA)->lowmem_reserve[ZONE_DMA], 0);
	HT_EXPECT_EQ(zone_nr(ZONE_DMA)->lowmem_reserve[ZONE_DMA32], m[1] / 256);
	HT_EXPECT_EQ(zone_nr(ZONE_DMA)->lowmem_reserve[ZONE_NORMAL],
		     (m[1] + m[2]) / 256);
	HT_EXPECT_EQ(zone_nr(ZONE_DMA32)->lowmem_reserve[ZONE_NORMAL],
		     m[2] / 256);
	HT_EXPECT_EQ(zone_nr(ZONE_NORMAL)->lowmem_reserve[ZONE_NORMAL], 0);
	HT_EXPECT(zone_nr(ZONE_DMA32)->pcp[0].batch >= 1);
	HT_EXPECT_EQ(zone_nr(ZONE_DMA32)->pcp[3].high,
		     6 * zone_nr(ZONE_DMA32)->pcp[3].batch);
}

/*
 * Splitting: an order-1 request served from the smallest free block of
 * order k leaves one more free block at each order 1 .. k-1:
 *
 *   before  [ ------------ order k ------------ ]
 *   after   [1 taken][1 free][ 2 free ] ... [ k-1 free ]
 *
 * and freeing it merges everything back.
 */
HOST_TEST(buddy_split_takes_smallest_block_and_merge_restores_it)
{
	struct zone *zone;
	unsigned long before[MAX_ORDER];
	unsigned int o, k;
	struct page *page;

	sim_boot(&pc_layout);
	zone = zone_nr(ZONE_NORMAL);
	for (o = 0; o < MAX_ORDER; o++)
		before[o] = zone->free_area[o].nr_free;
	for (k = 1; k < MAX_ORDER && !before[k]; k++)
		;
	HT_ASSERT(k < MAX_ORDER);
	page = sim_alloc(GFP_KERNEL, 1);
	HT_ASSERT(page && page_zonenum(page) == ZONE_NORMAL);
	for (o = 1; o < MAX_ORDER; o++) {
		long want = before[o] + (o < k) - (o == k);

		HT_EXPECT_EQ(zone->free_area[o].nr_free, want);
	}
	sim_check_state();
	sim_free(0);
	expect_initial_state();
}

HOST_TEST(buddy_pcp_lists_serve_order0_per_cpu)
{
	struct zone *zone;
	struct page *a, *b;
	struct per_cpu_pages *pcp0, *pcp1;
	unsigned long free0;
	int i, high;

	sim_boot(&pc_layout);
	zone = zone_nr(ZONE_DMA32);
	pcp0 = &zone->pcp[0];
	pcp1 = &zone->pcp[1];
	high = pcp0->high;
	HT_ASSERT(high > 1 && pcp0->batch >= 1);
	free0 = zone_page_state(zone, NR_FREE_PAGES);

	/* The first order-0 allocation refills this CPU's list by a batch. */
	cpu_number = 0;
	a = sim_alloc(GFP_KERNEL | __GFP_DMA32, 0);
	HT_ASSERT(a);
	HT_EXPECT_EQ(pcp0->count, pcp0->batch - 1);
	HT_EXPECT_EQ(zone_page_state(zone, NR_FREE_PAGES), free0 - pcp0->batch);
	/* A freed page goes back to the list, hot, and is reused first. */
	sim_free(0);
	HT_EXPECT_EQ(pcp0->count, pcp0->batch);
	b = sim_alloc(GFP_KERNEL | __GFP_DMA32, 0);
	HT_EXPECT(a == b);
	/* Another CPU has its own list. */
	cpu_number = 1;
	HT_ASSERT(sim_alloc(GFP_KERNEL | __GFP_DMA32, 0));
	HT_EXPECT_EQ(pcp1->count, pcp1->batch - 1);
	/* Freeing many on one CPU never lets its list reach high. */
	for (i = 0; i < 4 * high; i++)
		HT_ASSERT(sim_alloc(GFP_KERNEL | __GFP_DMA32, 0));
	cpu_number = 2;
	sim_free_everything();
	HT_EXPECT(zone->pcp[2].count < high);
	sim_check_state();
	drain_local_pages(zone);
	HT_EXPECT_EQ(zone->pcp[2].count, 0);
	HT_EXPECT(pcp0->count > 0);
	expect_initial_state();
	HT_EXPECT_EQ(pcp0->count + pcp1->count, 0);
}

HOST_TEST(buddy_random_alloc_free_matches_model)
{
	sim_boot(&pc_layout);
	random_ops(60000, 0x9e3779b97f4a7c15ULL);
}

HOST_TEST(buddy_random_alloc_free_without_normal_zone)
{
	sim_boot(&small_layout);
	HT_EXPECT(!populated_zone(zone_nr(ZONE_NORMAL)));
	random_ops(30000, 12345);
}

/*
 * After allocating until failure, a zone's free pages are at most its
 * mark plus its reserve against the allocation's highest zone, and
 * less than a pcp batch below that (a refill takes a batch at once).
 */
static void expect_zones_at_mark(long (*mark)(long), enum zone_type highest)
{
	int z;

	drain_all_pages(NULL);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = zone_nr(z);
		long free = zone_page_state(zone, NR_FREE_PAGES);
		long limit = mark(min_wmark_pages(zone)) +
			     zone->lowmem_reserve[highest];

		if (!zone_managed_pages(zone) || z > (int)highest)
			continue;
		HT_EXPECT(free <= limit);
		HT_EXPECT(free + zone->pcp[0].batch > limit);
	}
}

static long kernel_mark(long min)
{
	return min;
}

/* __GFP_HIGH: half below min; __GFP_ATOMIC: a quarter below that. */
static long atomic_mark(long min)
{
	min -= min / 2;
	return min - min / 4;
}

/*
 * GFP_KERNEL until it fails: every zone is down to its min watermark
 * plus its reserve against Normal allocations, and no further;
 * GFP_ATOMIC may then dig below min.  Everything comes back on free.
 */
HOST_TEST(buddy_exhaustion_fails_cleanly_and_keeps_reserves)
{
	sim_boot(&pc_layout);
	while (sim_alloc(GFP_KERNEL | __GFP_NOWARN, 0))
		;
	HT_EXPECT(!log_has("page allocation failure"));
	expect_zones_at_mark(kernel_mark, ZONE_NORMAL);
	HT_EXPECT(!sim_alloc(GFP_KERNEL | __GFP_NOWARN, 0));
	while (sim_alloc(GFP_ATOMIC | __GFP_NOWARN, 0))
		;
	expect_zones_at_mark(atomic_mark, ZONE_NORMAL);
	sim_check_state();
	sim_free_everything();
	/* The same from DMA32 down: DMA keeps its reserve against DMA32. */
	while (sim_alloc(GFP_KERNEL | __GFP_DMA32 | __GFP_NOWARN, 0))
		;
	expect_zones_at_mark(kernel_mark, ZONE_DMA32);
	sim_free_everything();
	expect_initial_state();
}

HOST_TEST(buddy_high_order_exhaustion_returns_null)
{
	unsigned int n = 0;

	sim_boot(&pc_layout);
	while (sim_alloc(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER - 1))
		n++;
	HT_EXPECT(n > 0);
	HT_EXPECT(sim_alloc(GFP_KERNEL | __GFP_NOWARN, 3) != NULL);
	sim_check_state();
	sim_free_everything();
	expect_initial_state();
}

HOST_TEST(buddy_gfp_dma_comes_only_from_zone_dma)
{
	unsigned long dma32;
	unsigned int n = 0, i;

	sim_boot(&pc_layout);
	dma32 = zone_page_state(zone_nr(ZONE_DMA32), NR_FREE_PAGES);
	while (sim_alloc(GFP_KERNEL | GFP_DMA | __GFP_NOWARN, n % 3))
		n++;
	for (i = 0; i < nr_live; i++)
		HT_ASSERT(page_zonenum(live[i].page) == ZONE_DMA);
	HT_EXPECT(n > 500);
	HT_EXPECT_EQ(zone_page_state(zone_nr(ZONE_DMA32), NR_FREE_PAGES),
		     dma32);
	sim_free_everything();
	/* DMA32 falls back to DMA but never goes up to Normal. */
	while (sim_alloc(GFP_KERNEL | GFP_DMA32 | __GFP_NOWARN, 4))
		;
	for (i = 0; i < nr_live; i++)
		HT_ASSERT(page_zonenum(live[i].page) != ZONE_NORMAL);
	HT_EXPECT(zone_page_state(zone_nr(ZONE_DMA), NR_FREE_PAGES) <
		  zone_managed_pages(zone_nr(ZONE_DMA)));
	sim_free_everything();
	expect_initial_state();
}

HOST_TEST(buddy_failure_prints_linux_report)
{
	unsigned long stacks;

	sim_boot(&pc_layout);
	while (sim_alloc(GFP_KERNEL | GFP_DMA | __GFP_NOWARN, 0))
		;
	log_clear();
	stacks = dump_stack_calls;
	HT_EXPECT(!sim_alloc(GFP_KERNEL | GFP_DMA, 0));
	HT_EXPECT(log_has(
		"buddy_test: page allocation failure: order:0, mode:0xcc1(GFP_KERNEL|GFP_DMA), nodemask=(null)"));
	HT_EXPECT(log_has("Mem-Info:"));
	HT_EXPECT(log_has("Node 0 DMA free:"));
	HT_EXPECT(log_has("lowmem_reserve[]: 0 "));
	HT_EXPECT(log_has("Node 0 DMA: "));
	HT_EXPECT(log_has("Node 0 Normal: "));
	HT_EXPECT(log_has(" pages RAM"));
	HT_EXPECT_EQ(dump_stack_calls, stacks + 1);
	HT_EXPECT(vm_event_read(PGALLOC_FAIL) > 0);
	sim_free_everything();
	expect_initial_state();
}

HOST_TEST(buddy_order_too_large_and_nofail_warn)
{
	unsigned long warns;

	sim_boot(&pc_layout);
	warns = warn_count;
	HT_EXPECT(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER));
	HT_EXPECT_EQ(warn_count, warns);
	HT_EXPECT(!alloc_pages(GFP_KERNEL, MAX_ORDER));
	HT_EXPECT_EQ(warn_count, warns + 1);
	/* __GFP_NOFAIL above order 1 is warned about, but served. */
	HT_EXPECT(sim_alloc(GFP_KERNEL | __GFP_NOFAIL, 2) != NULL);
	HT_EXPECT_EQ(warn_count, warns + 2);
	/* Without reclaim, a NOFAIL request that cannot be met fails loudly. */
	while (sim_alloc(GFP_KERNEL | GFP_DMA | __GFP_NOWARN, 0))
		;
	HT_EXPECT(!sim_alloc(GFP_KERNEL | GFP_DMA | __GFP_NOFAIL | __GFP_NOWARN,
			     0));
	HT_EXPECT_EQ(warn_count, warns + 3);
	sim_free_everything();
	expect_initial_state();
}

HOST_TEST(buddy_zeroed_and_compound_pages)
{
	struct page *page;
	unsigned long addr;
	unsigned int i;

	sim_boot(&pc_layout);
	/* Dirty pages (model_take writes them), free, ask for zeroed ones. */
	for (i = 0; i < 64; i++)
		HT_ASSERT(sim_alloc(GFP_KERNEL, i % 4));
	sim_free_everything();
	for (i = 0; i < 64; i++)
		HT_ASSERT(sim_alloc(GFP_KERNEL | __GFP_ZERO, i % 4));
	addr = get_zeroed_page(GFP_KERNEL);
	HT_ASSERT(addr);
	check_zeroed(virt_to_page((void *)addr), 0);
	free_page(addr);
	/* A compound page: head, tails pointing at it, order in page[1]. */
	page = sim_alloc(GFP_KERNEL | __GFP_COMP, 5);
	HT_ASSERT(page);
	HT_EXPECT_EQ(page_count(page + 17), 1);
	get_page(page + 31);
	HT_EXPECT_EQ(page_ref_count(page), 2);
	put_page(page + 9);
	HT_EXPECT(PageHead(page));
	sim_free_everything();
	HT_EXPECT(!PageHead(page) && !PageTail(page + 1));
	expect_initial_state();
}

/*
 * An extra reference on the first page of a plain order-2 block: the
 * free releases pages 1-3 at once (as Linux does); page 0 goes with
 * the last put_page().
 */
HOST_TEST(buddy_refcounts_hold_pages)
{
	struct page *page;
	unsigned long free;

	sim_boot(&pc_layout);
	page = alloc_pages(GFP_KERNEL, 0);
	HT_ASSERT(page);
	get_page(page);
	__free_page(page);
	HT_EXPECT_EQ(page_ref_count(page), 1);
	put_page(page);
	HT_EXPECT_EQ(page_ref_count(page), 0);

	drain_all_pages(NULL);
	page = alloc_pages(GFP_KERNEL, 2);
	HT_ASSERT(page);
	free = nr_free_pages();
	get_page(page);
	__free_pages(page, 2);
	drain_all_pages(NULL);
	HT_EXPECT_EQ(nr_free_pages(), free + 3);
	put_page(page);
	expect_initial_state();
}

HOST_TEST(buddy_bad_frees_are_reported_and_skipped)
{
	struct page *page;
	unsigned long free;

	sim_boot(&pc_layout);
	/* Double free of an order-2 block. */
	page = alloc_pages(GFP_KERNEL, 2);
	HT_ASSERT(page);
	__free_pages(page, 2);
	free = nr_free_pages();
	log_clear();
	__free_pages(page, 2);
	HT_EXPECT(log_has("BUG: Bad page state in process buddy_test"));
	HT_EXPECT(log_has(
		"page dumped because: freeing a page that is already free"));
	HT_EXPECT_EQ(nr_free_pages(), free);
	sim_check_state();

	/* A slab page freed without clearing PG_slab is not freed. */
	page = alloc_pages(GFP_KERNEL, 1);
	HT_ASSERT(page);
	__SetPageSlab(page);
	free = nr_free_pages();
	log_clear();
	__free_pages(page, 1);
	HT_EXPECT(log_has("page dumped because: freeing a slab page"));
	HT_EXPECT(log_has("flags: "));
	HT_EXPECT(log_has("slab|zone=2"));
	HT_EXPECT_EQ(nr_free_pages(), free);
	/* Repair it as its owner should have, and free it for real. */
	__ClearPageSlab(page);
	set_page_count(page, 1);
	__free_pages(page, 1);

	/* A compound page freed with the wrong order. */
	page = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);
	HT_ASSERT(page);
	log_clear();
	__free_pages(page, 2);
	HT_EXPECT(log_has("compound page freed with the wrong order"));
	set_page_count(page, 1);
	__free_pages(page, 3);

	/* A tail page of a compound page freed on its own. */
	page = alloc_pages(GFP_KERNEL | __GFP_COMP, 1);
	HT_ASSERT(page);
	log_clear();
	__free_page(page + 1);
	HT_EXPECT(log_has("freeing a tail page of a compound page"));
	HT_EXPECT_EQ(page_ref_count(page), 1);
	put_page(page + 1);
	expect_initial_state();
}

HOST_TEST(buddy_free_reserved_area_adds_pages)
{
	const struct range *r = &pc_layout.reserved[0];
	unsigned long total, n = r->end - r->start;
	unsigned char *p;

	sim_boot(&pc_layout);
	total = totalram_pages();
	free_reserved_area(__va(PFN_PHYS(r->start)), __va(PFN_PHYS(r->end)),
			   0xcc, "test");
	HT_EXPECT_EQ(totalram_pages(), total + n);
	HT_EXPECT(log_has("Freeing test memory: 308K"));
	p = __va(PFN_PHYS(r->start + 3));
	HT_EXPECT(p[0] == 0xcc && p[PAGE_SIZE - 1] == 0xcc);
	memset(sim_managed + r->start, 1, n);
	drain_all_pages(NULL);
	sim_check_state();
	/* A page already given away is refused, with a warning. */
	total = warn_count;
	free_reserved_area(__va(PFN_PHYS(r->start)),
			   __va(PFN_PHYS(r->start + 1)), -1, NULL);
	HT_EXPECT_EQ(warn_count, total + 1);
	sim_check_state();
}

/* --- /proc formats ---------------------------------------------------------- */

static char show_buf[64 << 10];

static const char *show(int (*fn)(struct seq_file *, void *))
{
	struct seq_file m;

	seq_buf_init(&m, show_buf, sizeof(show_buf) - 1);
	HT_ASSERT(fn(&m, NULL) == 0 && !seq_has_overflowed(&m));
	show_buf[m.count] = '\0';
	return show_buf;
}

HOST_TEST(buddy_buddyinfo_has_linux_format)
{
	char want[1024], *p = want;
	const char *const names[] = { "DMA", "DMA32", "Normal" };
	unsigned int o;
	int z;

	sim_boot(&pc_layout);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		p += sprintf(p, "Node 0, zone %8s ", names[z]);
		for (o = 0; o < MAX_ORDER; o++)
			p += sprintf(p, "%6lu ",
				     zone_nr(z)->free_area[o].nr_free);
		p += sprintf(p, "\n");
	}
	HT_EXPECT_STREQ(show(buddyinfo_show), want);
	HT_EXPECT(!strncmp(show(buddyinfo_show), "Node 0, zone      DMA      ",
			   27));
	/* An empty zone is left out. */
	sim_boot(&small_layout);
	HT_EXPECT(!strstr(show(buddyinfo_show), "Normal"));
}

HOST_TEST(buddy_meminfo_and_vmstat_have_linux_format)
{
	char want[128];
	const char *s;

	sim_boot(&pc_layout);
	s = show(meminfo_show);
	snprintf(
		want, sizeof(want),
		"MemTotal:       %8lu kB\nMemFree:        %8lu kB\nMemAvailable:   %8lu kB\nBuffers:               0 kB\n",
		totalram_pages() * 4, nr_free_pages() * 4,
		(nr_free_pages() - totalreserve_pages) * 4);
	HT_EXPECT(!strncmp(s, want, strlen(want)));
	HT_EXPECT(strstr(s, "\nVmallocTotal:   34359738367 kB\n") != NULL);
	HT_EXPECT(strstr(s, "\nHugePages_Total:       0\n") != NULL);
	HT_EXPECT(strstr(s, "\nHugepagesize:       2048 kB\n") != NULL);
	HT_EXPECT(strstr(s, "\nSUnreclaim:            0 kB\n") != NULL);
	HT_EXPECT(strstr(s, "\nHardwareCorrupted:     0 kB\n") != NULL);

	s = show(vmstat_show);
	snprintf(want, sizeof(want), "nr_free_pages %lu\n", nr_free_pages());
	HT_EXPECT(!strncmp(s, want, strlen(want)));
	snprintf(want, sizeof(want), "\npgfree %lu\n", vm_event_read(PGFREE));
	HT_EXPECT(strstr(s, want) != NULL);
	HT_EXPECT(strstr(s, "\nnr_slab_unreclaimable 0\n") != NULL);
	HT_EXPECT(strstr(s, "\npgalloc_dma32 ") != NULL);
}

HOST_TEST(buddy_zoneinfo_and_pagetypeinfo_have_linux_format)
{
	struct zone *dma = zone_nr(ZONE_DMA);
	char want[256];
	const char *s;

	sim_boot(&pc_layout);
	s = show(zoneinfo_show);
	HT_EXPECT(!strncmp(
		s,
		"Node 0, zone      DMA\n  per-node stats\n      nr_inactive_anon 0\n",
		64));
	snprintf(
		want, sizeof(want),
		"\n  pages free     %lu\n        boost    0\n        min      %lu\n        low      %lu\n        high     %lu\n        spanned  4096\n",
		zone_page_state(dma, NR_FREE_PAGES), min_wmark_pages(dma),
		low_wmark_pages(dma), high_wmark_pages(dma));
	HT_EXPECT(strstr(s, want) != NULL);
	snprintf(
		want, sizeof(want),
		"\n        protection: (0, %ld, %ld)\n      nr_free_pages %lu\n",
		dma->lowmem_reserve[1], dma->lowmem_reserve[2],
		zone_page_state(dma, NR_FREE_PAGES));
	HT_EXPECT(strstr(s, want) != NULL);
	HT_EXPECT(strstr(s, "\nNode 0, zone   Normal\n  pages free") != NULL);
	HT_EXPECT(strstr(s, "\n  start_pfn:           70000\n") != NULL);
	HT_EXPECT(strstr(
		s,
		"\n    cpu: 0\n              count: 0\n              high:  18\n              batch: 3\n  vm stats threshold: 0\n  node_unreclaimable:  0\n  start_pfn:           4096\n"));
	HT_EXPECT(!strstr(s, "\n    cpu: 1\n"));

	s = show(pagetypeinfo_show);
	HT_EXPECT(!strncmp(
		s,
		"Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order       0      1 ",
		99));
	HT_EXPECT(strstr(s, "\nNode    0, zone      DMA, type    Unmovable ") !=
		  NULL);
	HT_EXPECT(
		strstr(s,
		       "\nNode    0, zone   Normal, type      Isolate      0      0 ") !=
		NULL);
	HT_EXPECT(
		strstr(s,
		       "\nNumber of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \nNode 0, zone      DMA            8            0 ") !=
		NULL);
}

HOST_TEST(buddy_release_buffers)
{
	sim_release();
	nr_live = 0;
}

static const struct host_test host_tests[] = {
	HOST_CASE(buddy_boot_gives_all_free_ram_to_the_right_zones),
	HOST_CASE(buddy_watermarks_follow_linux_formulas),
	HOST_CASE(buddy_split_takes_smallest_block_and_merge_restores_it),
	HOST_CASE(buddy_pcp_lists_serve_order0_per_cpu),
	HOST_CASE(buddy_random_alloc_free_matches_model),
	HOST_CASE(buddy_random_alloc_free_without_normal_zone),
	HOST_CASE(buddy_exhaustion_fails_cleanly_and_keeps_reserves),
	HOST_CASE(buddy_high_order_exhaustion_returns_null),
	HOST_CASE(buddy_gfp_dma_comes_only_from_zone_dma),
	HOST_CASE(buddy_failure_prints_linux_report),
	HOST_CASE(buddy_order_too_large_and_nofail_warn),
	HOST_CASE(buddy_zeroed_and_compound_pages),
	HOST_CASE(buddy_refcounts_hold_pages),
	HOST_CASE(buddy_bad_frees_are_reported_and_skipped),
	HOST_CASE(buddy_free_reserved_area_adds_pages),
	HOST_CASE(buddy_buddyinfo_has_linux_format),
	HOST_CASE(buddy_meminfo_and_vmstat_have_linux_format),
	HOST_CASE(buddy_zoneinfo_and_pagetypeinfo_have_linux_format),
	HOST_CASE(buddy_release_buffers),
};

int main(void)
{
	return host_test_main(host_tests, ARRAY_SIZE(host_tests));
}

/*
 * The ktest runner: finds the suites in the .ktest_suites section, runs
 * the ones the command line asks for, and reports KTAP v1:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: list
 *	    1..3
 *	    ok 1 list_test_add
 *	    ...
 *	ok 1 list
 *
 * An ASSERT that fails leaves the case through __builtin_longjmp back
 * into ktest_run_case(); nothing the case allocated is freed then,
 * which is acceptable for a failed test (as in KUnit).
 */
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <ktest/test.h>

extern struct ktest_suite *__start_ktest_suites[], *__stop_ktest_suites[];

char *ktest_filter;

static int __init ktest_setup(char *str)
{
	ktest_filter = str;
	return 1;
}
__setup("ktest=", ktest_setup);

/*
 * ktest_then_init: after the suites, go on and run /init instead of
 * powering off (make bench: the allocator and scheduler figures, then
 * the user-space benchmarks in the same boot).
 */
bool ktest_then_init;

static int __init ktest_then_init_setup(char *str)
{
	ktest_then_init = true;
	return 1;
}
__setup("ktest_then_init", ktest_then_init_setup);

/** ktest_streq - string equality for KTEST_EXPECT_STREQ (NULL-safe). */
bool ktest_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

/** ktest_memeq - byte equality for KTEST_EXPECT_MEMEQ. */
bool ktest_memeq(const void *a, const void *b, size_t n)
{
	return !memcmp(a, b, n);
}

/**
 * ktest_fail - record a failed expectation and explain it.
 * @test: the running case
 * @file: source file of the check
 * @line: its line
 * @fmt: the explanation
 */
void ktest_fail(struct ktest *test, const char *file, int line, const char *fmt,
		...)
{
	va_list args;
	char msg[256];

	test->status = KTEST_FAILURE;
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_INFO "    # %s: EXPECTATION FAILED at %s:%d\n", test->name,
	       file, line);
	printk(KERN_INFO "    # %s\n", msg);
}

/**
 * ktest_abort - leave the running case at once (after a failed ASSERT).
 */
void ktest_abort(struct ktest *test)
{
	__builtin_longjmp(test->abort_buf, 1);
}

/**
 * ktest_skip - mark the running case skipped, with a reason.
 */
void ktest_skip(struct ktest *test, const char *reason)
{
	test->status = KTEST_SKIPPED;
	test->skip_reason = reason;
}

/**
 * ktest_info - print a diagnostic line under the running case.
 */
void ktest_info(struct ktest *test, const char *fmt, ...)
{
	va_list args;
	char msg[256];

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_INFO "    # %s: %s\n", test->name, msg);
}

/* Run one case with its suite's init/exit; ASSERTs land here. */
static noinline void ktest_run_case(struct ktest_suite *suite,
				    struct ktest_case *c, struct ktest *test)
{
	void *abort_buf[5];

	test->abort_buf = abort_buf;
	if (__builtin_setjmp(abort_buf) == 0) {
		if (suite->init && suite->init(test)) {
			ktest_fail(test, __FILE__, __LINE__,
				   "suite init failed");
			return;
		}
		c->run_case(test);
	}
	if (suite->exit)
		suite->exit(test);
}

static const char *status_word(enum ktest_status s)
{
	return s == KTEST_FAILURE ? "not ok" : "ok";
}

struct ktest_totals {
	int passed, failed, skipped;
};

/* Runs @suite as subtest @index; returns true if no case failed. */
static bool ktest_run_suite(struct ktest_suite *suite, int index,
			    struct ktest_totals *totals)
{
	struct ktest_case *c;
	int n = 0, i = 0, skipped = 0;
	bool ok = true;

	for (c = suite->test_cases; c->run_case; c++)
		n++;
	printk(KERN_INFO "    KTAP version 1\n");
	printk(KERN_INFO "    # Subtest: %s\n", suite->name);
	printk(KERN_INFO "    1..%d\n", n);
	for (c = suite->test_cases; c->run_case; c++) {
		struct ktest test = { .name = c->name,
				      .status = KTEST_SUCCESS };

		ktest_run_case(suite, c, &test);
		i++;
		if (test.status == KTEST_SKIPPED) {
			printk(KERN_INFO "    ok %d %s # SKIP %s\n", i, c->name,
			       test.skip_reason ? test.skip_reason : "");
			totals->skipped++;
			skipped++;
			continue;
		}
		printk(KERN_INFO "    %s %d %s\n", status_word(test.status), i,
		       c->name);
		if (test.status == KTEST_FAILURE) {
			ok = false;
			totals->failed++;
		} else {
			totals->passed++;
		}
	}
	if (ok && n && skipped == n)
		printk(KERN_INFO "ok %d %s # SKIP all cases skipped\n", index,
		       suite->name);
	else
		printk(KERN_INFO "%s %d %s\n", ok ? "ok" : "not ok", index,
		       suite->name);
	return ok;
}

/* Is @name in the comma-separated @filter ("all" takes every automatic suite)? */
static bool ktest_selected(const struct ktest_suite *suite, const char *filter)
{
	size_t len = strlen(suite->name);
	const char *p = filter;

	if (!strcmp(filter, "all"))
		return !suite->manual;
	while (*p) {
		if (!strncmp(p, suite->name, len) && (p[len] == ',' || !p[len]))
			return true;
		p = strchr(p, ',');
		if (!p)
			break;
		p++;
	}
	return false;
}

/*
 * The memory the suites leave behind.  Caches and per-CPU lists hold on
 * to pages they may reuse, so both are emptied before counting; page
 * tables that vmalloc keeps for good count as used.  Frees deferred by
 * RCU (an exited task's sighand) are waited for first.
 */
struct mm_snapshot {
	unsigned long free_pages;
	unsigned long slab_objects;
};

static void mm_snapshot(struct mm_snapshot *snap)
{
	rcu_barrier();
	kmem_cache_shrink_all();
	drain_all_pages(NULL);
	snap->free_pages =
		nr_free_pages() + global_node_page_state(NR_PAGETABLE);
	snap->slab_objects = slab_objects_total();
}

/* KTAP case @index: did the suites give back every page and object? */
static int ktest_leak_check(const struct mm_snapshot *before, int index)
{
	struct mm_snapshot after;
	bool ok;

	mm_snapshot(&after);
	ok = after.free_pages == before->free_pages &&
	     after.slab_objects == before->slab_objects;
	printk(KERN_INFO
	       "# leak check: free pages %lu before, %lu after; slab objects %lu before, %lu after\n",
	       before->free_pages, after.free_pages, before->slab_objects,
	       after.slab_objects);
	printk(KERN_INFO "%s %d mm_leak_check\n", ok ? "ok" : "not ok", index);
	return ok ? 0 : 1;
}

/**
 * ktest_run - run the selected suites and print KTAP.
 * @filter: "all" or a comma-separated list of suite names
 *
 * Process context at the end of boot.  After the suites, a last case
 * checks that they returned every page and slab object.  Returns the
 * number of failed cases (a selected name that matches no suite counts
 * as one).
 */
int ktest_run(const char *filter)
{
	struct ktest_suite **s;
	struct ktest_totals totals = { 0 };
	struct mm_snapshot before;
	int n = 0, i = 0;

	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (ktest_selected(*s, filter))
			n++;
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", n ? n + 1 : 1);
	if (!n) {
		printk(KERN_INFO "not ok 1 ktest # no suite matches '%s'\n",
		       filter);
		return 1;
	}
	mm_snapshot(&before);
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (ktest_selected(*s, filter))
			ktest_run_suite(*s, ++i, &totals);
	totals.failed += ktest_leak_check(&before, n + 1);
	printk(KERN_INFO "# ktest: %d passed, %d failed, %d skipped\n",
	       totals.passed, totals.failed, totals.skipped);
	return totals.failed;
}

/*
 * The printk ring buffer: records in order, continuations, and the
 * oldest records giving way when it wraps.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <ktest/test.h>

#define READ_BUF_LEN (1 << 17)

static char read_buf[READ_BUF_LEN + 1];

/* Everything still in the ring, as one string. */
static const char *read_all(void)
{
	unsigned long long seq = 0;
	size_t n = log_buf_read(&seq, read_buf, READ_BUF_LEN);

	read_buf[n] = '\0';
	return read_buf;
}

static void printk_test_message_is_logged(struct ktest *test)
{
	printk(KERN_DEBUG "printk_test: marker %d\n", 4711);
	KTEST_EXPECT_NOT_NULL(test,
			      strstr(read_all(), "printk_test: marker 4711\n"));
}

static void printk_test_continuation_joins_line(struct ktest *test)
{
	printk(KERN_DEBUG "printk_test: cont ");
	pr_cont("a");
	pr_cont("b\n");
	KTEST_EXPECT_NOT_NULL(test,
			      strstr(read_all(), "printk_test: cont ab\n"));
}

static void printk_test_read_advances_seq(struct ktest *test)
{
	unsigned long long seq = 0;
	size_t first, second;

	printk(KERN_DEBUG "printk_test: seq\n");
	first = log_buf_read(&seq, read_buf, READ_BUF_LEN);
	KTEST_EXPECT_GT(test, first, 0);
	second = log_buf_read(&seq, read_buf, READ_BUF_LEN);
	KTEST_EXPECT_EQ(test, second, 0); /* nothing new since */
}

/*
 * Fill the ring several times over at KERN_DEBUG (below the console
 * level, so nothing is printed): the oldest records must go, the
 * newest stay, and no record may come back torn.
 */
static void printk_test_wrap_drops_oldest(struct ktest *test)
{
	const char *all;
	char want[48];
	int i;

	printk(KERN_DEBUG "printk_test: wrap-first\n");
	for (i = 0; i < 6000; i++)
		printk(KERN_DEBUG "printk_test: wrap %05d ..................\n",
		       i);
	all = read_all();
	KTEST_EXPECT_NULL(test, strstr(all, "wrap-first"));
	KTEST_EXPECT_NOT_NULL(test, strstr(all, "printk_test: wrap 05999 "));
	KTEST_EXPECT_NULL(test, strstr(all, "Linnet version"));
	/* The surviving records are consecutive, each whole. */
	for (i = 5000; i < 6000; i++) {
		snprintf(want, sizeof(want),
			 "printk_test: wrap %05d ..................\n", i);
		if (!strstr(all, want)) {
			KTEST_EXPECT_TRUE(test, false);
			ktest_info(test, "record %d missing", i);
			break;
		}
	}
}

static struct ktest_case printk_test_cases[] = {
	KTEST_CASE(printk_test_message_is_logged),
	KTEST_CASE(printk_test_continuation_joins_line),
	KTEST_CASE(printk_test_read_advances_seq),
	KTEST_CASE(printk_test_wrap_drops_oldest),
	{}
};

static struct ktest_suite printk_test_suite = {
	.name = "printk",
	.test_cases = printk_test_cases,
};
ktest_suite(printk_test_suite);

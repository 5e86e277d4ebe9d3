/*
 * parse_args(): words, values, quotes and "--", as Linux splits them.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <ktest/test.h>

#define MAX_SEEN 8

static const char *seen_param[MAX_SEEN], *seen_val[MAX_SEEN];
static int nr_seen;

static int record_param(char *param, char *val, const char *doing)
{
	if (nr_seen < MAX_SEEN) {
		seen_param[nr_seen] = param;
		seen_val[nr_seen] = val;
	}
	nr_seen++;
	return 0;
}

static int reject_param(char *param, char *val, const char *doing)
{
	return -22;
}

static char *parse(char *line)
{
	nr_seen = 0;
	return parse_args("test", line, record_param);
}

static void params_test_words_and_values(struct ktest *test)
{
	char line[] = "  console=ttyS0   quiet loglevel=7 ";

	KTEST_EXPECT_NULL(test, parse(line));
	KTEST_ASSERT_EQ(test, nr_seen, 3);
	KTEST_EXPECT_STREQ(test, seen_param[0], "console");
	KTEST_EXPECT_STREQ(test, seen_val[0], "ttyS0");
	KTEST_EXPECT_STREQ(test, seen_param[1], "quiet");
	KTEST_EXPECT_NULL(test, seen_val[1]);
	KTEST_EXPECT_STREQ(test, seen_param[2], "loglevel");
	KTEST_EXPECT_STREQ(test, seen_val[2], "7");
}

static void params_test_quoted_value_keeps_spaces(struct ktest *test)
{
	char line[] = "a=\"x y\" \"b=1 2\" c";

	parse(line);
	KTEST_ASSERT_EQ(test, nr_seen, 3);
	KTEST_EXPECT_STREQ(test, seen_val[0], "x y");
	KTEST_EXPECT_STREQ(test, seen_param[1], "b");
	KTEST_EXPECT_STREQ(test, seen_val[1], "1 2");
	KTEST_EXPECT_STREQ(test, seen_param[2], "c");
}

static void params_test_value_only_splits_at_first_equals(struct ktest *test)
{
	char line[] = "root=LABEL=x empty=";

	parse(line);
	KTEST_ASSERT_EQ(test, nr_seen, 2);
	KTEST_EXPECT_STREQ(test, seen_val[0], "LABEL=x");
	KTEST_EXPECT_STREQ(test, seen_val[1], "");
}

static void params_test_dashes_end_kernel_args(struct ktest *test)
{
	char line[] = "quiet -- single x=1";
	char *rest = parse(line);

	KTEST_EXPECT_EQ(test, nr_seen, 1);
	KTEST_ASSERT_NOT_NULL(test, rest);
	KTEST_EXPECT_STREQ(test, rest, "single x=1");
}

static void params_test_handler_error_stops(struct ktest *test)
{
	char line[] = "a b";
	char *ret = parse_args("test", line, reject_param);

	KTEST_EXPECT_TRUE(test, IS_ERR(ret));
	KTEST_EXPECT_EQ(test, PTR_ERR(ret), -22);
}

static struct ktest_case params_test_cases[] = {
	KTEST_CASE(params_test_words_and_values),
	KTEST_CASE(params_test_quoted_value_keeps_spaces),
	KTEST_CASE(params_test_value_only_splits_at_first_equals),
	KTEST_CASE(params_test_dashes_end_kernel_args),
	KTEST_CASE(params_test_handler_error_stops),
	{}
};

static struct ktest_suite params_test_suite = {
	.name = "params",
	.test_cases = params_test_cases,
};
ktest_suite(params_test_suite);

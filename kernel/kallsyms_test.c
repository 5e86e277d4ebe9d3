/*
 * kallsyms: the embedded symbol table names kernel functions.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <ktest/test.h>

static noinline int kallsyms_test_target(int x)
{
	return x * 3 + 1;
}

static void kallsyms_test_lookup_finds_function(struct ktest *test)
{
	unsigned long addr = (unsigned long)kallsyms_test_target;
	unsigned long size = 0, offset = 1;
	const char *name = kallsyms_lookup(addr + 2, &size, &offset);

	KTEST_ASSERT_NOT_NULL(test, name);
	KTEST_EXPECT_STREQ(test, name, "kallsyms_test_target");
	KTEST_EXPECT_EQ(test, offset, 2);
	KTEST_EXPECT_GT(test, size, 2);
	KTEST_EXPECT_EQ(test, kallsyms_test_target(1), 4);
}

static void kallsyms_test_lookup_name_round_trips(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, kallsyms_lookup_name("kallsyms_lookup"),
			(unsigned long)kallsyms_lookup);
	KTEST_EXPECT_EQ(test, kallsyms_lookup_name("no_such_symbol_xyz"), 0);
}

static void kallsyms_test_data_is_not_text(struct ktest *test)
{
	static int some_data;

	KTEST_EXPECT_NULL(test, kallsyms_lookup((unsigned long)&some_data, NULL,
						NULL));
	KTEST_EXPECT_NULL(test, kallsyms_lookup(0, NULL, NULL));
}

static void kallsyms_test_sprint_symbol_format(struct ktest *test)
{
	char buf[KSYM_SYMBOL_LEN];
	unsigned long addr = (unsigned long)kallsyms_test_target;

	sprint_symbol(buf, addr);
	KTEST_EXPECT_EQ(test, strncmp(buf, "kallsyms_test_target+0x0/0x", 27),
			0);
	sprint_symbol_no_offset(buf, addr + 1);
	KTEST_EXPECT_STREQ(test, buf, "kallsyms_test_target");
	sprint_symbol(buf, 0x1234);
	KTEST_EXPECT_STREQ(test, buf, "0x1234");
}

static struct ktest_case kallsyms_test_cases[] = {
	KTEST_CASE(kallsyms_test_lookup_finds_function),
	KTEST_CASE(kallsyms_test_lookup_name_round_trips),
	KTEST_CASE(kallsyms_test_data_is_not_text),
	KTEST_CASE(kallsyms_test_sprint_symbol_format),
	{}
};

static struct ktest_suite kallsyms_test_suite = {
	.name = "kallsyms",
	.test_cases = kallsyms_test_cases,
};
ktest_suite(kallsyms_test_suite);

/*
 * Interrupt lines end to end: a software line (a vector of our own on
 * the local APIC chip) raised by a self-IPI goes through the APIC,
 * entry_64.S, do_IRQ() on the irq stack, the edge flow handler and the
 * handlers; then spurious accounting, disable/enable, and the
 * /proc/interrupts text.
 *
 *	self-IPI -> vector_irq[vector] -> desc -> handle_edge_irq
 *	                                           +-> handler A: IRQ_NONE
 *	                                           +-> handler B: IRQ_HANDLED
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <ktest/test.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>
#include <asm/irq_stack.h>
#include <asm/processor.h>

struct test_dev {
	irqreturn_t ret; /* what the handler answers */
	unsigned int calls;
	bool saw_hardirq;
	bool saw_interrupt;
	bool saw_irqs_off;
	bool saw_irq_stack;
	bool saw_task;
	bool raise_softirq;
};

struct test_line {
	int irq;
	int vector;
};

static irqreturn_t test_handler(int irq, void *dev_id)
{
	struct test_dev *dev = dev_id;
	unsigned long lo, hi;

	dev->calls++;
	dev->saw_hardirq = in_hardirq();
	dev->saw_interrupt = in_interrupt();
	dev->saw_irqs_off = irqs_disabled();
	dev->saw_task = in_task();
	dev->saw_irq_stack = on_irq_stack(
		(unsigned long)__builtin_frame_address(0), &lo, &hi);
	return dev->ret;
}

/* A line nobody else knows: an interrupt number and a vector. */
static int test_line_create(struct ktest *test, struct test_line *line)
{
	line->irq = irq_alloc_desc(0);
	KTEST_ASSERT_TRUE(test, line->irq >= 0);
	irq_set_chip_and_handler_name(line->irq, &lapic_chip, handle_edge_irq,
				      "edge");
	line->vector = assign_irq_vector(line->irq);
	KTEST_ASSERT_TRUE(test, line->vector >= FIRST_DEVICE_VECTOR);
	return 0;
}

static void test_line_destroy(struct test_line *line)
{
	clear_irq_vector(line->irq);
	irq_free_desc(line->irq);
}

/* Raise the line and wait (up to 100 ms) until @calls has grown. */
static bool test_line_fire(struct test_line *line, unsigned int *calls)
{
	unsigned int before = READ_ONCE(*calls);
	u64 end = ktime_get_ns() + 100 * NSEC_PER_MSEC;

	apic_send_IPI_self(line->vector);
	while (READ_ONCE(*calls) == before) {
		if (ktime_get_ns() > end)
			return false;
		cpu_relax();
	}
	return true;
}

static void irq_test_shared_line_calls_every_handler(struct ktest *test)
{
	struct test_dev a = { .ret = IRQ_NONE }, b = { .ret = IRQ_HANDLED };
	struct test_line line;
	struct irq_desc *desc;

	test_line_create(test, &line);
	desc = irq_to_desc(line.irq);
	KTEST_ASSERT_EQ(test,
			request_irq(line.irq, test_handler, IRQF_SHARED,
				    "test-a", &a),
			0);
	KTEST_ASSERT_EQ(test,
			request_irq(line.irq, test_handler, IRQF_SHARED,
				    "test-b", &b),
			0);

	KTEST_EXPECT_TRUE(test, test_line_fire(&line, &b.calls));
	KTEST_EXPECT_EQ(test, a.calls, 1);
	KTEST_EXPECT_EQ(test, b.calls, 1);
	KTEST_EXPECT_EQ(test, kstat_irqs(line.irq), 1);
	/* One handler claimed it: not unhandled. */
	KTEST_EXPECT_EQ(test, desc->irqs_unhandled, 0);

	/* Without B nobody claims it: counted as unhandled. */
	KTEST_EXPECT_STREQ(test, (const char *)free_irq(line.irq, &b),
			   "test-b");
	KTEST_EXPECT_TRUE(test, test_line_fire(&line, &a.calls));
	KTEST_EXPECT_EQ(test, a.calls, 2);
	KTEST_EXPECT_EQ(test, b.calls, 1);
	KTEST_EXPECT_EQ(test, desc->irqs_unhandled, 1);
	KTEST_EXPECT_EQ(test, kstat_irqs(line.irq), 2);

	KTEST_EXPECT_STREQ(test, (const char *)free_irq(line.irq, &a),
			   "test-a");
	KTEST_EXPECT_NULL(test, desc->action);
	test_line_destroy(&line);
}

static void irq_test_handler_runs_in_hardirq_on_irq_stack(struct ktest *test)
{
	struct test_dev a = { .ret = IRQ_HANDLED };
	struct test_line line;

	test_line_create(test, &line);
	KTEST_ASSERT_EQ(test,
			request_irq(line.irq, test_handler, 0, "test", &a), 0);
	KTEST_EXPECT_FALSE(test, in_interrupt()); /* here: process context */
	KTEST_EXPECT_TRUE(test, in_task());
	KTEST_EXPECT_TRUE(test, test_line_fire(&line, &a.calls));
	KTEST_EXPECT_TRUE(test, a.saw_hardirq);
	KTEST_EXPECT_TRUE(test, a.saw_interrupt);
	KTEST_EXPECT_TRUE(test, a.saw_irqs_off);
	KTEST_EXPECT_FALSE(test, a.saw_task);
	KTEST_EXPECT_TRUE(test, a.saw_irq_stack);
	KTEST_EXPECT_FALSE(test, in_interrupt()); /* and back */
	free_irq(line.irq, &a);
	test_line_destroy(&line);
}

static irqreturn_t dummy_handler(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static void irq_test_request_checks_arguments(struct ktest *test)
{
	struct test_dev a = {}, b = {};
	struct test_line line;

	test_line_create(test, &line);
	/* A shared handler needs a dev_id to be freed by. */
	KTEST_EXPECT_EQ(test,
			request_irq(line.irq, dummy_handler, IRQF_SHARED, "x",
				    NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(test, request_irq(line.irq, NULL, 0, "x", &a), -EINVAL);
	KTEST_EXPECT_EQ(test, request_irq(NR_IRQS, dummy_handler, 0, "x", &a),
			-EINVAL);
	/* Exclusive owner: nobody may join. */
	KTEST_ASSERT_EQ(test, request_irq(line.irq, dummy_handler, 0, "a", &a),
			0);
	KTEST_EXPECT_EQ(test,
			request_irq(line.irq, dummy_handler,
				    IRQF_SHARED | IRQF_PROBE_SHARED, "b", &b),
			-EBUSY);
	free_irq(line.irq, &a);
	/* Sharers must agree on the trigger type. */
	KTEST_ASSERT_EQ(test,
			request_irq(line.irq, dummy_handler,
				    IRQF_SHARED | IRQF_TRIGGER_RISING, "a", &a),
			0);
	KTEST_EXPECT_EQ(test,
			request_irq(line.irq, dummy_handler,
				    IRQF_SHARED | IRQF_TRIGGER_HIGH |
					    IRQF_PROBE_SHARED,
				    "b", &b),
			-EBUSY);
	free_irq(line.irq, &a);
	/* A line without a controller cannot be requested. */
	KTEST_EXPECT_EQ(test,
			request_irq(NR_IRQS - 1, dummy_handler, 0, "x", &a),
			-ENOSYS);
	test_line_destroy(&line);
}

static void irq_test_disabled_edge_is_replayed(struct ktest *test)
{
	struct test_dev a = { .ret = IRQ_HANDLED };
	struct test_line line;
	u64 end;

	test_line_create(test, &line);
	KTEST_ASSERT_EQ(test,
			request_irq(line.irq, test_handler, 0, "test", &a), 0);
	disable_irq(line.irq);
	disable_irq(line.irq); /* nests */
	apic_send_IPI_self(line.vector);
	end = ktime_get_ns() + 20 * NSEC_PER_MSEC;
	while (ktime_get_ns() < end)
		cpu_relax();
	KTEST_EXPECT_EQ(test, a.calls, 0);
	KTEST_EXPECT_TRUE(test, irq_to_desc(line.irq)->istate & IRQS_PENDING);
	enable_irq(line.irq);
	KTEST_EXPECT_EQ(test, a.calls, 0); /* still disabled once */
	enable_irq(line.irq); /* the edge is resent */
	end = ktime_get_ns() + 100 * NSEC_PER_MSEC;
	while (!READ_ONCE(a.calls) && ktime_get_ns() < end)
		cpu_relax();
	KTEST_EXPECT_EQ(test, a.calls, 1);
	free_irq(line.irq, &a);
	test_line_destroy(&line);
}

static irqreturn_t nobody_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/*
 * A line that keeps interrupting with nobody claiming it is switched
 * off after 100000 interrupts ("nobody cared").  Driven through
 * generic_handle_irq() directly: 100000 real IPIs would be slow.
 */
static void irq_test_nobody_cared_disables_line(struct ktest *test)
{
	unsigned long flags;
	struct irq_desc *desc;
	int irq = irq_alloc_desc(0), dev, i;

	KTEST_ASSERT_TRUE(test, irq >= 0);
	desc = irq_to_desc(irq);
	irq_set_chip_and_handler(irq, &dummy_irq_chip, handle_simple_irq);
	KTEST_ASSERT_EQ(test,
			request_irq(irq, nobody_handler, IRQF_SHARED, "silent",
				    &dev),
			0);
	local_irq_save(flags);
	for (i = 0; i < 99999; i++)
		generic_handle_irq(irq);
	KTEST_EXPECT_FALSE(test, irqd_irq_disabled(&desc->irq_data));
	generic_handle_irq(irq); /* the 100000th */
	local_irq_restore(flags);
	KTEST_EXPECT_TRUE(test, irqd_irq_disabled(&desc->irq_data));
	KTEST_EXPECT_TRUE(test, desc->istate & IRQS_SPURIOUS_DISABLED);
	KTEST_EXPECT_EQ(test, desc->depth, 1);
	free_irq(irq, &dev);
	irq_free_desc(irq);
}

/* Show a multi-line text as KTAP diagnostics, one line each. */
static void ktest_info_lines(struct ktest *test, char *text)
{
	char *line;

	while ((line = strsep(&text, "\n")))
		if (*line)
			ktest_info(test, "%s", line);
}

static void irq_test_proc_interrupts_format(struct ktest *test)
{
	static char buf[4096];
	struct test_dev a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_HANDLED };
	struct test_line line;
	struct seq_file m;
	char want[64];

	test_line_create(test, &line);
	KTEST_ASSERT_EQ(test,
			request_irq(line.irq, test_handler, IRQF_SHARED,
				    "test-a", &a),
			0);
	KTEST_ASSERT_EQ(test,
			request_irq(line.irq, test_handler, IRQF_SHARED,
				    "test-b", &b),
			0);
	KTEST_EXPECT_TRUE(test, test_line_fire(&line, &a.calls));
	seq_buf_init(&m, buf, sizeof(buf));
	show_interrupts(&m, NULL);
	KTEST_ASSERT_FALSE(test, seq_has_overflowed(&m));
	buf[m.count < sizeof(buf) ? m.count : sizeof(buf) - 1] = '\0';
	KTEST_EXPECT_TRUE(test, !strncmp(buf, "           CPU0", 15));
	snprintf(want, sizeof(want),
		 "%3d:          1      APIC   0-edge      test-a, test-b\n",
		 line.irq);
	/* SMP: one count column per online CPU, the 1 in any of them. */
	if (num_online_cpus() > 1)
		strscpy(want, "      APIC   0-edge      test-a, test-b\n",
			sizeof(want));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, want));
	/* The console's line: ttyS0 on IRQ 4, I/O APIC pin 4. */
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "  4: "));
	KTEST_EXPECT_NOT_NULL(test,
			      strstr(buf, "   IO-APIC   4-edge      ttyS0\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "LOC: "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "  Local timer interrupts\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "RES: "));
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, "ERR: "));
	ktest_info(test, "/proc/interrupts:");
	ktest_info_lines(test, buf);
	free_irq(line.irq, &a);
	free_irq(line.irq, &b);
	test_line_destroy(&line);
}

static struct ktest_case irq_test_cases[] = {
	KTEST_CASE(irq_test_shared_line_calls_every_handler),
	KTEST_CASE(irq_test_handler_runs_in_hardirq_on_irq_stack),
	KTEST_CASE(irq_test_request_checks_arguments),
	KTEST_CASE(irq_test_disabled_edge_is_replayed),
	KTEST_CASE(irq_test_nobody_cared_disables_line),
	KTEST_CASE(irq_test_proc_interrupts_format),
	{}
};

static struct ktest_suite irq_test_suite = {
	.name = "irq",
	.test_cases = irq_test_cases,
};
ktest_suite(irq_test_suite);

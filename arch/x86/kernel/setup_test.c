/*
 * The state boot leaves the boot CPU in: per-CPU base, GDT/TSS/IDT,
 * page tables, the stack canary, the freed init memory.
 */
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <ktest/test.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/msr.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm-generic/sections.h>

extern const char *argv_init[], *envp_init[];

static void x86_boot_test_stack_end_magic(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, *end_of_stack(&init_task), STACK_END_MAGIC);
	KTEST_EXPECT_FALSE(test, task_stack_end_corrupted(&init_task));
}

static void x86_boot_test_percpu_and_current(struct ktest *test)
{
	/* ktest runs in pid 1; init_task has become CPU 0's idle task. */
	KTEST_EXPECT_EQ(test, current->pid, 1);
	KTEST_EXPECT_TRUE(test, is_idle_task(&init_task));
	KTEST_EXPECT_EQ(test, smp_processor_id(), 0);
	KTEST_EXPECT_EQ(test, this_cpu_read(this_cpu_off), __per_cpu_offset[0]);
	KTEST_EXPECT_EQ(test, rdmsr(MSR_GS_BASE), __per_cpu_offset[0]);
	KTEST_EXPECT_PTR_EQ(test, this_cpu_ptr(&cpu_number),
			    per_cpu_ptr(&cpu_number, 0));
}

static void x86_boot_test_segments_and_tss(struct ktest *test)
{
	u16 cs, ss, tr;
	struct desc_ptr idt;

	asm volatile("mov %%cs, %0" : "=r"(cs));
	asm volatile("mov %%ss, %0" : "=r"(ss));
	asm volatile("str %0" : "=r"(tr));
	asm volatile("sidt %0" : "=m"(idt));
	KTEST_EXPECT_EQ(test, cs, __KERNEL_CS);
	KTEST_EXPECT_EQ(test, ss, __KERNEL_DS);
	KTEST_EXPECT_EQ(test, tr, GDT_ENTRY_TSS_SEL);
	KTEST_EXPECT_EQ(test, idt.size, 256 * 16 - 1);
}

static void x86_boot_test_user_half_empty(struct ktest *test)
{
	unsigned int i, used = 0;

	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		used += !pgd_none(init_top_pgt[i]);
	KTEST_EXPECT_EQ(test, used, 0);
	KTEST_EXPECT_EQ(test, __read_cr3() & PTE_PFN_MASK,
			__pa_symbol(init_top_pgt));
	KTEST_EXPECT_FALSE(test, pgd_none(*pgd_offset_k(PAGE_OFFSET)));
	KTEST_EXPECT_FALSE(test, pgd_none(*pgd_offset_k(__START_KERNEL_map)));
}

static void x86_boot_test_nx_enabled(struct ktest *test)
{
	if (!boot_cpu_has_nx()) {
		ktest_skip(test, "CPU without NX");
		return;
	}
	KTEST_EXPECT_TRUE(test, rdmsr(MSR_EFER) & EFER_NX);
}

static void x86_boot_test_direct_map_round_trip(struct ktest *test)
{
	static int probe = 1234;
	phys_addr_t pa = __pa(&probe);

	KTEST_EXPECT_EQ(test, pa, __pa_symbol(&probe));
	KTEST_EXPECT_EQ(test, *(int *)__va(pa), 1234);
	*(int *)__va(pa) = 99; /* same memory, other alias */
	KTEST_EXPECT_EQ(test, probe, 99);
}

static void x86_boot_test_memory_map(struct ktest *test)
{
	KTEST_EXPECT_GT(test, e820_table.nr_entries, 0);
	KTEST_EXPECT_GT(test, e820__total_ram(), 16ULL << 20);
	KTEST_EXPECT_GE(test, e820__end_of_ram(), (u64)__pa_symbol(_end));
}

/* Freed init memory is gone from the image mapping. */
static void x86_boot_test_init_memory_unmapped(struct ktest *test)
{
	char c;

	KTEST_EXPECT_EQ(test,
			copy_from_kernel_nofault(&c, __init_text_begin, 1),
			-EFAULT);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&c, __init_begin, 1),
			-EFAULT);
}

static bool vec_has(const char **vec, const char *word)
{
	for (; *vec; vec++)
		if (!strcmp(*vec, word))
			return true;
	return false;
}

/* The harness boots with "ktest_env=1 ktest_arg" to check this. */
static void x86_boot_test_unknown_params_go_to_init(struct ktest *test)
{
	if (!strstr(saved_command_line, "ktest_arg")) {
		ktest_skip(test, "boot without ktest_env=1 ktest_arg");
		return;
	}
	KTEST_EXPECT_TRUE(test, vec_has(envp_init, "ktest_env=1"));
	KTEST_EXPECT_TRUE(test, vec_has(argv_init, "ktest_arg"));
	KTEST_EXPECT_FALSE(test, vec_has(envp_init, "console=ttyS0"));
	KTEST_EXPECT_FALSE(test, vec_has(argv_init, "quiet"));
}

static struct ktest_case x86_boot_test_cases[] = {
	KTEST_CASE(x86_boot_test_stack_end_magic),
	KTEST_CASE(x86_boot_test_percpu_and_current),
	KTEST_CASE(x86_boot_test_segments_and_tss),
	KTEST_CASE(x86_boot_test_user_half_empty),
	KTEST_CASE(x86_boot_test_nx_enabled),
	KTEST_CASE(x86_boot_test_direct_map_round_trip),
	KTEST_CASE(x86_boot_test_memory_map),
	KTEST_CASE(x86_boot_test_init_memory_unmapped),
	KTEST_CASE(x86_boot_test_unknown_params_go_to_init),
	{}
};

static struct ktest_suite x86_boot_test_suite = {
	.name = "x86_boot",
	.test_cases = x86_boot_test_cases,
};
ktest_suite(x86_boot_test_suite);

/*
 * ktest=initrd: the boot loader's initramfs reached the kernel intact.
 * Manual: only meaningful when booted with -initrd.
 */
static void initrd_test_present_and_archive(struct ktest *test)
{
	KTEST_ASSERT_TRUE(test, initrd_size > 0);
	ktest_info(test, "initrd at %#llx, %llu bytes", initrd_start_phys,
		   initrd_size);
	KTEST_EXPECT_LT(test, initrd_start_phys + initrd_size, 4ULL << 30);
	/* populate_rootfs() unpacked it (a valid archive), then freed it */
	KTEST_EXPECT_TRUE(test, initramfs_stats.done);
	KTEST_EXPECT_NULL(test, initramfs_stats.error);
	KTEST_EXPECT_EQ(test, initramfs_stats.in_bytes, initrd_size);
	KTEST_EXPECT_GT(test, initramfs_stats.entries, 0);
	KTEST_EXPECT_EQ(test, initrd_start, 0);
}

static struct ktest_case initrd_test_cases[] = {
	KTEST_CASE(initrd_test_present_and_archive), {}
};

static struct ktest_suite initrd_test_suite = {
	.name = "initrd",
	.test_cases = initrd_test_cases,
	.manual = true,
};
ktest_suite(initrd_test_suite);

/*
 * ktest: what a user-mode page fault comes to.  The cases build user
 * mappings in a test mm and hand resolve_user_fault() the error codes
 * a user-mode access would produce (no signal is sent: the caller
 * would send it), checking the signal and si_code of Linux's rules.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/string.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/traps.h>
#include <ktest/mm.h>
#include <ktest/test.h>

#include "mm_internal.h"

#define RW (PROT_READ | PROT_WRITE)
#define PRIV (MAP_PRIVATE | MAP_ANONYMOUS)

/* The outcome of a user access of kind @err at @addr: sig << 8 | code. */
static int user_fault(unsigned long addr, unsigned long err)
{
	struct pt_regs regs;
	int code = 0, sig;

	memset(&regs, 0, sizeof(regs));
	regs.cs = __USER_CS;
	regs.ss = __USER_DS;
	regs.flags = X86_EFLAGS_IF;
	sig = resolve_user_fault(&regs, err | X86_PF_USER, addr, &code);
	return sig ? sig << 8 | code : 0;
}

static bool mapped(unsigned long addr)
{
	struct vm_area_struct *vma;
	bool ret = false;

	mmap_read_lock(current->mm);
	vma = vma_lookup(current->mm, addr);
	if (vma)
		ret = follow_page(vma, addr, FOLL_FORCE) != NULL;
	mmap_read_unlock(current->mm);
	return ret;
}

static void fault_test_no_vma_is_maperr(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, user_fault(0x20000000, 0),
			SIGSEGV << 8 | SEGV_MAPERR);
	KTEST_EXPECT_EQ(test, user_fault(0, X86_PF_WRITE),
			SIGSEGV << 8 | SEGV_MAPERR);
}

static void fault_test_demand_paging(struct ktest *test)
{
	unsigned long a = ktest_mmap_anon(0, PAGE_SIZE, RW, PRIV);

	KTEST_EXPECT_FALSE(test, mapped(a));
	KTEST_EXPECT_EQ(test, user_fault(a + 100, X86_PF_WRITE), 0);
	KTEST_EXPECT_TRUE(test, mapped(a));
	/* A spurious fault on a page that is fine now resolves too. */
	KTEST_EXPECT_EQ(test, user_fault(a, X86_PF_WRITE | X86_PF_PROT), 0);
}

static void fault_test_permissions_are_accerr(struct ktest *test)
{
	unsigned long ro = ktest_mmap_anon(0, PAGE_SIZE, PROT_READ, PRIV);
	unsigned long none = ktest_mmap_anon(0, PAGE_SIZE, PROT_NONE, PRIV);

	KTEST_EXPECT_EQ(test, user_fault(ro, X86_PF_WRITE),
			SIGSEGV << 8 | SEGV_ACCERR);
	KTEST_EXPECT_EQ(test, user_fault(ro, 0), 0);
	KTEST_EXPECT_EQ(test, user_fault(none, 0), SIGSEGV << 8 | SEGV_ACCERR);
	KTEST_EXPECT_FALSE(test, mapped(none));
	/* Executing a present NX page: a protection fault on fetch. */
	KTEST_EXPECT_EQ(test, user_fault(ro, X86_PF_INSTR | X86_PF_PROT),
			SIGSEGV << 8 | SEGV_ACCERR);
}

static void fault_test_stack_growth_and_limit(struct ktest *test)
{
	unsigned long top = 0x7e0000000000;

	current->signal->rlim[RLIMIT_STACK].rlim_cur = 16 * PAGE_SIZE;
	KTEST_ASSERT_EQ(test,
			ktest_mmap_anon(top - PAGE_SIZE, PAGE_SIZE, RW,
					PRIV | MAP_FIXED | MAP_GROWSDOWN),
			top - PAGE_SIZE);
	KTEST_EXPECT_EQ(test, user_fault(top - 16 * PAGE_SIZE, X86_PF_WRITE),
			0);
	KTEST_EXPECT_EQ(test, user_fault(top - 17 * PAGE_SIZE, X86_PF_WRITE),
			SIGSEGV << 8 | SEGV_MAPERR);
	current->signal->rlim[RLIMIT_STACK].rlim_cur = _STK_LIM;
}

static vm_fault_t sigbus_fault(struct vm_fault *vmf)
{
	(void)vmf;
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct sigbus_vm_ops = {
	.fault = sigbus_fault,
};

static int sigbus_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	vma->vm_ops = &sigbus_vm_ops;
	return 0;
}

static const struct file_operations sigbus_fops = { .mmap = sigbus_mmap };
static struct file sigbus_file;

/* A file page that does not exist (past EOF): SIGBUS, BUS_ADRERR. */
static void fault_test_missing_file_page_is_sigbus(struct ktest *test)
{
	unsigned long a;

	memset(&sigbus_file, 0, sizeof(sigbus_file));
	sigbus_file.f_op = &sigbus_fops;
	sigbus_file.f_mode = FMODE_READ;
	atomic_long_set(&sigbus_file.f_count, 1);
	a = vm_mmap(&sigbus_file, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KTEST_EXPECT_EQ(test, user_fault(a, 0), SIGBUS << 8 | BUS_ADRERR);
	KTEST_EXPECT_EQ(test, vm_munmap(a, PAGE_SIZE), 0);
}

static struct ktest_case fault_test_cases[] = {
	KTEST_CASE(fault_test_no_vma_is_maperr),
	KTEST_CASE(fault_test_demand_paging),
	KTEST_CASE(fault_test_permissions_are_accerr),
	KTEST_CASE(fault_test_stack_growth_and_limit),
	KTEST_CASE(fault_test_missing_file_page_is_sigbus),
	{}
};

static struct ktest_suite fault_test_suite = {
	.name = "page_fault",
	.init = ktest_mm_init,
	.exit = ktest_mm_exit,
	.test_cases = fault_test_cases,
};
ktest_suite(fault_test_suite);

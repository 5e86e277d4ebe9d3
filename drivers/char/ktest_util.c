/*
 * Test helpers, see ktest_util.h.  Everything here is for ktests only:
 * the user mapping lives in the shared kernel page tables, so only one
 * test may hold it at a time (ktests run one after another).
 */
#include <ktest/test.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include "ktest_util.h"

static unsigned long user_pages[KTEST_USER_PAGES];
static unsigned long user_block; /* contiguous: one kernel view */
static unsigned long pud_page, pmd_page, pte_page;

void __user *ktest_dev_user_map(struct ktest *test)
{
	pgd_t *pgd = pgd_offset_k(KTEST_USER_BASE);
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
	int i;

	if (!pgd_none(*pgd) || pud_page) {
		ktest_skip(test, "user test slot in use");
		return NULL;
	}
	pud_page = get_zeroed_page(GFP_KERNEL);
	pmd_page = get_zeroed_page(GFP_KERNEL);
	pte_page = get_zeroed_page(GFP_KERNEL);
	user_block = __get_free_pages(GFP_KERNEL | __GFP_ZERO,
				      ilog2(KTEST_USER_PAGES));
	for (i = 0; i < KTEST_USER_PAGES; i++)
		user_pages[i] = user_block ? user_block + i * PAGE_SIZE : 0;
	if (!pud_page || !pmd_page || !pte_page || !user_block) {
		ktest_dev_user_unmap();
		ktest_skip(test, "no memory for the user pages");
		return NULL;
	}
	pud = (pud_t *)pud_page + pud_index(KTEST_USER_BASE);
	pmd = (pmd_t *)pmd_page + pmd_index(KTEST_USER_BASE);
	pte = (pte_t *)pte_page + pte_index(KTEST_USER_BASE);
	for (i = 0; i < KTEST_USER_PAGES; i++)
		set_pte(pte + i, __pte(__pa(user_pages[i]) | _PAGE_PRESENT |
				       _PAGE_RW | _PAGE_USER));
	set_pmd(pmd, __pmd(__pa(pte_page) | _PAGE_TABLE));
	set_pud(pud, __pud(__pa(pmd_page) | _PAGE_TABLE));
	set_pgd(pgd, __pgd(__pa(pud_page) | _PAGE_TABLE));
	return (void __user *)KTEST_USER_BASE;
}

void ktest_dev_user_unmap(void)
{
	pgd_t *pgd = pgd_offset_k(KTEST_USER_BASE);

	if (pud_page)
		set_pgd(pgd, __pgd(0));
	flush_tlb_kernel_range(KTEST_USER_BASE,
			       KTEST_USER_BASE + KTEST_USER_PAGES * PAGE_SIZE);
	if (user_block)
		free_pages(user_block, ilog2(KTEST_USER_PAGES));
	user_block = 0;
	for (int i = 0; i < KTEST_USER_PAGES; i++)
		user_pages[i] = 0;
	if (pte_page)
		free_page(pte_page);
	if (pmd_page)
		free_page(pmd_page);
	if (pud_page)
		free_page(pud_page);
	pud_page = pmd_page = pte_page = 0;
}

void *ktest_dev_user_kaddr(const void __user *p)
{
	return (void *)(user_block + ((unsigned long)p - KTEST_USER_BASE));
}

struct file *ktest_chrdev_open(dev_t dev, unsigned int flags)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	int err;

	if (!inode || !file) {
		kfree(inode);
		kfree(file);
		return ERR_PTR(-ENOMEM);
	}
	inode->i_mode = S_IFCHR | 0666;
	inode->i_rdev = dev;
	file->f_inode = inode;
	file->f_flags = flags;
	if ((flags & O_ACCMODE) != O_WRONLY)
		file->f_mode |= FMODE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		file->f_mode |= FMODE_WRITE;
	mutex_init(&file->f_pos_lock);
	spin_lock_init(&file->f_lock);
	file->f_op = &def_chr_fops;
	err = file->f_op->open(inode, file);
	if (err) {
		kfree(inode);
		kfree(file);
		return ERR_PTR(err);
	}
	return file;
}

void ktest_chrdev_close(struct file *file)
{
	if (IS_ERR_OR_NULL(file))
		return;
	if (file->f_op->release)
		file->f_op->release(file->f_inode, file);
	kfree(file->f_inode);
	kfree(file);
}

/*
 * The job-control identity the calling kthread had before
 * ktest_signal_begin().  The kthread's own signal_struct is changed in
 * place rather than replaced: it is a real one (refcounted, on the
 * signal code's lists, with rlimits that children copy), and the
 * kthread may be pid 1, whose signal_struct must survive the tests.
 */
static struct {
	bool active;
	pid_t pgrp, session;
	int leader;
	struct tty_struct *tty; /* its reference stays with the saved state */
} saved_job;

/**
 * ktest_signal_begin - make current the leader of session and group @id.
 * @id: the session and process group id
 * @leader: 1 for a session leader (the open of a tty can make it the
 *	controlling tty), 0 otherwise
 *
 * Process context.  Current starts without a controlling tty.  Calling
 * it again before ktest_signal_end() drops the tty the first call's
 * session took and keeps the first saved state.
 */
void ktest_signal_begin(pid_t id, int leader)
{
	struct signal_struct *sig = current->signal;

	if (!sig)
		return;
	if (!saved_job.active) {
		saved_job.pgrp = sig->pgrp;
		saved_job.session = sig->session;
		saved_job.leader = sig->leader;
		saved_job.tty = sig->tty;
		WRITE_ONCE(sig->tty, NULL);
		saved_job.active = true;
	} else {
		proc_clear_tty(current);
	}
	sig->pgrp = id;
	sig->session = id;
	sig->leader = leader;
}

/**
 * ktest_signal_end - undo ktest_signal_begin(); a no-op without one.
 *
 * Drops the controlling tty the test session took and gives current
 * back its own group, session and tty.
 */
void ktest_signal_end(void)
{
	struct signal_struct *sig = current->signal;

	if (!saved_job.active || !sig)
		return;
	proc_clear_tty(current);
	sig->pgrp = saved_job.pgrp;
	sig->session = saved_job.session;
	sig->leader = saved_job.leader;
	WRITE_ONCE(sig->tty, saved_job.tty);
	saved_job.tty = NULL;
	saved_job.active = false;
}

/*
 * The memory views of a process: the Vm* lines of status, statm, maps
 * and smaps_rollup.  Counters come from the mm (rss_stat, total_vm...);
 * maps walks the VMA list under mmap_lock.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "internal.h"

static void seq_put_kb(struct seq_file *m, const char *label,
		       unsigned long pages)
{
	seq_printf(m, "%s%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

/**
 * task_mem - the Vm*, Rss* lines of /proc/<pid>/status for @mm.
 * @m: the file
 * @mm: referenced by the caller
 */
void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long total_vm = READ_ONCE(mm->total_vm);
	unsigned long total_rss = anon + file + shmem;
	unsigned long hiwater_vm = max(total_vm, mm->hiwater_vm);
	unsigned long hiwater_rss = max(total_rss, mm->hiwater_rss);
	unsigned long text, lib;

	text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	text = min(text, mm->exec_vm << PAGE_SHIFT);
	lib = (mm->exec_vm << PAGE_SHIFT) - text;

	seq_put_kb(m, "VmPeak:\t", hiwater_vm);
	seq_put_kb(m, "VmSize:\t", total_vm);
	seq_put_kb(m, "VmLck:\t", mm->locked_vm);
	seq_put_kb(m, "VmPin:\t", 0);
	seq_put_kb(m, "VmHWM:\t", hiwater_rss);
	seq_put_kb(m, "VmRSS:\t", total_rss);
	seq_put_kb(m, "RssAnon:\t", anon);
	seq_put_kb(m, "RssFile:\t", file);
	seq_put_kb(m, "RssShmem:\t", shmem);
	seq_put_kb(m, "VmData:\t", mm->data_vm);
	seq_put_kb(m, "VmStk:\t", mm->stack_vm);
	seq_printf(m, "VmExe:\t%8lu kB\n", text >> 10);
	seq_printf(m, "VmLib:\t%8lu kB\n", lib >> 10);
	seq_printf(m, "VmPTE:\t%8lu kB\n",
		   atomic_long_read(&mm->pgtables_bytes) >> 10);
	seq_put_kb(m, "VmSwap:\t", get_mm_counter(mm, MM_SWAPENTS));
	seq_puts(m, "HugetlbPages:\t       0 kB\n");
}

/** task_vsize - the size of @mm's mappings in bytes (stat's vsize). */
unsigned long task_vsize(struct mm_struct *mm)
{
	return PAGE_SIZE * READ_ONCE(mm->total_vm);
}

/**
 * task_statm - statm's numbers in pages; returns the total size.
 */
unsigned long task_statm(struct mm_struct *mm, unsigned long *shared,
			 unsigned long *text, unsigned long *data,
			 unsigned long *resident)
{
	*shared = get_mm_counter(mm, MM_FILEPAGES) +
		  get_mm_counter(mm, MM_SHMEMPAGES);
	*text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >>
		PAGE_SHIFT;
	*data = mm->data_vm + mm->stack_vm;
	*resident = *shared + get_mm_counter(mm, MM_ANONPAGES);
	return mm->total_vm;
}

/* --- maps -------------------------------------------------------------- */

/*
 * The open file holds the mm structure (mm_count), not the address
 * space: a read takes a user reference only while it walks.
 */
struct proc_maps_private {
	struct mm_struct *mm;
	bool locked; /* start took mmap_lock and a user reference */
};

/*
 * stop() is called with v NULL too (after the last record), so what to
 * undo is remembered here, not guessed from v.
 */
static bool maps_lock_mm(struct proc_maps_private *priv)
{
	if (!priv->mm || !mmget_not_zero(priv->mm))
		return false;
	mmap_read_lock(priv->mm);
	priv->locked = true;
	return true;
}

static void maps_unlock_mm(struct proc_maps_private *priv)
{
	if (!priv->locked)
		return;
	priv->locked = false;
	mmap_read_unlock(priv->mm);
	mmput(priv->mm);
}

static void *m_start(struct seq_file *m, loff_t *ppos)
{
	struct proc_maps_private *priv = m->private;
	struct mm_struct *mm = priv->mm;
	struct vm_area_struct *vma;
	loff_t pos = *ppos;

	if (!maps_lock_mm(priv))
		return NULL;
	list_for_each_entry(vma, &mm->mmap_list, vm_list)
		if (pos-- == 0)
			return vma;
	maps_unlock_mm(priv);
	return NULL;
}

static void *m_next(struct seq_file *m, void *v, loff_t *ppos)
{
	struct vm_area_struct *vma = v;

	++*ppos;
	if (vma->vm_list.next == &vma->vm_mm->mmap_list)
		return NULL;
	return list_next_entry(vma, vm_list);
}

static void m_stop(struct seq_file *m, void *v)
{
	maps_unlock_mm(m->private);
}

/* The bracketed name of an anonymous area, or NULL. */
static const char *vma_special_name(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_ops && vma->vm_ops->name) {
		const char *name = vma->vm_ops->name(vma);

		if (name)
			return name;
	}
	if (vma->vm_file)
		return NULL;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk &&
	    mm->brk != 0)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/* Where the name column starts: Linux's 25 + 6 pointer widths - 1. */
#define MAPS_NAME_COLUMN (25 + sizeof(void *) * 6 - 1)

static void show_vma_header_prefix(struct seq_file *m, unsigned long start,
				   unsigned long end, unsigned long flags,
				   unsigned long long pgoff, dev_t dev,
				   unsigned long ino)
{
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ", start, end,
		   flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		   pgoff, MAJOR(dev), MINOR(dev), ino);
}

static int show_map(struct seq_file *m, void *v)
{
	struct vm_area_struct *vma = v;
	struct file *file = vma->vm_file;
	unsigned long long pgoff = 0;
	unsigned long ino = 0;
	const char *name;
	dev_t dev = 0;

	if (file) {
		struct inode *inode = file_inode(file);

		dev = inode->i_sb->s_dev;
		ino = inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	}
	show_vma_header_prefix(m, vma->vm_start, vma->vm_end, vma->vm_flags,
			       pgoff, dev, ino);
	name = vma_special_name(vma);
	if (file && !name) {
		seq_pad(m, ' ', MAPS_NAME_COLUMN);
		seq_putc(m, ' ');
		seq_path(m, &file->f_path, "\n");
	} else if (name) {
		seq_pad(m, ' ', MAPS_NAME_COLUMN);
		seq_putc(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations proc_pid_maps_op = {
	.start = m_start,
	.next = m_next,
	.stop = m_stop,
	.show = show_map,
};

/* Open a per-mm seq_file: ptrace access, then hold the mm structure. */
static int proc_maps_open(struct inode *inode, struct file *file,
			  const struct seq_operations *ops)
{
	struct task_struct *task = get_proc_task(inode);
	struct proc_maps_private *priv;
	struct mm_struct *mm;
	bool ok;

	if (!task)
		return -ESRCH;
	ok = proc_may_access(task);
	mm = ok ? get_task_mm(task) : NULL;
	put_task_struct(task);
	if (!ok)
		return -EACCES;
	priv = __seq_open_private(file, ops, sizeof(*priv));
	if (!priv) {
		if (mm)
			mmput(mm);
		return -ENOMEM;
	}
	if (mm) {
		mmgrab(mm);
		mmput(mm);
	}
	priv->mm = mm;
	return 0;
}

static int proc_map_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;
	struct proc_maps_private *priv = m->private;

	if (priv->mm)
		mmdrop(priv->mm);
	return seq_release_private(inode, file);
}

static int pid_maps_open(struct inode *inode, struct file *file)
{
	return proc_maps_open(inode, file, &proc_pid_maps_op);
}

const struct file_operations proc_pid_maps_operations = {
	.open = pid_maps_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = proc_map_release,
};

/* --- smaps_rollup ------------------------------------------------------ */

/*
 * One record for the whole address space.  Without reverse mapping,
 * a page's sharers are not known: Pss equals Rss, and the counters say
 * which pages are anonymous, file or shmem.
 */
static void *smaps_rollup_start(struct seq_file *m, loff_t *ppos)
{
	struct proc_maps_private *priv = m->private;

	if (*ppos || !maps_lock_mm(priv))
		return NULL;
	return priv->mm;
}

static void *smaps_rollup_next(struct seq_file *m, void *v, loff_t *ppos)
{
	++*ppos;
	return NULL;
}

static void smaps_rollup_stop(struct seq_file *m, void *v)
{
	maps_unlock_mm(m->private);
}

static void seq_rollup_kb(struct seq_file *m, const char *label,
			  unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

static int show_smaps_rollup(struct seq_file *m, void *v)
{
	struct mm_struct *mm = v;
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long rss = anon + file + shmem;
	struct vm_area_struct *first, *last;

	if (list_empty(&mm->mmap_list))
		return 0;
	first = list_first_entry(&mm->mmap_list, struct vm_area_struct,
				 vm_list);
	last = list_last_entry(&mm->mmap_list, struct vm_area_struct, vm_list);
	show_vma_header_prefix(m, first->vm_start, last->vm_end, 0, 0, 0, 0);
	seq_pad(m, ' ', MAPS_NAME_COLUMN);
	seq_puts(m, " [rollup]\n");
	seq_rollup_kb(m, "Rss:", rss);
	seq_rollup_kb(m, "Pss:", rss);
	seq_rollup_kb(m, "Pss_Anon:", anon);
	seq_rollup_kb(m, "Pss_File:", file);
	seq_rollup_kb(m, "Pss_Shmem:", shmem);
	seq_rollup_kb(m, "Shared_Clean:", 0);
	seq_rollup_kb(m, "Shared_Dirty:", 0);
	seq_rollup_kb(m, "Private_Clean:", file);
	seq_rollup_kb(m, "Private_Dirty:", anon + shmem);
	seq_rollup_kb(m, "Referenced:", rss);
	seq_rollup_kb(m, "Anonymous:", anon);
	seq_rollup_kb(m, "LazyFree:", 0);
	seq_rollup_kb(m, "AnonHugePages:", 0);
	seq_rollup_kb(m, "ShmemPmdMapped:", 0);
	seq_rollup_kb(m, "FilePmdMapped:", 0);
	seq_rollup_kb(m, "Shared_Hugetlb:", 0);
	seq_rollup_kb(m, "Private_Hugetlb:", 0);
	seq_rollup_kb(m, "Swap:", get_mm_counter(mm, MM_SWAPENTS));
	seq_rollup_kb(m, "SwapPss:", 0);
	seq_rollup_kb(m, "Locked:", mm->locked_vm);
	return 0;
}

static const struct seq_operations proc_pid_smaps_rollup_op = {
	.start = smaps_rollup_start,
	.next = smaps_rollup_next,
	.stop = smaps_rollup_stop,
	.show = show_smaps_rollup,
};

static int smaps_rollup_open(struct inode *inode, struct file *file)
{
	return proc_maps_open(inode, file, &proc_pid_smaps_rollup_op);
}

const struct file_operations proc_pid_smaps_rollup_operations = {
	.open = smaps_rollup_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = proc_map_release,
};

/*
 * The ELF loader: static executables (ET_EXEC), static-PIE and PIE
 * executables (ET_DYN), and dynamically linked ones, whose PT_INTERP
 * names the dynamic loader that is mapped alongside and started
 * instead of the program.
 *
 * Each PT_LOAD segment becomes a private file mapping of its pages; the
 * part of its last page past p_filesz is zeroed and the rest of
 * p_memsz (.bss) is anonymous memory.  Then the stack gets the strings,
 * the 16 AT_RANDOM bytes and, below them, what the process finds at
 * %rsp on entry: argc, argv[], NULL, envp[], NULL, the auxiliary
 * vector (seed 000's picture of the top of the user address space).
 */
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <uapi/linux/limits.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/elf.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

/* Where an ET_DYN program goes: 2/3 of the way up, as x86_64 Linux. */
#define ELF_ET_DYN_BASE ((TASK_SIZE_MAX / 3 * 2) & PAGE_MASK)
#define ELF_PLATFORM "x86_64"
#define USER_HZ 100
#define ELF_MIN_ALIGN PAGE_SIZE
#define ELF_PAGESTART(v) ((v) & ~(unsigned long)(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v) ((v) & (ELF_MIN_ALIGN - 1))
#define ELF_PAGEALIGN(v) (((v) + ELF_MIN_ALIGN - 1) & ~(ELF_MIN_ALIGN - 1))
#define AUXV_MAX 24 /* pairs, AT_NULL included */

static bool elf_check_header(const Elf64_Ehdr *eh)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return false;
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT)
		return false;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return false;
	if (eh->e_machine != EM_X86_64)
		return false;
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return false;
	if (eh->e_phnum < 1 || eh->e_phnum > 65536U / sizeof(Elf64_Phdr))
		return false;
	return true;
}

/* Read the program headers of @file; -EIO on a short file. */
static Elf64_Phdr *elf_read_phdrs(const Elf64_Ehdr *eh, struct file *file)
{
	size_t size = eh->e_phnum * sizeof(Elf64_Phdr);
	Elf64_Phdr *phdrs = kmalloc(size, GFP_KERNEL);
	loff_t pos = eh->e_phoff;
	ssize_t n;

	if (!phdrs)
		return ERR_PTR(-ENOMEM);
	n = kernel_read(file, phdrs, size, &pos);
	if (n != (ssize_t)size) {
		kfree(phdrs);
		return ERR_PTR(n < 0 ? n : -EIO);
	}
	return phdrs;
}

static unsigned long elf_prot(u32 p_flags)
{
	unsigned long prot = 0;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	return prot;
}

/* The span of the PT_LOAD segments: [*lo, return) unaligned end. */
static unsigned long elf_load_span(const Elf64_Phdr *ph, int n,
				   unsigned long *lo)
{
	unsigned long min = ~0UL, max = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_vaddr < min)
			min = ph[i].p_vaddr;
		if (ph[i].p_vaddr + ph[i].p_memsz > max)
			max = ph[i].p_vaddr + ph[i].p_memsz;
	}
	*lo = ELF_PAGESTART(min);
	return max;
}

/*
 * Map one PT_LOAD segment at @bias + p_vaddr: file pages, then zero the
 * tail of the last file page and map anonymous pages for the rest.
 */
static int elf_map_segment(struct file *file, const Elf64_Phdr *ph,
			   unsigned long bias)
{
	unsigned long addr = bias + ph->p_vaddr;
	unsigned long start = ELF_PAGESTART(addr);
	unsigned long file_end = addr + ph->p_filesz;
	unsigned long mem_end = addr + ph->p_memsz;
	unsigned long prot = elf_prot(ph->p_flags);
	unsigned long ret;

	if (ph->p_filesz > ph->p_memsz ||
	    ELF_PAGEOFFSET(ph->p_vaddr) != ELF_PAGEOFFSET(ph->p_offset) ||
	    mem_end < addr || mem_end > TASK_SIZE_MAX)
		return -EINVAL;
	if (ph->p_filesz) {
		ret = vm_mmap(file, start, file_end - start, prot,
			      MAP_PRIVATE | MAP_FIXED,
			      ph->p_offset - ELF_PAGEOFFSET(ph->p_vaddr));
		if (IS_ERR_VALUE(ret))
			return (long)ret;
	}
	if (mem_end > file_end) {
		unsigned long zero_end = ELF_PAGEALIGN(file_end);

		/* .bss begins inside the last file page: clear that part. */
		if (ph->p_filesz && ELF_PAGEOFFSET(file_end)) {
			if (!(prot & PROT_WRITE))
				return -EINVAL;
			if (clear_user((void __user *)file_end,
				       min(zero_end, mem_end) - file_end))
				return -EFAULT;
		} else if (!ph->p_filesz) {
			zero_end = start;
		}
		if (ELF_PAGEALIGN(mem_end) > zero_end) {
			ret = vm_mmap(NULL, zero_end,
				      ELF_PAGEALIGN(mem_end) - zero_end, prot,
				      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				      0);
			if (IS_ERR_VALUE(ret))
				return (long)ret;
		}
	}
	return 0;
}

/*
 * Map the dynamic loader wherever the mmap layout puts it; return its
 * load bias (its base, as AT_BASE) or an error value.
 */
static unsigned long load_elf_interp(const Elf64_Ehdr *eh,
				     const Elf64_Phdr *ph, struct file *file)
{
	unsigned long lo, hi, base, bias;
	int i, err;

	hi = elf_load_span(ph, eh->e_phnum, &lo);
	if (hi <= lo)
		return -EINVAL;
	/* Reserve the whole span so the segments land together. */
	base = vm_mmap(NULL, eh->e_type == ET_DYN ? 0 : lo,
		       ELF_PAGEALIGN(hi) - lo, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS |
			       (eh->e_type == ET_DYN ? 0 : MAP_FIXED),
		       0);
	if (IS_ERR_VALUE(base))
		return base;
	bias = base - lo;
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = elf_map_segment(file, &ph[i], bias);
		if (err)
			return err;
	}
	return bias;
}

/* Linux's AT_HWCAP on x86: CPUID.1:EDX. */
static unsigned long elf_hwcap(void)
{
	return boot_cpu_data.x86_capability[1];
}

/* Copy @len bytes to just below *@sp on the new stack. */
static int stack_push(unsigned long *sp, const void *data, size_t len)
{
	*sp -= len;
	return copy_to_user((void __user *)*sp, data, len) ? -EFAULT : 0;
}

/* Write the pointers to the @n strings starting at user address @p. */
static int put_string_ptrs(unsigned long __user **slot, unsigned long p,
			   const struct binprm_strings *s)
{
	unsigned long off = 0;
	int i;

	for (i = 0; i < s->count; i++) {
		if (put_user(p + off, (*slot)++))
			return -EFAULT;
		off += strlen(s->buf + off) + 1;
	}
	return put_user(0UL, (*slot)++) ? -EFAULT : 0;
}

/*
 * Build the initial stack; @auxv holds the pairs known so far and room
 * for the ones that point into the stack.  Returns the new %rsp.
 */
static long create_elf_tables(struct linux_binprm *bprm, unsigned long *auxv,
			      int auxc)
{
	struct mm_struct *mm = current->mm;
	unsigned long sp = bprm->p, execfn, platform, random, items;
	unsigned long __user *slot;
	u8 rand[16];
	int err;

	err = stack_push(&sp, bprm->filename, strlen(bprm->filename) + 1);
	execfn = sp;
	if (!err)
		err = stack_push(&sp, bprm->envp.buf, bprm->envp.len);
	mm->env_start = sp;
	mm->env_end = sp + bprm->envp.len;
	if (!err)
		err = stack_push(&sp, bprm->argv.buf, bprm->argv.len);
	mm->arg_start = sp;
	mm->arg_end = sp + bprm->argv.len;
	get_random_bytes(rand, sizeof(rand));
	if (!err)
		err = stack_push(&sp, rand, sizeof(rand));
	random = sp;
	if (!err)
		err = stack_push(&sp, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	platform = sp;
	if (err)
		return err;

	auxv[auxc++] = AT_PLATFORM;
	auxv[auxc++] = platform;
	auxv[auxc++] = AT_RANDOM;
	auxv[auxc++] = random;
	auxv[auxc++] = AT_EXECFN;
	auxv[auxc++] = execfn;
	auxv[auxc++] = AT_NULL;
	auxv[auxc++] = 0;
	memcpy(mm->saved_auxv, auxv,
	       min(sizeof(mm->saved_auxv), auxc * sizeof(unsigned long)));

	/* argc, argv[], NULL, envp[], NULL, auxv: %rsp 16-byte aligned. */
	items = 1 + bprm->argv.count + 1 + bprm->envp.count + 1 + auxc;
	sp = (sp & ~15UL) - items * sizeof(unsigned long);
	sp &= ~15UL;
	slot = (unsigned long __user *)sp;
	if (put_user((unsigned long)bprm->argv.count, slot++))
		return -EFAULT;
	if (put_string_ptrs(&slot, mm->arg_start, &bprm->argv) ||
	    put_string_ptrs(&slot, mm->env_start, &bprm->envp))
		return -EFAULT;
	if (copy_to_user(slot, auxv, auxc * sizeof(unsigned long)))
		return -EFAULT;
	return sp;
}

static int load_elf_binary(struct linux_binprm *bprm)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)bprm->buf;
	Elf64_Ehdr interp_eh;
	Elf64_Phdr *ph, *interp_ph = NULL;
	struct file *interp_file = NULL;
	unsigned long bias = 0, interp_bias = 0, lo, hi, entry, phdr_addr = 0;
	unsigned long start_code = ~0UL, end_code = 0, start_data = ~0UL;
	unsigned long end_data = 0, auxv[2 * AUXV_MAX];
	struct pt_regs *regs = current_pt_regs();
	bool exec_stack = false;
	int i, auxc = 0, err;
	long sp;

	if (!elf_check_header(eh))
		return -ENOEXEC;
	ph = elf_read_phdrs(eh, bprm->file);
	if (IS_ERR(ph))
		return PTR_ERR(ph);

	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_GNU_STACK)
			exec_stack = ph[i].p_flags & PF_X;
		if (ph[i].p_type != PT_INTERP || interp_file)
			continue;
		err = -ENOEXEC;
		if (ph[i].p_filesz < 2 || ph[i].p_filesz > PATH_MAX)
			goto out;
		{
			char *name = kmalloc(ph[i].p_filesz, GFP_KERNEL);
			loff_t pos = ph[i].p_offset;
			ssize_t n;

			err = -ENOMEM;
			if (!name)
				goto out;
			n = kernel_read(bprm->file, name, ph[i].p_filesz, &pos);
			if (n != (ssize_t)ph[i].p_filesz ||
			    name[n - 1] != '\0') {
				kfree(name);
				err = n < 0 ? n : -ENOEXEC;
				goto out;
			}
			interp_file = open_exec(name);
			kfree(name);
		}
		if (IS_ERR(interp_file)) {
			err = PTR_ERR(interp_file);
			interp_file = NULL;
			goto out;
		}
		{
			loff_t pos = 0;
			ssize_t n = kernel_read(interp_file, &interp_eh,
						sizeof(interp_eh), &pos);

			err = -ENOEXEC;
			if (n != sizeof(interp_eh) ||
			    !elf_check_header(&interp_eh))
				goto out;
		}
		interp_ph = elf_read_phdrs(&interp_eh, interp_file);
		if (IS_ERR(interp_ph)) {
			err = PTR_ERR(interp_ph);
			interp_ph = NULL;
			goto out;
		}
	}

	/* The point of no return. */
	bprm->executable_stack = exec_stack;
	err = begin_new_exec(bprm);
	if (err)
		goto out;
	setup_new_exec(bprm);
	err = setup_arg_pages(bprm, STACK_TOP);
	if (err)
		goto out;

	hi = elf_load_span(ph, eh->e_phnum, &lo);
	err = -ENOEXEC;
	if (hi <= lo)
		goto out;
	if (eh->e_type == ET_DYN)
		bias = ELF_ET_DYN_BASE - lo;
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *p = &ph[i];

		if (p->p_type == PT_PHDR)
			phdr_addr = bias + p->p_vaddr;
		if (p->p_type != PT_LOAD)
			continue;
		err = elf_map_segment(bprm->file, p, bias);
		if (err)
			goto out;
		if (!phdr_addr && p->p_offset <= eh->e_phoff &&
		    eh->e_phoff < p->p_offset + p->p_filesz)
			phdr_addr = bias + p->p_vaddr +
				    (eh->e_phoff - p->p_offset);
		if (p->p_flags & PF_X) {
			start_code = min(start_code, bias + p->p_vaddr);
			end_code = max(end_code, bias + p->p_vaddr + p->p_filesz);
		} else {
			start_data = min(start_data, bias + p->p_vaddr);
			end_data = max(end_data, bias + p->p_vaddr + p->p_filesz);
		}
	}
	entry = bias + eh->e_entry;
	if (interp_file) {
		interp_bias = load_elf_interp(&interp_eh, interp_ph, interp_file);
		if (IS_ERR_VALUE(interp_bias)) {
			err = (long)interp_bias;
			goto out;
		}
		entry = interp_bias + interp_eh.e_entry;
	}

	current->mm->start_code = start_code == ~0UL ? 0 : start_code;
	current->mm->end_code = end_code;
	current->mm->start_data = start_data == ~0UL ? 0 : start_data;
	current->mm->end_data = end_data;
	current->mm->start_brk = current->mm->brk = ELF_PAGEALIGN(bias + hi);
	/* Without a vDSO a program still runs: it just makes syscalls. */
	if (arch_setup_additional_pages(bprm, !!interp_file))
		current->mm->vdso_base = 0;

#define NEW_AUX_ENT(id, val)            \
	do {                            \
		auxv[auxc++] = (id);    \
		auxv[auxc++] = (val);   \
	} while (0)
	if (current->mm->vdso_base)
		NEW_AUX_ENT(AT_SYSINFO_EHDR, current->mm->vdso_base);
	NEW_AUX_ENT(AT_MINSIGSTKSZ, MINSIGSTKSZ);
	NEW_AUX_ENT(AT_HWCAP, elf_hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, USER_HZ);
	NEW_AUX_ENT(AT_PHDR, phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, eh->e_phnum);
	NEW_AUX_ENT(AT_BASE, interp_file ? interp_bias : 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bias + eh->e_entry);
	NEW_AUX_ENT(AT_UID, current_uid());
	NEW_AUX_ENT(AT_EUID, current_euid());
	NEW_AUX_ENT(AT_GID, current_gid());
	NEW_AUX_ENT(AT_EGID, current_egid());
	NEW_AUX_ENT(AT_SECURE, bprm->secureexec);
	NEW_AUX_ENT(AT_HWCAP2, 0);
#undef NEW_AUX_ENT
	sp = create_elf_tables(bprm, auxv, auxc);
	if (sp < 0) {
		err = sp;
		goto out;
	}
	start_thread(regs, entry, sp);
	err = 0;
out:
	kfree(interp_ph);
	if (interp_file)
		fput(interp_file);
	kfree(ph);
	return err;
}

static struct linux_binfmt elf_format = {
	.name = "elf",
	.load_binary = load_elf_binary,
};

static int __init init_elf_binfmt(void)
{
	register_binfmt(&elf_format);
	return 0;
}
core_initcall(init_elf_binfmt);

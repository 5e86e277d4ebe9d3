#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

/*
 * execve (fs/exec.c) and the binary formats it tries in turn: ELF
 * (fs/binfmt_elf.c) and "#!" scripts (fs/binfmt_script.c).
 *
 * The argument and environment strings are copied out of the old
 * address space into kernel buffers first, because the old address
 * space is gone by the time the new stack is built.
 */
#include <linux/types.h>
#include <linux/list.h>

struct file;
struct mm_struct;
struct cred;

#define BINPRM_BUF_SIZE 256
#define MAX_ARG_STRLEN (PAGE_SIZE * 32) /* one string */
#define MAX_ARG_STRINGS 0x7FFFFFFF
#define BINPRM_MAX_RECURSION 4 /* #! interpreters of #! interpreters */

/* A growable block of NUL-terminated strings. */
struct binprm_strings {
	char *buf;
	unsigned long len; /* bytes used */
	unsigned long cap;
	int count;
};

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE]; /* the file's first bytes */
	struct file *file; /* what is being run now */
	struct file *executable; /* the file named by execve (for scripts) */
	struct mm_struct *mm; /* the new address space */
	const char *filename; /* name as given (AT_EXECFN) */
	const char *interp; /* name of the file actually run */
	struct binprm_strings argv, envp;
	unsigned long total_strings; /* bytes of all strings: E2BIG check */
	int recursion_depth;
	int point_of_no_return; /* the old image is gone: failures kill */
	int secureexec; /* AT_SECURE: set-id exec */
	int executable_stack; /* PT_GNU_STACK asked for PF_X */
	struct cred *cred; /* credentials for the new image */
	unsigned long rlim_stack_cur;
	unsigned long p; /* stack top while it is built */
};

struct linux_binfmt {
	struct list_head lh;
	const char *name;
	int (*load_binary)(struct linux_binprm *);
};

void register_binfmt(struct linux_binfmt *fmt);

/* fs/exec.c, for the binary formats. */
int begin_new_exec(struct linux_binprm *bprm);
void setup_new_exec(struct linux_binprm *bprm);
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top);
int create_elf_tables_stack(struct linux_binprm *bprm, unsigned long *auxv,
			    int auxc, unsigned long *sp_out);
int bprm_change_interp(const char *interp, struct linux_binprm *bprm);
int bprm_prepend_arg(struct linux_binprm *bprm, const char *arg);
void bprm_remove_first_arg(struct linux_binprm *bprm);
struct file *open_exec(const char *name);
int prepare_binprm(struct linux_binprm *bprm);

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp);
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

#endif /* _LINUX_BINFMTS_H */

#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

/*
 * The syscall table (arch/x86/entry/syscall_64.c) and the record of the
 * syscalls user programs asked for but nobody implemented.
 */
#include <linux/syscalls.h>
#include <asm/unistd.h>

struct seq_file;

extern const sys_call_ptr_t sys_call_table[NR_syscalls];
extern const char *const sys_call_names[NR_syscalls];

long sys_ni_syscall_nr(unsigned int nr);
void show_unimplemented_syscalls(struct seq_file *m);

#endif /* _ASM_X86_SYSCALL_H */

#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

/* Longest symbol name, and longest "name+0xoff/0xsize" line, with NUL. */
#define KSYM_NAME_LEN 128
#define KSYM_SYMBOL_LEN 256

/* kernel/kallsyms.c: the kernel's own text symbols. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symsize,
			    unsigned long *offset);
unsigned long kallsyms_lookup_name(const char *name);

/*
 * Describe a kernel address as "name+0xoff/0xsize" (or just "name") in
 * @buf, which holds KSYM_SYMBOL_LEN bytes; an address outside every
 * symbol is printed as hex.  They return the length written.
 * vsprintf's %pS and %ps call them.
 */
int sprint_symbol(char *buf, unsigned long addr);
int sprint_symbol_no_offset(char *buf, unsigned long addr);

#endif /* _LINUX_KALLSYMS_H */

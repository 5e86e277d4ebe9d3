#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

/*
 * The exception table: pairs (faulting instruction, fixup) for the few
 * instructions allowed to fault in kernel mode -- the uaccess helpers
 * and the *_nofault accessors.  A fault at such an instruction resumes
 * at its fixup instead of oopsing.  Addresses are stored relative to
 * the entry, so the table needs no relocation.
 */
#define _ASM_EXTABLE(from, to)              \
	" .pushsection __ex_table, \"a\"\n" \
	" .balign 4\n"                      \
	" .long (" #from ") - .\n"          \
	" .long (" #to ") - .\n"            \
	" .popsection\n"

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct exception_table_entry {
	int insn;
	int fixup;
};

struct pt_regs;

/* If @regs->ip has a fixup, move there and return true. */
bool fixup_exception(struct pt_regs *regs);
const struct exception_table_entry *search_exception_tables(unsigned long addr);
void sort_main_extable(void);
#endif

#endif /* _ASM_X86_EXTABLE_H */

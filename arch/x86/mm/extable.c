/*
 * Exception-table lookup (see asm/extable.h).  The table is sorted once
 * at boot, then searched by binary search from the fault handlers.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sort.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

extern struct exception_table_entry __start___ex_table[];
extern struct exception_table_entry __stop___ex_table[];

static unsigned long ex_insn_addr(const struct exception_table_entry *e)
{
	return (unsigned long)&e->insn + e->insn;
}

static unsigned long ex_fixup_addr(const struct exception_table_entry *e)
{
	return (unsigned long)&e->fixup + e->fixup;
}

static int cmp_ex_sort(const void *a, const void *b)
{
	unsigned long x = ex_insn_addr(a), y = ex_insn_addr(b);

	return x < y ? -1 : x > y;
}

/* Moving an entry changes what its relative offsets point at: adjust. */
static void swap_ex(void *a, void *b, int size)
{
	struct exception_table_entry *x = a, *y = b, tmp = *x;
	int delta = (char *)b - (char *)a;

	x->insn = y->insn + delta;
	x->fixup = y->fixup + delta;
	y->insn = tmp.insn - delta;
	y->fixup = tmp.fixup - delta;
}

/**
 * sort_main_extable - sort the kernel's exception table by address.
 *
 * Boot, before the first fault that needs it.
 */
void __init sort_main_extable(void)
{
	sort(__start___ex_table, __stop___ex_table - __start___ex_table,
	     sizeof(struct exception_table_entry), cmp_ex_sort, swap_ex);
}

/**
 * search_exception_tables - the exception-table entry for @addr.
 * @addr: the address of a faulting instruction
 *
 * Any context.  NULL if the instruction has no fixup, i.e. is not one
 * of the few allowed to fault (uaccess, *_nofault).
 */
const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *lo = __start___ex_table;
	const struct exception_table_entry *hi = __stop___ex_table;

	while (lo < hi) {
		const struct exception_table_entry *mid = lo + (hi - lo) / 2;
		unsigned long insn = ex_insn_addr(mid);

		if (insn == addr)
			return mid;
		if (insn < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/**
 * fixup_exception - resume a faulting kernel instruction at its fixup.
 * @regs: the fault's context
 *
 * From the #PF and #GP handlers.  Returns true if @regs now points at
 * the fixup code.
 */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e =
		search_exception_tables(regs->ip);

	if (!e)
		return false;
	regs->ip = ex_fixup_addr(e);
	return true;
}

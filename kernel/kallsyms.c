/*
 * Symbol lookup for backtraces and %pS.  The table is generated from
 * the first link of the kernel by scripts/kallsyms.py and linked into
 * the second: sorted addresses of every text symbol, plus offsets of
 * their names in one string blob.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];

/* Index of the last symbol at or below @addr, or -1. */
static long kallsyms_index(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

/**
 * kallsyms_lookup - name the function that contains @addr.
 * @addr: a kernel text address
 * @symsize: if not NULL, receives the symbol's size
 * @offset: if not NULL, receives @addr's offset into it
 *
 * Any context.  Returns the name, or NULL when @addr is not kernel text.
 * The last table entry is the end of text, so every real symbol has a
 * successor that bounds its size.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symsize,
			    unsigned long *offset)
{
	long i = kallsyms_index(addr);

	if (i < 0 || i + 1 >= (long)kallsyms_num_syms)
		return NULL;
	if (symsize)
		*symsize = kallsyms_addresses[i + 1] - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_name_offsets[i];
}

/**
 * kallsyms_lookup_name - address of the text symbol called @name, or 0.
 */
unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

static int __sprint_symbol(char *buf, unsigned long addr, bool with_offset)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (!name)
		return sprintf(buf, "0x%lx", addr);
	if (!with_offset)
		return sprintf(buf, "%s", name);
	return sprintf(buf, "%s+%#lx/%#lx", name, offset, size);
}

/**
 * sprint_symbol - format @addr as "name+0xoff/0xsize" into @buf.
 * @buf: at least KSYM_SYMBOL_LEN bytes
 *
 * Returns the length written.
 */
int sprint_symbol(char *buf, unsigned long addr)
{
	return __sprint_symbol(buf, addr, true);
}

/** sprint_symbol_no_offset - format @addr as its bare symbol name. */
int sprint_symbol_no_offset(char *buf, unsigned long addr)
{
	return __sprint_symbol(buf, addr, false);
}

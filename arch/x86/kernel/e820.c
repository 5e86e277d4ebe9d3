/*
 * The firmware memory map (e820 on a PC; a PVH loader passes the same
 * table).  setup_arch() prints it the way Linux does; memblock is built
 * from it by the memory issue.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/e820.h>
#include <asm/page.h>

struct e820_table e820_table;

/**
 * e820__range_add - record a range of the firmware memory map.
 * @start: physical start
 * @size: length in bytes (0 is ignored)
 * @type: E820_TYPE_*
 *
 * Keeps the table sorted by start address.  Boot only; no locking.
 */
void __init e820__range_add(u64 start, u64 size, enum e820_type type)
{
	struct e820_table *t = &e820_table;
	u32 i;

	if (!size || t->nr_entries >= E820_MAX_ENTRIES)
		return;
	for (i = t->nr_entries; i > 0 && t->entries[i - 1].addr > start; i--)
		t->entries[i] = t->entries[i - 1];
	t->entries[i].addr = start;
	t->entries[i].size = size;
	t->entries[i].type = type;
	t->nr_entries++;
}

static const char *e820_type_name(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_RESERVED:
		return "reserved";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	case E820_TYPE_PMEM:
		return "persistent (type 7)";
	}
	return "type unknown";
}

/**
 * e820__print_table - print the memory map as Linux's boot log does.
 * @who: the source of the map ("BIOS-e820", "PVH")
 */
void __init e820__print_table(const char *who)
{
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		pr_info("%s: [mem %#018llx-%#018llx] %s\n", who, e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
	}
}

/** e820__end_of_ram - first physical address above all usable RAM. */
u64 e820__end_of_ram(void)
{
	u64 end = 0;
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM)
			end = max(end, e->addr + e->size);
	}
	return end;
}

/** e820__total_ram - bytes of usable RAM in the map. */
u64 e820__total_ram(void)
{
	u64 sum = 0;
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++)
		if (e820_table.entries[i].type == E820_TYPE_RAM)
			sum += e820_table.entries[i].size;
	return sum;
}

/**
 * e820__memblock_setup - hand the usable RAM of the map to memblock.
 *
 * Partial pages at the edges of a RAM range are left out: a page is
 * either all RAM or not ours.
 */
void __init e820__memblock_setup(void)
{
	u32 i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = ALIGN(e->addr, PAGE_SIZE);
		u64 end = ALIGN_DOWN(e->addr + e->size, PAGE_SIZE);

		if (e->type == E820_TYPE_RAM && end > start)
			memblock_add(start, end - start);
	}
	memblock_dump_all();
}

#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/*
 * Values written into memory that must no longer be used, chosen so that
 * a stray access faults (pointers) or is recognisable in a dump (bytes).
 * The numbers are the ones Linux uses, so an oops reads the same on both.
 */

/*
 * On 64-bit machines the poison pointers are moved into the
 * non-canonical hole, where any dereference faults whatever is mapped.
 */
#if __SIZEOF_LONG__ == 8
#define POISON_POINTER_DELTA 0xdead000000000000UL
#else
#define POISON_POINTER_DELTA 0UL
#endif

/* What list_del() leaves in a removed entry's next and prev. */
#define LIST_POISON1 ((void *)(0x100 + POISON_POINTER_DELTA))
#define LIST_POISON2 ((void *)(0x122 + POISON_POINTER_DELTA))

/* A timer initialised but never armed. */
#define TIMER_ENTRY_STATIC ((void *)(0x300 + POISON_POINTER_DELTA))

/* Slab: fresh object, freed object, last byte of a poisoned object. */
#define POISON_INUSE 0x5a
#define POISON_FREE 0x6b
#define POISON_END 0xa5

/* Slab red zones around an object, inactive and active. */
#define RED_INACTIVE 0x09F911029D74E35BULL
#define RED_ACTIVE 0xD84156C5635688C0ULL

/* Freed pages in debug builds. */
#define PAGE_POISON 0xaa

/* Never-written memory from the bootmem/memblock allocators. */
#define POISON_FREE_INITMEM 0xcc

#endif /* _LINUX_POISON_H */

#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

#include <linux/const.h>
#include <linux/types.h>

/* Bits of an x86_64 page-table entry. */
#define _PAGE_BIT_PRESENT 0
#define _PAGE_BIT_RW 1
#define _PAGE_BIT_USER 2
#define _PAGE_BIT_PWT 3
#define _PAGE_BIT_PCD 4
#define _PAGE_BIT_ACCESSED 5
#define _PAGE_BIT_DIRTY 6
#define _PAGE_BIT_PSE 7 /* 2 MiB / 1 GiB page (PMD/PUD level) */
#define _PAGE_BIT_GLOBAL 8 /* survives CR3 writes (CR4.PGE) */
#define _PAGE_BIT_NX 63

#define _PAGE_PRESENT (_AT(u64, 1) << _PAGE_BIT_PRESENT)
#define _PAGE_RW (_AT(u64, 1) << _PAGE_BIT_RW)
#define _PAGE_USER (_AT(u64, 1) << _PAGE_BIT_USER)
#define _PAGE_PWT (_AT(u64, 1) << _PAGE_BIT_PWT)
#define _PAGE_PCD (_AT(u64, 1) << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED (_AT(u64, 1) << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY (_AT(u64, 1) << _PAGE_BIT_DIRTY)
#define _PAGE_PSE (_AT(u64, 1) << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL (_AT(u64, 1) << _PAGE_BIT_GLOBAL)
#define _PAGE_NX (_AT(u64, 1) << _PAGE_BIT_NX)

#define _AT(T, X) ((T)(X))

/* Physical address bits of an entry (52-bit physical addresses). */
#define PTE_PFN_MASK (_AT(u64, 0x000ffffffffff000))

typedef struct {
	u64 pte;
} pte_t;
typedef struct {
	u64 pmd;
} pmd_t;
typedef struct {
	u64 pud;
} pud_t;
typedef struct {
	u64 pgd;
} pgd_t;
typedef struct {
	u64 pgprot;
} pgprot_t;

#define __pte(x) ((pte_t){ (x) })
#define __pmd(x) ((pmd_t){ (x) })
#define __pud(x) ((pud_t){ (x) })
#define __pgd(x) ((pgd_t){ (x) })
#define __pgprot(x) ((pgprot_t){ (x) })
#define pte_val(x) ((x).pte)
#define pmd_val(x) ((x).pmd)
#define pud_val(x) ((x).pud)
#define pgd_val(x) ((x).pgd)
#define pgprot_val(x) ((x).pgprot)

/* Entries pointing at a lower-level table. */
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE (_KERNPG_TABLE | _PAGE_USER)

#define __PAGE_KERNEL_EXEC \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL)
#define __PAGE_KERNEL (__PAGE_KERNEL_EXEC | _PAGE_NX)
#define __PAGE_KERNEL_RO (__PAGE_KERNEL & ~_PAGE_RW)
#define __PAGE_KERNEL_ROX (__PAGE_KERNEL_EXEC & ~_PAGE_RW)
#define __PAGE_KERNEL_NOCACHE (__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/*
 * Kernel mappings.  NX is cleared from every entry by
 * __supported_pte_mask when the CPU lacks it (the bit would be reserved).
 */
#define PAGE_KERNEL __pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_RO __pgprot(__PAGE_KERNEL_RO)
#define PAGE_KERNEL_EXEC __pgprot(__PAGE_KERNEL_EXEC)
#define PAGE_KERNEL_ROX __pgprot(__PAGE_KERNEL_ROX)
#define PAGE_KERNEL_NOCACHE __pgprot(__PAGE_KERNEL_NOCACHE)
#define PAGE_KERNEL_IO PAGE_KERNEL_NOCACHE

extern u64 __supported_pte_mask;

#endif /* _ASM_X86_PGTABLE_TYPES_H */

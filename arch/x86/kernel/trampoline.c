/*
 * The SMP trampoline's memory: four pages below 1 MiB, reserved while
 * memblock still hands out low memory, and filled in before the first
 * AP starts.
 *
 *	page 0	the code of trampoline_64.S with its GDT and header; a
 *		STARTUP IPI can only name a 4 KiB page below 1 MiB
 *	page 1	PML4: slot 0 -> page 2, slots 256..511 as init_top_pgt
 *	page 2	PUD: slot 0 -> page 3
 *	page 3	PMD: slot 0 maps 0..2 MiB 1:1, writable and executable
 *
 * The trampoline needs its own PML4 for two reasons: CR3 is loaded in
 * 32-bit mode, so the table must lie below 4 GiB, and the code runs at
 * its physical address while paging turns on, which needs a low
 * executable mapping that the kernel's own tables must never have.
 */
#define pr_fmt(fmt) "smpboot: " fmt

#include <linux/bug.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/realmode.h>

#define TRAMPOLINE_PAGES 4
#define LOW_MEM_END 0x100000

static phys_addr_t trampoline_phys;

/**
 * reserve_real_mode - set aside the trampoline's pages below 1 MiB.
 *
 * From setup_arch(), after memblock knows RAM and before the first MiB
 * is reserved as a whole.  Without them the APs stay down.
 */
void __init reserve_real_mode(void)
{
	/* Not page 0: the real-mode IVT and the BIOS data area live there. */
	trampoline_phys =
		memblock_phys_alloc_range(TRAMPOLINE_PAGES * PAGE_SIZE,
					  PAGE_SIZE, PAGE_SIZE, LOW_MEM_END);
	if (!trampoline_phys)
		pr_warn("no memory below 1 MiB for the trampoline; no SMP\n");
}

static struct trampoline_header *trampoline_hdr(void)
{
	return __va(trampoline_phys + (trampoline_header - trampoline_start));
}

/* The linear address, in the copy, of @sym of the blob. */
static u32 trampoline_addr(const char *sym)
{
	return trampoline_phys + (sym - trampoline_start);
}

static void __init build_trampoline_pgd(void)
{
	pgd_t *pgd = __va(trampoline_phys + PAGE_SIZE);
	pud_t *pud = __va(trampoline_phys + 2 * PAGE_SIZE);
	pmd_t *pmd = __va(trampoline_phys + 3 * PAGE_SIZE);

	memset(pgd, 0, 3 * PAGE_SIZE);
	set_pmd(pmd, __pmd(0 | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE));
	set_pud(pud, __pud((trampoline_phys + 3 * PAGE_SIZE) | _KERNPG_TABLE));
	set_pgd(pgd, __pgd((trampoline_phys + 2 * PAGE_SIZE) | _KERNPG_TABLE));
}

static void __init check_header_layout(void)
{
	BUILD_BUG_ON(sizeof(struct trampoline_header) != TH_SIZE);
	BUILD_BUG_ON(offsetof(struct trampoline_header, pm_entry) !=
		     TH_PM_ENTRY);
	BUILD_BUG_ON(offsetof(struct trampoline_header, gdt_limit) !=
		     TH_GDT_LIMIT);
	BUILD_BUG_ON(offsetof(struct trampoline_header, gdt_base) !=
		     TH_GDT_BASE);
	BUILD_BUG_ON(offsetof(struct trampoline_header, lm_entry) !=
		     TH_LM_ENTRY);
	BUILD_BUG_ON(offsetof(struct trampoline_header, cr0) != TH_CR0);
	BUILD_BUG_ON(offsetof(struct trampoline_header, cr3) != TH_CR3);
	BUILD_BUG_ON(offsetof(struct trampoline_header, cr4) != TH_CR4);
	BUILD_BUG_ON(offsetof(struct trampoline_header, efer) != TH_EFER);
	BUILD_BUG_ON(offsetof(struct trampoline_header, start) != TH_START);
	BUILD_BUG_ON(offsetof(struct trampoline_header, stack) != TH_STACK);
	BUILD_BUG_ON(offsetof(struct trampoline_header, gs_base) != TH_GS_BASE);
	BUILD_BUG_ON(offsetof(struct trampoline_header, kernel_cr3) !=
		     TH_KERNEL_CR3);
}

/**
 * setup_real_mode - copy the trampoline below 1 MiB and fill in what is
 * the same for every AP.
 *
 * Boot, process context, before the first AP is started.  The APs get
 * the boot CPU's CR0, CR4 and EFER (long mode active is the CPU's to
 * set, not ours).  Returns 0, or -ENOMEM if reserve_real_mode() found
 * no memory.
 */
int __init setup_real_mode(void)
{
	struct trampoline_header *th;
	size_t size = trampoline_end - trampoline_start;

	check_header_layout();
	if (!trampoline_phys)
		return -ENOMEM;
	BUG_ON(size > PAGE_SIZE);
	memcpy(__va(trampoline_phys), trampoline_start, size);
	build_trampoline_pgd();
	th = trampoline_hdr();
	th->pm_entry = trampoline_addr(trampoline_pm);
	th->pm_cs = TR_CS32;
	th->gdt_limit = trampoline_gdt_end - trampoline_gdt - 1;
	th->gdt_base = trampoline_addr(trampoline_gdt);
	th->lm_entry = trampoline_addr(trampoline_lm);
	th->lm_cs = TR_CS64;
	th->cr0 = read_cr0();
	th->cr3 = trampoline_phys + PAGE_SIZE;
	th->cr4 = __read_cr4();
	th->efer = rdmsr(MSR_EFER) & ~EFER_LMA;
	th->start = (unsigned long)secondary_startup_64;
	th->kernel_cr3 = __pa_symbol(init_top_pgt);
	return 0;
}

/**
 * trampoline_set_cpu - prepare the trampoline for the next AP.
 * @idle: the AP's idle task, on whose stack it will enter C
 * @gs_base: the AP's per-CPU offset
 *
 * Boot, before the AP's STARTUP IPI; APs start one at a time.  The
 * kernel half of init_top_pgt is copied again each time, so a PGD slot
 * populated since (vmalloc) is seen too.  Returns the physical address
 * the AP must start at.
 */
unsigned long __init trampoline_set_cpu(struct task_struct *idle,
					unsigned long gs_base)
{
	struct trampoline_header *th = trampoline_hdr();
	pgd_t *pgd = __va(trampoline_phys + PAGE_SIZE);

	memcpy(pgd + KERNEL_PGD_BOUNDARY, init_top_pgt + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	th->stack = (unsigned long)idle->stack + THREAD_SIZE;
	th->gs_base = gs_base;
	return trampoline_phys;
}

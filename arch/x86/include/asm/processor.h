#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/page_types.h>
#include <linux/percpu.h>

struct pt_regs;

/*
 * The user half of the address space (seed 000): everything below the
 * non-canonical hole, less one guard page, as Linux's 4-level layout.
 * The initial stack's top is its end; mmap_base lies below the stack
 * gap (mm/util.c arch_pick_mmap_layout).
 */
#ifndef TASK_SIZE
#define TASK_SIZE TASK_SIZE_MAX
#endif
#define STACK_TOP TASK_SIZE
#define STACK_TOP_MAX TASK_SIZE_MAX
/* Bottom-up mmap searches (MAP_32BIT aside) start here, as Linux. */
#define TASK_UNMAPPED_BASE ((TASK_SIZE / 3) & PAGE_MASK)

struct cpuinfo_x86 {
	u8 x86; /* family */
	u8 x86_vendor;
	u8 x86_model;
	u8 x86_stepping;
	int cpuid_level;
	u32 extended_cpuid_level;
	u32 x86_capability[4]; /* 1:ecx, 1:edx, 0x80000001:ecx/edx */
	u32 ext7_ebx; /* leaf 7 subleaf 0 ebx */
	char x86_vendor_id[16];
	char x86_model_id[64];
	u32 x86_phys_bits;
	u32 x86_virt_bits;
	u32 apicid;
};

extern struct cpuinfo_x86 boot_cpu_data;

/* 64-bit TSS: only the stack pointers matter in long mode. */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;
	u64 sp1;
	u64 sp2;
	u64 reserved2;
	u64 ist[7];
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

static inline void cpuid_count(u32 op, u32 count, u32 *a, u32 *b, u32 *c,
			       u32 *d)
{
	asm volatile("cpuid"
		     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
		     : "0"(op), "2"(count));
}

static inline void cpuid(u32 op, u32 *a, u32 *b, u32 *c, u32 *d)
{
	cpuid_count(op, 0, a, b, c, d);
}

static inline unsigned long read_cr0(void)
{
	unsigned long v;

	asm volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(unsigned long v)
{
	asm volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline unsigned long __read_cr3(void)
{
	unsigned long v;

	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

/* A CR3 write flushes every non-global TLB entry. */
static inline void write_cr3(unsigned long v)
{
	asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline unsigned long __read_cr4(void)
{
	unsigned long v;

	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void __write_cr4(unsigned long v)
{
	asm volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline void native_halt(void)
{
	asm volatile("hlt" : : : "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

/*
 * The top of the running task's kernel stack: where entries from user
 * mode build their struct pt_regs.  Kept equal to TSS.sp0 by
 * __switch_to; entry_SYSCALL_64 reads it (syscall does not switch
 * stacks by itself).
 */
DECLARE_PER_CPU(unsigned long, cpu_current_top_of_stack);

/* A task's user registers: the pt_regs at the top of its kernel stack. */
#define task_top_of_stack(task) ((unsigned long)(task)->stack + THREAD_SIZE)
#define task_pt_regs(task) ((struct pt_regs *)task_top_of_stack(task) - 1)
#define current_top_of_stack_regs() \
	((struct pt_regs *)this_cpu_read(cpu_current_top_of_stack) - 1)
#define current_pt_regs() task_pt_regs(current)

void start_thread(struct pt_regs *regs, unsigned long new_ip,
		  unsigned long new_sp);
void flush_thread(void);

void cpu_init(void);
void identify_boot_cpu(void);
bool boot_cpu_has_nx(void);

#endif /* _ASM_X86_PROCESSOR_H */

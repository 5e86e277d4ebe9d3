/*
 * Per-CPU processor state: the GDT (Linux's layout, asm/segment.h), the
 * TSS with its IST exception stacks, and CPU identification.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/fpu/api.h>
#include <asm/processor-flags.h>
#include <asm/uaccess.h>
#include <asm/msr.h>
#include <asm/preempt.h>
#include <asm/processor.h>
#include <asm/proto.h>
#include <asm/stacktrace.h>
#include <asm/segment.h>

/* The first per-CPU variable: the offset of this CPU's area. */
DEFINE_PER_CPU_FIRST(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
/*
 * preempt_count (asm/preempt.h): 0 with no reschedule pending.  Boot
 * runs preemptible; there is nothing to preempt to until the scheduler.
 */
DEFINE_PER_CPU(int, __preempt_count) = PREEMPT_ENABLED;
unsigned long __per_cpu_offset[NR_CPUS];

struct cpuinfo_x86 boot_cpu_data;

struct gdt_page {
	u64 gdt[GDT_ENTRIES];
} __aligned(4096);

static DEFINE_PER_CPU(struct gdt_page, gdt_page) = { {
	[GDT_ENTRY_KERNEL32_CS] = 0x00cf9b000000ffffULL,
	[GDT_ENTRY_KERNEL_CS] = 0x00af9b000000ffffULL,
	[GDT_ENTRY_KERNEL_DS] = 0x00cf93000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER32_CS] = 0x00cffb000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER_DS] = 0x00cff3000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER_CS] = 0x00affb000000ffffULL,
} };

DEFINE_PER_CPU(struct x86_hw_tss, cpu_tss_rw) __aligned(64);
DEFINE_PER_CPU(unsigned long, cpu_current_top_of_stack);

struct exception_stacks {
	char stack[N_EXCEPTION_STACKS][EXCEPTION_STACK_SIZE];
} __aligned(4096);

static DEFINE_PER_CPU(struct exception_stacks, exception_stacks);

/**
 * on_exception_stack - is @addr on one of this CPU's IST stacks?
 * @addr: a stack address
 * @lo: receives that stack's lowest address
 * @hi: receives the address just above it
 */
bool on_exception_stack(unsigned long addr, unsigned long *lo,
			unsigned long *hi)
{
	struct exception_stacks *es = this_cpu_ptr(&exception_stacks);
	unsigned int i;

	for (i = 0; i < N_EXCEPTION_STACKS; i++) {
		unsigned long b = (unsigned long)es->stack[i];

		if (addr >= b && addr < b + EXCEPTION_STACK_SIZE) {
			*lo = b;
			*hi = b + EXCEPTION_STACK_SIZE;
			return true;
		}
	}
	return false;
}

/* A 64-bit TSS descriptor takes two GDT slots. */
static void set_tss_desc(u64 *gdt, unsigned long addr, unsigned int size)
{
	u64 limit = size - 1;

	gdt[0] = (limit & 0xffff) | ((addr & 0xffffff) << 16) |
		 (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
		 (((addr >> 24) & 0xff) << 56);
	gdt[1] = addr >> 32;
}

/*
 * Load this CPU's GDT, then reload every segment register so none of
 * them keeps a descriptor cached from the boot GDT.  CS needs a far
 * return.
 */
static void switch_to_new_gdt(void)
{
	struct gdt_page *gp = this_cpu_ptr(&gdt_page);
	struct desc_ptr gdt_descr = {
		.size = sizeof(gp->gdt) - 1,
		.address = (unsigned long)gp->gdt,
	};
	unsigned long gsbase = rdmsr(MSR_GS_BASE);

	load_gdt(&gdt_descr);
	asm volatile("pushq %0\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "movl %1, %%eax\n\t"
		     "movl %%eax, %%ss\n\t"
		     "xorl %%eax, %%eax\n\t"
		     "movl %%eax, %%ds\n\t"
		     "movl %%eax, %%es\n\t"
		     "movl %%eax, %%fs\n\t"
		     "movl %%eax, %%gs\n\t"
		     :
		     : "i"(__KERNEL_CS), "i"(__KERNEL_DS)
		     : "rax", "memory");
	/* Loading %gs zeroed its base; put the per-CPU base back. */
	wrmsr(MSR_GS_BASE, gsbase);
}

/*
 * The syscall instruction (entry_64.S).  SYSCALL loads CS from
 * STAR[47:32] and SS from that + 8 (__KERNEL_CS, __KERNEL_DS); SYSRET
 * loads CS from STAR[63:48] + 16 and SS from STAR[63:48] + 8, which is
 * why the GDT has USER32_CS, USER_DS, USER_CS in that order.  The mask
 * clears, on entry, every flag the kernel must not inherit: IF (the
 * stack is still the user's), TF, DF, AC (SMAP), NT, IOPL, RF.
 */
static void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK,
	      X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF |
		      X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_IF |
		      X86_EFLAGS_DF | X86_EFLAGS_OF | X86_EFLAGS_IOPL |
		      X86_EFLAGS_NT | X86_EFLAGS_RF | X86_EFLAGS_AC |
		      X86_EFLAGS_ID);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * SMEP: the kernel may not execute user pages; SMAP: not touch them
 * outside stac/clac (the uaccess helpers).  Both only where CPUID has
 * them; uaccess_smap tells the helpers whether stac/clac exist.
 */
static void setup_smep_smap(void)
{
	u32 ebx = boot_cpu_data.ext7_ebx;
	unsigned long cr4 = __read_cr4();

	if (ebx & CPUID7_EBX_SMEP)
		cr4 |= X86_CR4_SMEP;
	if (ebx & CPUID7_EBX_SMAP) {
		cr4 |= X86_CR4_SMAP;
		uaccess_smap = true;
	}
	__write_cr4(cr4);
	if (!smp_processor_id())
		pr_info("x86/cpu: SMEP %s, SMAP %s\n",
			cr4 & X86_CR4_SMEP ? "on" : "not available",
			cr4 & X86_CR4_SMAP ? "on" : "not available");
}

/**
 * cpu_init - load this CPU's GDT and TSS.
 *
 * Each CPU calls it once while booting, irqs off.  The TSS carries the
 * IST stacks for the fatal exceptions; sp0 (the stack for entries from
 * user mode) is set per task by the scheduler.  Also enables syscall,
 * SMEP/SMAP where present, and the FPU/SSE/AVX.
 */
void cpu_init(void)
{
	struct x86_hw_tss *tss = this_cpu_ptr(&cpu_tss_rw);
	struct exception_stacks *es = this_cpu_ptr(&exception_stacks);
	struct gdt_page *gp = this_cpu_ptr(&gdt_page);
	unsigned int i;

	BUILD_BUG_ON(sizeof(struct x86_hw_tss) != 104);
	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		tss->ist[i] =
			(unsigned long)es->stack[i] + EXCEPTION_STACK_SIZE;
	tss->sp0 = (unsigned long)current->stack + THREAD_SIZE;
	tss->io_bitmap_base = sizeof(*tss); /* no I/O bitmap */
	this_cpu_write(cpu_current_top_of_stack, tss->sp0);
	set_tss_desc(&gp->gdt[GDT_ENTRY_TSS], (unsigned long)tss, sizeof(*tss));
	/*
	 * A user-readable data segment whose limit is the CPU number (node
	 * 0): the vDSO's getcpu() reads it with lsl, no syscall.  Byte
	 * granular, DPL 3, present, data read-only accessed.
	 */
	gp->gdt[GDT_ENTRY_CPUNODE] = (smp_processor_id() & 0xffffULL) |
				     (((u64)smp_processor_id() >> 16) << 48) |
				     (0xf1ULL << 40);
	switch_to_new_gdt();
	load_tr(GDT_ENTRY_TSS_SEL);
	load_current_idt();
	syscall_init();
	setup_smep_smap();
	fpu__init_cpu();
}

static void __init get_model_name(struct cpuinfo_x86 *c)
{
	u32 *v = (u32 *)c->x86_model_id;
	unsigned int i;

	if (c->extended_cpuid_level < 0x80000004)
		return;
	for (i = 0; i < 3; i++)
		cpuid(0x80000002 + i, &v[i * 4], &v[i * 4 + 1], &v[i * 4 + 2],
		      &v[i * 4 + 3]);
	c->x86_model_id[48] = '\0';
}

/**
 * identify_boot_cpu - read the boot CPU's vendor, model and features.
 */
void __init identify_boot_cpu(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 eax, ebx, ecx, edx;

	cpuid(0, &eax, &ebx, &ecx, &edx);
	c->cpuid_level = eax;
	memcpy(c->x86_vendor_id, &ebx, 4);
	memcpy(c->x86_vendor_id + 4, &edx, 4);
	memcpy(c->x86_vendor_id + 8, &ecx, 4);

	cpuid(1, &eax, &ebx, &ecx, &edx);
	c->x86 = (eax >> 8) & 0xf;
	c->x86_model = (eax >> 4) & 0xf;
	c->x86_stepping = eax & 0xf;
	if (c->x86 == 0xf)
		c->x86 += (eax >> 20) & 0xff;
	if (c->x86 >= 0x6)
		c->x86_model += ((eax >> 16) & 0xf) << 4;
	c->x86_capability[0] = ecx;
	c->x86_capability[1] = edx;
	c->apicid = ebx >> 24;

	if (c->cpuid_level >= 7)
		cpuid_count(7, 0, &eax, &c->ext7_ebx, &ecx, &edx);

	cpuid(0x80000000, &eax, &ebx, &ecx, &edx);
	c->extended_cpuid_level = eax;
	if (eax >= 0x80000001) {
		cpuid(0x80000001, &eax, &ebx, &ecx, &edx);
		c->x86_capability[2] = ecx;
		c->x86_capability[3] = edx;
	}
	if (c->extended_cpuid_level >= 0x80000008) {
		cpuid(0x80000008, &eax, &ebx, &ecx, &edx);
		c->x86_phys_bits = eax & 0xff;
		c->x86_virt_bits = (eax >> 8) & 0xff;
	}
	get_model_name(c);
	pr_info("CPU: %s (family: %#x, model: %#x, stepping: %#x)\n",
		c->x86_model_id[0] ? c->x86_model_id : c->x86_vendor_id, c->x86,
		c->x86_model, c->x86_stepping);
	pr_info("x86/cpu: %u bits physical, %u bits virtual; NX %s\n",
		c->x86_phys_bits, c->x86_virt_bits,
		boot_cpu_has_nx() ? "on" : "not available");
}

/** boot_cpu_has_nx - does the CPU support no-execute pages? */
bool boot_cpu_has_nx(void)
{
	return boot_cpu_data.x86_capability[3] & (1U << 20);
}

/*
 * /proc/cpuinfo on x86: one block per online CPU in Linux's format,
 * the flags named as Linux's cpufeatures.h names them, word by word
 * (CPUID 1 EDX, 0x80000001 EDX, 1 ECX, 0x80000001 ECX, 7.0 EBX).
 * Every CPU is described by the boot CPU's identification: QEMU gives
 * all the same.
 */
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/tsc.h>

/* Names of the bits of one CPUID register; NULL: not shown. */
static const char *const cpuid1_edx_names[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
	"cx8", "apic", NULL, "sep", "mtrr", "pge", "mca", "cmov",
	"pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx",
	"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
};

static const char *const ext1_edx_names[32] = {
	[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
	[25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm",
	[30] = "3dnowext", [31] = "3dnow",
};

static const char *const cpuid1_ecx_names[32] = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx",
	"est", "tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm",
	NULL, "pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", NULL, "avx", "f16c", "rdrand",
	"hypervisor",
};

static const char *const ext1_ecx_names[32] = {
	"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
	"sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
	"skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL, "nodeid_msr",
	NULL, "tbm", "topoext", "perfctr_core", "perfctr_nb", NULL, "bpext",
	"ptsc", "perfctr_llc", "mwaitx",
};

static const char *const leaf7_ebx_names[32] = {
	"fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", NULL, "smep",
	"bmi2", "erms", "invpcid", "rtm", "cqm", NULL, "mpx", "rdt_a",
	"avx512f", "avx512dq", "rdseed", "adx", "smap", "avx512ifma", NULL,
	"clflushopt", "clwb", "intel_pt", "avx512pf", "avx512er",
	"avx512cd", "sha_ni", "avx512bw", "avx512vl",
};

static void show_flag_word(struct seq_file *m, u32 word,
			   const char *const names[32])
{
	int bit;

	for (bit = 0; bit < 32; bit++)
		if ((word & (1U << bit)) && names[bit])
			seq_printf(m, " %s", names[bit]);
}

static void show_cpuinfo_flags(struct seq_file *m,
			       const struct cpuinfo_x86 *c)
{
	seq_puts(m, "flags\t\t:");
	show_flag_word(m, c->x86_capability[1], cpuid1_edx_names);
	show_flag_word(m, c->x86_capability[3], ext1_edx_names);
	show_flag_word(m, c->x86_capability[0], cpuid1_ecx_names);
	show_flag_word(m, c->x86_capability[2], ext1_ecx_names);
	show_flag_word(m, c->ext7_ebx, leaf7_ebx_names);
	seq_putc(m, '\n');
}

/* The L2 size in KB (CPUID 0x80000006 ECX[31:16]), 0 if not told. */
static unsigned int cpu_cache_size(const struct cpuinfo_x86 *c)
{
	u32 eax, ebx, ecx, edx;

	if (c->extended_cpuid_level < 0x80000006)
		return 0;
	cpuid(0x80000006, &eax, &ebx, &ecx, &edx);
	return ecx >> 16;
}

static int show_cpuinfo(struct seq_file *m, void *v)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;
	unsigned int cpu = (unsigned long)v - 1;
	unsigned int cache = cpu_cache_size(c);
	unsigned int ncpus = cpumask_weight(cpu_online_mask);
	u32 apicid = per_cpu(x86_cpu_to_apicid, cpu);

	seq_printf(m, "processor\t: %u\nvendor_id\t: %s\n", cpu,
		   c->x86_vendor_id[0] ? c->x86_vendor_id : "unknown");
	seq_printf(m, "cpu family\t: %d\nmodel\t\t: %u\nmodel name\t: %s\n",
		   c->x86, c->x86_model,
		   c->x86_model_id[0] ? c->x86_model_id : "unknown");
	seq_printf(m, "stepping\t: %d\n", c->x86_stepping);
	seq_printf(m, "cpu MHz\t\t: %u.%03u\n", tsc_khz / 1000, tsc_khz % 1000);
	if (cache)
		seq_printf(m, "cache size\t: %u KB\n", cache);
	seq_printf(m, "physical id\t: 0\nsiblings\t: %u\ncore id\t\t: %u\n"
		      "cpu cores\t: %u\napicid\t\t: %u\ninitial apicid\t: %u\n",
		   ncpus, cpu, ncpus, apicid, apicid);
	seq_printf(m, "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %d\n"
		      "wp\t\t: yes\n",
		   c->cpuid_level);
	show_cpuinfo_flags(m, c);
	seq_puts(m, "bugs\t\t:\n");
	seq_printf(m, "bogomips\t: %lu.%02lu\n",
		   loops_per_jiffy / (500000 / HZ),
		   (loops_per_jiffy / (5000 / HZ)) % 100);
	seq_puts(m, "clflush size\t: 64\ncache_alignment\t: 64\n");
	seq_printf(m, "address sizes\t: %u bits physical, %u bits virtual\n",
		   c->x86_phys_bits ? c->x86_phys_bits : 36,
		   c->x86_virt_bits ? c->x86_virt_bits : 48);
	seq_puts(m, "power management:\n\n");
	return 0;
}

/* Records are online CPUs; v is cpu + 1 (NULL ends the file). */
static void *c_start(struct seq_file *m, loff_t *pos)
{
	unsigned int cpu = *pos ? cpumask_next(*pos - 1, cpu_online_mask) :
				  cpumask_first(cpu_online_mask);

	*pos = cpu;
	if (cpu >= nr_cpu_ids)
		return NULL;
	return (void *)(unsigned long)(cpu + 1);
}

static void *c_next(struct seq_file *m, void *v, loff_t *pos)
{
	(*pos)++;
	return c_start(m, pos);
}

static void c_stop(struct seq_file *m, void *v)
{
}

const struct seq_operations cpuinfo_op = {
	.start = c_start,
	.next = c_next,
	.stop = c_stop,
	.show = show_cpuinfo,
};

static int __init proc_cpuinfo_init(void)
{
	proc_create_seq("cpuinfo", 0444, NULL, &cpuinfo_op);
	return 0;
}
fs_initcall(proc_cpuinfo_init);

/*
 * start_kernel(): the generic boot sequence, in the order of seed 003.
 * It reads as a table of contents; each step is one call.
 */
#include <linux/bug.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/device.h>
#include <linux/sysfs.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/reboot.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <ktest/test.h>
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/init_syscalls.h>
#include <linux/delay.h>
#include <linux/devtmpfs.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <asm/irq.h>
#include <asm/time.h>
#include <linux/mm.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm-generic/sections.h>

#define MAX_INIT_ARGS 32
#define MAX_INIT_ENVS 32

const char linux_banner[] = "Linnet version " LINNET_VERSION
			    " (gcc " __VERSION__ ") " __DATE__ " " __TIME__
			    "\n";

bool early_boot_irqs_disabled;
char boot_command_line[COMMAND_LINE_SIZE] __initdata;
static char saved_command_line_buf[COMMAND_LINE_SIZE];
char *saved_command_line = saved_command_line_buf;
/* Parsed in place; init's arguments point into it, so it is not __init. */
static char static_command_line[COMMAND_LINE_SIZE];
static char tmp_cmdline[COMMAND_LINE_SIZE] __initdata;

/* What the kernel did not understand goes to init, as on Linux. */
const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL };
static const char *execute_command;

static int __init init_setup(char *str)
{
	execute_command = str;
	return 1;
}
__setup("init=", init_setup);

/* True if @p's name is the start of @line ("console=ttyS0"). */
static bool __init obsolete_checksetup(char *line)
{
	extern const struct obs_kernel_param __setup_start[], __setup_end[];
	const struct obs_kernel_param *p;
	bool had_early_param = false;

	for (p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);

		if (strncmp(line, p->str, n))
			continue;
		if (p->early) {
			/* Done by parse_early_param(); only note the match. */
			if (line[n] == '\0' || line[n] == '=')
				had_early_param = true;
		} else if (p->setup_func(line + n)) {
			return true;
		}
	}
	return had_early_param;
}

static int __init do_early_param(char *param, char *val, const char *doing)
{
	extern const struct obs_kernel_param __setup_start[], __setup_end[];
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++)
		if (p->early && !strcmp(param, p->str) &&
		    !p->setup_func(val ? val : (char *)""))
			pr_warn("Malformed early option '%s'\n", param);
	return 0;
}

/**
 * parse_early_param - run the early_param() handlers.
 *
 * From setup_arch(), before the console exists; on a copy of the line,
 * since parsing cuts it into words.
 */
void __init parse_early_param(void)
{
	static bool done __initdata;

	if (done)
		return;
	done = true;
	strscpy(tmp_cmdline, boot_command_line, COMMAND_LINE_SIZE);
	parse_args("early options", tmp_cmdline, do_early_param);
}

static int __init add_init_word(const char **vec, int max, const char *word)
{
	int i;

	for (i = 0; vec[i]; i++)
		;
	if (i >= max)
		return -E2BIG;
	vec[i] = word;
	vec[i + 1] = NULL;
	return 0;
}

/*
 * A parameter no __setup() took: "key=value" goes into init's
 * environment, a plain word into its arguments; "module.param" is for
 * modules and goes nowhere.
 */
static int __init unknown_bootoption(char *param, char *val, const char *doing)
{
	size_t len = strlen(param);

	if (val) /* undo next_arg's cut: "param=val" again */
		param[len] = '=';
	if (obsolete_checksetup(param))
		return 0;
	if (memchr(param, '.', val ? len : strlen(param)))
		return 0;
	if (val) {
		if (add_init_word(envp_init, MAX_INIT_ENVS, param))
			pr_warn("Too many boot env vars at '%s'\n", param);
	} else if (add_init_word(argv_init, MAX_INIT_ARGS, param)) {
		pr_warn("Too many boot init vars at '%s'\n", param);
	}
	return 0;
}

static void __init setup_command_line(char *command_line)
{
	strscpy(saved_command_line_buf, boot_command_line, COMMAND_LINE_SIZE);
	strscpy(static_command_line, command_line, COMMAND_LINE_SIZE);
}

static void __init parse_command_line(void)
{
	char *after_dashes;
	char *param, *p;

	after_dashes = parse_args("Booting kernel", static_command_line,
				  unknown_bootoption);
	if (IS_ERR_OR_NULL(after_dashes))
		return;
	/* Everything after "--" is init's, word for word. */
	for (p = after_dashes; *p;) {
		param = p;
		while (*p && !isspace(*p))
			p++;
		if (*p)
			*p++ = '\0';
		p = skip_spaces(p);
		add_init_word(argv_init, MAX_INIT_ARGS, param);
	}
}

/**
 * set_task_stack_end_magic - plant the canary at the end of @tsk's stack.
 *
 * Seed 003: the lowest word of the stack holds STACK_END_MAGIC; a stack
 * that grew over it has overflowed.
 */
void set_task_stack_end_magic(struct task_struct *tsk)
{
	*end_of_stack(tsk) = STACK_END_MAGIC;
}

/**
 * smp_setup_processor_id - record which CPU is booting.
 *
 * On x86 the boot CPU is always logical CPU 0 (set in head64.c).
 */
void __init smp_setup_processor_id(void)
{
}

static void __init do_initcalls(void)
{
	extern initcall_t __initcall_start[], __initcall_end[];
	initcall_t *fn;
	int ret;

	for (fn = __initcall_start; fn < __initcall_end; fn++) {
		ret = (*fn)();
		if (ret)
			pr_warn("initcall %pS returned %d\n", *fn, ret);
	}
}

/**
 * free_initmem - give back the memory of __init code and data.
 *
 * After the last __init function has run.  The pages are poisoned with
 * int3, returned to the page allocator, and unmapped from the kernel
 * image, so a stale call or pointer into them faults.
 */
void free_initmem(void)
{
	free_kernel_image_pages("unused kernel image (initmem)",
				__init_text_begin, __init_text_end);
	free_kernel_image_pages("unused kernel image (initdata)", __init_begin,
				__init_end);
}

/*
 * fds 0, 1 and 2 of init: /dev/console, as Linux opens them.  Without
 * it init still runs, with no standard streams (Linux warns the same).
 */
static void console_on_rootfs(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR, 0);

	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	init_dup(file);
	init_dup(file);
	init_dup(file);
	fput(file);
}

/* Exec @init_filename in pid 1; returns only on failure. */
static int run_init_process(const char *init_filename)
{
	const char *const *p;
	int ret;

	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	for (p = argv_init; *p; p++)
		pr_debug("  with arguments: %s\n", *p);
	for (p = envp_init; *p; p++)
		pr_debug("  with environment: %s\n", *p);
	ret = kernel_execve(init_filename, argv_init, envp_init);
	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return ret;
}

/*
 * pid 1: the end of the boot sequence, then (once processes exist) the
 * first user program.  Not __init: it runs on after free_initmem().
 */
static int kernel_init(void *unused)
{
	int failures;

	/* rest_init() publishes kthreadd before waking us (Linux: kthreadd_done). */
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(kthreadd_task))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	smp_prepare_cpus(setup_max_cpus); /* the AP trampoline */
	smp_init(); /* bring up the other CPUs */
	/* Linux starts these in start_kernel; their locks may sleep. */
	proc_root_init(); /* the proc filesystem and /proc's tree */
	sysfs_init(); /* the sysfs filesystem and /sys's root */
	driver_init(); /* /sys: devices, classes, kernel, CPUs */
	do_initcalls();
	free_initmem();
	if (ktest_filter) {
		failures = ktest_run(ktest_filter);
		if (!ktest_then_init) {
			qemu_debug_exit(failures ? 1 : 0);
			machine_power_off();
		}
	}
	/*
	 * Forked from the boot CPU's idle task, pid 1 is still bound to
	 * CPU 0; user space (everything forked from init) may run anywhere.
	 */
	{
		static unsigned long all_cpus[BITS_TO_LONGS(NR_CPUS)] = {
			[0 ... BITS_TO_LONGS(NR_CPUS) - 1] = ~0UL
		};

		set_cpus_allowed_ptr(current, all_cpus);
	}
	console_on_rootfs();
	if (execute_command) {
		if (!run_init_process(execute_command))
			return 0;
		panic("Requested init %s failed.", execute_command);
	}
	if (!run_init_process("/init") || !run_init_process("/sbin/init") ||
	    !run_init_process("/etc/init") || !run_init_process("/bin/init") ||
	    !run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel.");
}

/*
 * Start pid 1 (kernel_init) and pid 2 (kthreadd), then become this
 * CPU's idle task.  Not __init: the idle task never leaves this frame.
 */
static noinline __noreturn void rest_init(void)
{
	struct task_struct *init;
	int pid;

	pid = kernel_thread(kernel_init, NULL, 0);
	init = find_task_by_pid(pid);
	pid = kernel_thread(kthreadd, NULL, 0);
	WRITE_ONCE(kthreadd_task, find_task_by_pid(pid));
	wake_up_process(init);
	schedule_preempt_disabled();
	cpu_startup_entry();
}

/**
 * start_kernel - the generic kernel entry, on init_task's stack.
 *
 * Called once by the boot CPU with interrupts off; never returns.
 */
void __init start_kernel(void)
{
	char *command_line;

	set_task_stack_end_magic(&init_task); /* stack overflow canary */
	smp_setup_processor_id(); /* the boot CPU is CPU 0 */
	local_irq_disable(); /* no interrupts until set up */
	early_boot_irqs_disabled = true;
	pr_notice("%s", linux_banner);
	setup_arch(&command_line); /* memory map, IDT, CPU, ACPI */
	setup_command_line(command_line); /* keep it for /proc/cmdline */
	pr_notice("Kernel command line: %s\n", saved_command_line);
	parse_command_line(); /* __setup() handlers, init args */
	trap_init(); /* GDT, TSS, IST stacks */
	mm_core_init(); /* buddy, slab, vmalloc */
	setup_per_cpu_areas(); /* copies of the per-CPU template */
	preempt_disable(); /* until the idle loop: boot must not switch */
	sched_init(); /* runqueues; init_task becomes idle */
	init_IRQ(); /* APICs, vectors, irq stacks */
	init_timers(); /* timer wheel, TIMER_SOFTIRQ */
	hrtimers_init(); /* hrtimer bases, HRTIMER_SOFTIRQ */
	softirq_init(); /* tasklets */
	timekeeping_init(); /* clocksource, wall time from the RTC */
	time_init(); /* local APIC timer: the tick */
	early_boot_irqs_disabled = false;
	local_irq_enable(); /* the tick starts */
	calibrate_delay(); /* loops_per_jiffy, BogoMIPS */
	fork_init(); /* task_struct cache, pids */
	vfs_caches_init(); /* dcache, inodes, files, rootfs mounted */
	devtmpfs_init(); /* the /dev instance drivers fill */
	rest_init(); /* pid 1, pid 2, then idle */
}

#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

/*
 * Seed 003: code and data used only while booting go to .init.* and are
 * given back once boot is done (free_initmem prints how much).
 */
#define __init __section(".init.text") __cold notrace
#define __initdata __section(".init.data")
#define __initconst __section(".init.rodata")
#define __exit __section(".exit.text") __used __cold notrace

typedef int (*initcall_t)(void);

/*
 * Initcall levels run in order by do_initcalls(); within a level, in
 * link order.
 */
#define __define_initcall(fn, id)                                              \
	static initcall_t __initcall_##fn##id __used __section(".initcall" #id \
							       ".init") = fn

#define early_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define rootfs_initcall(fn) __define_initcall(fn, rootfs) /* after fs */
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)
#define __initcall(fn) device_initcall(fn)

/*
 * A kernel command line parameter.  __setup("foo=", fn) calls fn with
 * what follows "foo=" when "foo=..." is on the command line;
 * early_param("foo", fn) does the same from parse_early_param(), in
 * setup_arch(), before most of the kernel exists.  fn returns 1 when it
 * consumed the parameter (0: pass it on to init).
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

#define __setup_param(str, unique_id, fn, early)                             \
	static const char __setup_str_##unique_id[] __initconst = str;       \
	static struct obs_kernel_param __setup_##unique_id __used __section( \
		".init.setup")                                               \
		__aligned(sizeof(long)) = { __setup_str_##unique_id, fn,     \
					    early }

#define __setup(str, fn) __setup_param(str, fn, fn, 0)
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

#define COMMAND_LINE_SIZE 2048

extern char boot_command_line[COMMAND_LINE_SIZE];
extern char *saved_command_line;
extern bool initcall_debug;

void parse_early_param(void);
void free_initmem(void);

#endif /* _LINUX_INIT_H */

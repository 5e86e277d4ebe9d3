#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

/*
 * Per-CPU variables live in a section linked at address 0; each CPU
 * has a copy of it and %gs points at that copy.  So the variable's
 * "address" is its offset in the area, and one %gs-relative instruction
 * reads or writes this CPU's copy (as on Linux x86_64).  The register
 * operand's width gives the access width.
 */

#define this_cpu_read(var)                      \
	({                                      \
		__typeof__(var) _pcp_ret;       \
		asm volatile("mov %%gs:%c1, %0" \
			     : "=r"(_pcp_ret)   \
			     : "i"(&(var)));    \
		_pcp_ret;                       \
	})

#define this_cpu_write(var, val)                                \
	asm volatile("mov %1, %%gs:%c0"                         \
		     :                                          \
		     : "i"(&(var)), "r"((__typeof__(var))(val)) \
		     : "memory")

#define this_cpu_add(var, val)                                  \
	asm volatile("add %1, %%gs:%c0"                         \
		     :                                          \
		     : "i"(&(var)), "r"((__typeof__(var))(val)) \
		     : "memory")

#define this_cpu_or(var, val)                                   \
	asm volatile("or %1, %%gs:%c0"                          \
		     :                                          \
		     : "i"(&(var)), "r"((__typeof__(var))(val)) \
		     : "memory")

#define this_cpu_and(var, val)                                  \
	asm volatile("and %1, %%gs:%c0"                         \
		     :                                          \
		     : "i"(&(var)), "r"((__typeof__(var))(val)) \
		     : "memory")

#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)

#endif /* _ASM_X86_PERCPU_H */

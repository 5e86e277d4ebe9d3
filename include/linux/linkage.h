#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#define asmlinkage

#ifdef __ASSEMBLY__
#define SYM_FUNC_START(name)   \
	.globl name;           \
	.type name, @function; \
	.balign 16;            \
name:
#define SYM_FUNC_END(name) .size name, .- name
#define SYM_CODE_START(name)   \
	.globl name;           \
	.type name, @function; \
name:
#define SYM_CODE_END(name) .size name, .- name
#define SYM_DATA_START(name) \
	.globl name;         \
	.type name, @object; \
name:
#define SYM_DATA_END(name) .size name, .- name
#endif

#endif /* _LINUX_LINKAGE_H */

/*
 * memcpy() and memset() for x86_64, replacing lib/string.c's portable
 * word loops (asm/string.h says so with __HAVE_ARCH_MEMCPY/MEMSET).
 *
 * "rep movsq"/"rep stosq" move eight bytes per step and leave the loop
 * to the CPU; the last n % 8 bytes go with "rep movsb"/"rep stosb".  A
 * page copy is 512 steps instead of a load, a store and three updates
 * per word in C.  Misaligned pointers are fine: x86 does unaligned
 * quadword accesses, and a repeat count of zero is a no-op.
 *
 * Both are called from C: arguments in %rdi, %rsi, %rdx, result in
 * %rax, and %rcx, %r8 are scratch.
 */
#include <linux/linkage.h>

	.text

/* void *memcpy(void *dest %rdi, const void *src %rsi, size_t n %rdx) */
SYM_FUNC_START(memcpy)
	movq	%rdi, %rax
	movq	%rdx, %rcx
	shrq	$3, %rcx
	andl	$7, %edx
	rep movsq
	movl	%edx, %ecx
	rep movsb
	ret
SYM_FUNC_END(memcpy)

/* void *memset(void *s %rdi, int c %esi, size_t n %rdx) */
SYM_FUNC_START(memset)
	movq	%rdi, %r8
	/* 0x0101...01 times the byte copies it into all eight lanes. */
	movzbl	%sil, %eax
	movabsq	$0x0101010101010101, %rcx
	imulq	%rcx, %rax
	movq	%rdx, %rcx
	shrq	$3, %rcx
	andl	$7, %edx
	rep stosq
	movl	%edx, %ecx
	rep stosb
	movq	%r8, %rax
	ret
SYM_FUNC_END(memset)

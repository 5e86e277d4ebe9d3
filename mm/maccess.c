/*
 * Reading and writing kernel memory that may not be there (or may be
 * read-only): the copy runs under an exception-table entry, so a fault
 * ends it with -EFAULT instead of an oops.  Tests use it to probe guard
 * pages and W^X; debuggers to peek at arbitrary addresses.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/extable.h>

/*
 * One "rep movsb" under a fixup.  A fault leaves %rip on the rep
 * instruction; the fixup turns that into -EFAULT.
 */
static long copy_nofault(void *dst, const void *src, size_t size)
{
	long ret = 0;

	asm volatile("1:	rep movsb\n"
		     "2:\n"
		     " .pushsection .fixup, \"ax\"\n"
		     "3:	mov %[efault], %[ret]\n"
		     "	jmp 2b\n"
		     " .popsection\n" _ASM_EXTABLE(1b, 3b)
		     : [ret] "+r"(ret), "+D"(dst), "+S"(src), "+c"(size)
		     : [efault] "i"(-EFAULT)
		     : "memory");
	return ret;
}

/* Only kernel addresses: user memory goes through copy_from_user. */
static bool kernel_range_ok(const void *p, size_t size)
{
	unsigned long a = (unsigned long)p;

	return a >= TASK_SIZE_MAX && a + size >= a;
}

/**
 * copy_from_kernel_nofault - copy from a kernel address that may fault.
 * @dst: destination (must be valid)
 * @src: source, possibly unmapped
 * @size: bytes
 *
 * Any context.  Returns 0, or -EFAULT if @src (or part of it) could not
 * be read or is not a kernel address; then @dst holds a prefix.
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	if (!kernel_range_ok(src, size))
		return -EFAULT;
	return copy_nofault(dst, src, size);
}

/**
 * copy_to_kernel_nofault - write to a kernel address that may fault.
 * @dst: destination, possibly unmapped or read-only
 * @src: source (must be valid)
 * @size: bytes
 *
 * Any context.  Returns 0 or -EFAULT.
 */
long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	if (!kernel_range_ok(dst, size))
		return -EFAULT;
	return copy_nofault(dst, src, size);
}

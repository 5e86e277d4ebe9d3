/*
 * The user-copy helpers of asm/uaccess.h.  Each copying instruction has
 * an exception-table entry: if the user address is bad, the page-fault
 * handler (after trying demand paging) resumes at the fixup, which
 * reports how much was left.
 *
 * The bulk moves eight bytes a step ("rep movsq"), the tail one
 * ("rep movsb"); both keep the remaining count in %rcx.  A fault in the
 * quadword loop converts that count to bytes and retries the rest a byte
 * at a time, which stops on the exact byte that faults: the count
 * returned is what was really not copied, as Linux promises.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/extable.h>

bool uaccess_smap;

/* Copy @n bytes; returns how many were not copied. */
static unsigned long copy_user_generic(void *to, const void *from,
				       unsigned long n)
{
	unsigned long count = n >> 3;

	__uaccess_begin();
	asm volatile("1:	rep movsq\n"
		     "	movl %k[tail], %%ecx\n"
		     "2:	rep movsb\n"
		     "3:\n"
		     " .pushsection .fixup, \"ax\"\n"
		     "4:	lea (%[tail], %%rcx, 8), %%rcx\n"
		     "	jmp 2b\n"
		     " .popsection\n"
		     _ASM_EXTABLE(1b, 4b) _ASM_EXTABLE(2b, 3b)
		     : "+D"(to), "+S"(from), "+c"(count)
		     : [tail] "r"(n & 7)
		     : "memory");
	__uaccess_end();
	return count;
}

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = copy_user_generic(to, (__force const void *)from, n);
	/* Linux zeroes the tail so no stale kernel data leaks onward. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return copy_user_generic((__force void *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	void *dst = (__force void *)to;
	unsigned long count = n >> 3;

	if (!access_ok(to, n))
		return n;
	__uaccess_begin();
	asm volatile("1:	rep stosq\n"
		     "	movl %k[tail], %%ecx\n"
		     "2:	rep stosb\n"
		     "3:\n"
		     " .pushsection .fixup, \"ax\"\n"
		     "4:	lea (%[tail], %%rcx, 8), %%rcx\n"
		     "	jmp 2b\n"
		     " .popsection\n"
		     _ASM_EXTABLE(1b, 4b) _ASM_EXTABLE(2b, 3b)
		     : "+D"(dst), "+c"(count)
		     : [tail] "r"(n & 7), "a"(0UL)
		     : "memory");
	__uaccess_end();
	return count;
}

#define DEFINE_GET_USER(bits, type, insn, mod)                                \
	int __get_user_##bits(type *val, const void __user *p)              \
	{                                                                   \
		int err = 0;                                                \
		unsigned long v = 0;                                        \
                                                                            \
		if (!access_ok(p, sizeof(type))) {                          \
			*val = 0;                                           \
			return -EFAULT;                                     \
		}                                                           \
		__uaccess_begin();                                          \
		asm volatile("1:	" insn " (%[ptr]), %" mod "[v]\n"           \
			     "2:\n"                                         \
			     " .pushsection .fixup, \"ax\"\n"               \
			     "3:	mov %[efault], %[err]\n"             \
			     "	xor %k[v], %k[v]\n"                         \
			     "	jmp 2b\n"                                   \
			     " .popsection\n" _ASM_EXTABLE(1b, 3b)          \
			     : [err] "+r"(err), [v] "+r"(v)                 \
			     : [ptr] "r"(p), [efault] "i"(-EFAULT)          \
			     : "memory");                                   \
		__uaccess_end();                                            \
		*val = (type)v;                                             \
		return err;                                                 \
	}

DEFINE_GET_USER(1, u8, "movzbq", "")
DEFINE_GET_USER(2, u16, "movzwq", "")
DEFINE_GET_USER(4, u32, "movl", "k")
DEFINE_GET_USER(8, u64, "movq", "")

/* movl writes the low half of %[v] and zeroes the rest: a 32-bit read. */

#define DEFINE_PUT_USER(bits, type, insn, mod)                             \
	int __put_user_##bits(type val, void __user *p)                     \
	{                                                                   \
		int err = 0;                                                \
                                                                            \
		if (!access_ok(p, sizeof(type)))                            \
			return -EFAULT;                                     \
		__uaccess_begin();                                          \
		asm volatile("1:	" insn " %" mod "[v], (%[ptr])\n"    \
			     "2:\n"                                         \
			     " .pushsection .fixup, \"ax\"\n"               \
			     "3:	mov %[efault], %[err]\n"             \
			     "	jmp 2b\n"                                   \
			     " .popsection\n" _ASM_EXTABLE(1b, 3b)          \
			     : [err] "+r"(err)                              \
			     : [v] "r"((unsigned long)val), [ptr] "r"(p),   \
			       [efault] "i"(-EFAULT)                        \
			     : "memory");                                   \
		__uaccess_end();                                            \
		return err;                                                 \
	}

DEFINE_PUT_USER(1, u8, "movb", "b")
DEFINE_PUT_USER(2, u16, "movw", "w")
DEFINE_PUT_USER(4, u32, "movl", "k")
DEFINE_PUT_USER(8, u64, "movq", "q")

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		u8 c;

		if (__get_user_1(&c, src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}

long strnlen_user(const char __user *str, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		u8 c;

		if (__get_user_1(&c, str + i))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}

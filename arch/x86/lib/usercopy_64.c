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
		     " .popsection\n" _ASM_EXTABLE(1b, 4b) _ASM_EXTABLE(2b, 3b)
		     : "+D"(to), "+S"(from), "+c"(count)
		     : [tail] "r"(n & 7)
		     : "memory");
	__uaccess_end();
	return count;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = copy_user_generic(to, (__force const void *)from, n);
	/* Linux zeroes the tail so no stale kernel data leaks onward. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
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
		     " .popsection\n" _ASM_EXTABLE(1b, 4b) _ASM_EXTABLE(2b, 3b)
		     : "+D"(dst), "+c"(count)
		     : [tail] "r"(n & 7), "a"(0UL)
		     : "memory");
	__uaccess_end();
	return count;
}

/*
 * Load the user value at @p with @insn into the unsigned long @v,
 * zero-extended (movl zeroes the upper half itself); evaluates to 0, or
 * -EFAULT with @v zero if the load faulted.  The caller has checked the
 * address and opened the SMAP window: __get_user_N() for one value, the
 * string readers below for many.
 */
#define unsafe_load_user(insn, mod, v, p)                                   \
	({                                                                  \
		int __err = 0;                                              \
		asm volatile("1:	" insn " (%[ptr]), %" mod "[val]\n" \
			     "2:\n"                                         \
			     " .pushsection .fixup, \"ax\"\n"               \
			     "3:	mov %[efault], %[err]\n"                   \
			     "	xor %k[val], %k[val]\n"                      \
			     "	jmp 2b\n"                                    \
			     " .popsection\n" _ASM_EXTABLE(1b, 3b)          \
			     : [err] "+r"(__err), [val] "=r"(v)             \
			     : [ptr] "r"(p), [efault] "i"(-EFAULT)          \
			     : "memory");                                   \
		__err;                                                      \
	})

#define DEFINE_GET_USER(bits, type, insn, mod)                 \
	int __get_user_##bits(type *val, const void __user *p) \
	{                                                      \
		unsigned long v;                               \
		int err;                                       \
                                                               \
		if (!access_ok(p, sizeof(type))) {             \
			*val = 0;                              \
			return -EFAULT;                        \
		}                                              \
		__uaccess_begin();                             \
		err = unsafe_load_user(insn, mod, v, p);       \
		__uaccess_end();                               \
		*val = (type)v;                                \
		return err;                                    \
	}

DEFINE_GET_USER(1, u8, "movzbq", "")
DEFINE_GET_USER(2, u16, "movzwq", "")
DEFINE_GET_USER(4, u32, "movl", "k")
DEFINE_GET_USER(8, u64, "movq", "")

#define DEFINE_PUT_USER(bits, type, insn, mod)                            \
	int __put_user_##bits(type val, void __user *p)                   \
	{                                                                 \
		int err = 0;                                              \
                                                                          \
		if (!access_ok(p, sizeof(type)))                          \
			return -EFAULT;                                   \
		__uaccess_begin();                                        \
		asm volatile("1:	" insn " %" mod "[v], (%[ptr])\n" \
			     "2:\n"                                       \
			     " .pushsection .fixup, \"ax\"\n"             \
			     "3:	mov %[efault], %[err]\n"                 \
			     "	jmp 2b\n"                                  \
			     " .popsection\n" _ASM_EXTABLE(1b, 3b)        \
			     : [err] "+r"(err)                            \
			     : [v] "r"((unsigned long)val), [ptr] "r"(p), \
			       [efault] "i"(-EFAULT)                      \
			     : "memory");                                 \
		__uaccess_end();                                          \
		return err;                                               \
	}

DEFINE_PUT_USER(1, u8, "movb", "b")
DEFINE_PUT_USER(2, u16, "movw", "w")
DEFINE_PUT_USER(4, u32, "movl", "k")
DEFINE_PUT_USER(8, u64, "movq", "q")

#define ONE_BYTES 0x0101010101010101UL
#define HIGH_BITS 0x8080808080808080UL

/*
 * Nonzero if some byte of @w is zero; the lowest set bit marks the
 * first zero byte (bytes above it may be marked falsely, never below).
 */
static inline unsigned long zero_bytes(unsigned long w)
{
	return (w - ONE_BYTES) & ~w & HIGH_BITS;
}

/*
 * Read a NUL-terminated user string a word at a time.  Up to @count bytes
 * go to @dst (if not NULL); returns the string's length if a NUL was
 * found within them, @count if not, or -EFAULT.  A word load that faults
 * may straddle the end of the mapping; the rest is read bytewise, so a
 * string that ends just before an unmapped page is still read.  Linux
 * does the same (lib/strncpy_from_user.c: do_strncpy_from_user).
 */
static long read_user_string(char *dst, const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src, max, res = 0;

	if (count <= 0)
		return 0;
	if (addr >= TASK_SIZE_MAX)
		return -EFAULT;
	max = min((unsigned long)count, TASK_SIZE_MAX - addr);
	__uaccess_begin();
	while (max - res >= sizeof(unsigned long)) {
		unsigned long w, z;

		if (unsafe_load_user("movq", "", w, src + res))
			break;
		z = zero_bytes(w);
		if (z) {
			/* Bytes below the first NUL, then the NUL itself. */
			unsigned long len = __builtin_ctzl(z) >> 3;

			if (dst)
				memcpy(dst + res, &w, len + 1);
			__uaccess_end();
			return res + len;
		}
		if (dst)
			memcpy(dst + res, &w, sizeof(w));
		res += sizeof(w);
	}
	for (; res < max; res++) {
		unsigned long c;

		if (unsafe_load_user("movzbq", "", c, src + res))
			goto fault;
		if (dst)
			dst[res] = c;
		if (!c) {
			__uaccess_end();
			return res;
		}
	}
	__uaccess_end();
	/* Stopped by TASK_SIZE_MAX before @count: the next byte is bad. */
	return res < count ? -EFAULT : count;
fault:
	__uaccess_end();
	return -EFAULT;
}

/**
 * strncpy_from_user - copy a NUL-terminated string from user space.
 * @dst: kernel buffer of at least @count bytes
 * @src: user string
 * @count: most bytes to copy
 *
 * Returns the string's length (the NUL is copied too), @count if it has
 * no NUL within @count bytes (then @dst is not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	return read_user_string(dst, src, count);
}

/**
 * strnlen_user - the size of a user string, NUL included.
 * @str: user string
 * @n: most bytes to look at
 *
 * Returns the length plus one, a value above @n if there is no NUL
 * within @n bytes, or 0 on a fault.
 */
long strnlen_user(const char __user *str, long n)
{
	long len = read_user_string(NULL, str, n);

	if (len < 0)
		return 0;
	return len < n ? len + 1 : n + 1;
}

#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

/*
 * Touching user memory (seed 002: copy_to_user and friends).  Every
 * access to a user pointer goes through these helpers: they check the
 * range against TASK_SIZE_MAX, open the SMAP window (stac/clac) only
 * around the copy, and run the copying instruction under an
 * exception-table entry, so a bad pointer ends in -EFAULT rather than
 * an oops.  A fault on a valid but not-yet-present user page is first
 * handled by the page-fault handler as demand paging, and the copy
 * resumes.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page_types.h>

/* Set by cpu_init() when CR4.SMAP is on; stac/clac #UD without SMAP. */
extern bool uaccess_smap;

static __always_inline void __uaccess_begin(void)
{
	if (uaccess_smap)
		asm volatile("stac" ::: "memory");
}

static __always_inline void __uaccess_end(void)
{
	if (uaccess_smap)
		asm volatile("clac" ::: "memory");
}

/* [addr, addr + size) lies wholly in the user half. */
static inline bool __access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}
#define access_ok(addr, size) __access_ok((const void __user *)(addr), (size))

/* Each returns the number of bytes NOT copied (0 = success), as Linux. */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* Copy a NUL-terminated string: its length, or -EFAULT; @count if no NUL. */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Length including the NUL; 0 on fault; > @n if no NUL within @n. */
long strnlen_user(const char __user *str, long n);

/* Out-of-line pieces of get_user/put_user: 0 or -EFAULT. */
int __get_user_1(u8 *val, const void __user *p);
int __get_user_2(u16 *val, const void __user *p);
int __get_user_4(u32 *val, const void __user *p);
int __get_user_8(u64 *val, const void __user *p);
int __put_user_1(u8 val, void __user *p);
int __put_user_2(u16 val, void __user *p);
int __put_user_4(u32 val, void __user *p);
int __put_user_8(u64 val, void __user *p);
void __get_user_bad(void); /* undefined: a link error for odd sizes */
void __put_user_bad(void);

/*
 * get_user(x, ptr): read one 1/2/4/8-byte value; 0 or -EFAULT (x is 0
 * then).  put_user(x, ptr) writes one.
 */
#define get_user(x, ptr)                                                    \
	({                                                                  \
		int __gu_err;                                               \
		const void __user *__gu_p = (ptr);                          \
		switch (sizeof(*(ptr))) {                                   \
		case 1: {                                                   \
			u8 __v;                                             \
			__gu_err = __get_user_1(&__v, __gu_p);              \
			(x) = (__force __typeof__(*(ptr)))(unsigned long)__v;              \
			break;                                              \
		}                                                           \
		case 2: {                                                   \
			u16 __v;                                            \
			__gu_err = __get_user_2(&__v, __gu_p);              \
			(x) = (__force __typeof__(*(ptr)))(unsigned long)__v;              \
			break;                                              \
		}                                                           \
		case 4: {                                                   \
			u32 __v;                                            \
			__gu_err = __get_user_4(&__v, __gu_p);              \
			(x) = (__force __typeof__(*(ptr)))(unsigned long)__v;              \
			break;                                              \
		}                                                           \
		case 8: {                                                   \
			u64 __v;                                            \
			__gu_err = __get_user_8(&__v, __gu_p);              \
			(x) = (__force __typeof__(*(ptr)))(unsigned long)__v; \
			break;                                              \
		}                                                           \
		default:                                                    \
			__get_user_bad();                                   \
			__gu_err = -14;                                     \
		}                                                           \
		__gu_err;                                                   \
	})

#define put_user(x, ptr)                                                   \
	({                                                                 \
		int __pu_err;                                              \
		void __user *__pu_p = (ptr);                               \
		__typeof__(*(ptr)) __pu_v = (x);                           \
		switch (sizeof(*(ptr))) {                                  \
		case 1:                                                    \
			__pu_err = __put_user_1(*(u8 *)&__pu_v, __pu_p);   \
			break;                                             \
		case 2:                                                    \
			__pu_err = __put_user_2(*(u16 *)&__pu_v, __pu_p);  \
			break;                                             \
		case 4:                                                    \
			__pu_err = __put_user_4(*(u32 *)&__pu_v, __pu_p);  \
			break;                                             \
		case 8:                                                    \
			__pu_err = __put_user_8(*(u64 *)&__pu_v, __pu_p);  \
			break;                                             \
		default:                                                   \
			__put_user_bad();                                  \
			__pu_err = -14;                                    \
		}                                                          \
		__pu_err;                                                  \
	})

#endif /* _ASM_X86_UACCESS_H */

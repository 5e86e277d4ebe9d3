#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#undef __always_inline /* glibc defines it too (host tests) */
#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __noreturn __attribute__((__noreturn__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __weak __attribute__((__weak__))
#define fallthrough __attribute__((__fallthrough__))
#define __cold __attribute__((__cold__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
/* Address-space markers (sparse in Linux; documentation here). */
#define __user
#define __iomem
#define __force
#define notrace __attribute__((__no_instrument_function__))
#if __has_attribute(__externally_visible__)
#define __visible __attribute__((__externally_visible__))
#else
#define __visible
#endif

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Stops the compiler from moving memory accesses across this point. */
#define barrier() __asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)                               \
	do {                                             \
		*(volatile __typeof__(x) *)&(x) = (val); \
	} while (0)

#define __same_type(a, b) \
	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))

/* A deliberate fall through to the next case label. */
#ifndef fallthrough
#define fallthrough __attribute__((__fallthrough__))
#endif

#endif /* _LINUX_COMPILER_H */

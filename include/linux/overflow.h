#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

/* Arithmetic that reports overflow instead of wrapping (true = overflow). */
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)

#endif /* _LINUX_OVERFLOW_H */

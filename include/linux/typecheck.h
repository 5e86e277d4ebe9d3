#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

/*
 * typecheck(type, x): true, with a compiler warning (an error under
 * -Werror) if @x is not of @type.  Comparing pointers to two different
 * types is what makes the compiler complain.
 */
#define typecheck(type, x)                     \
	({                                     \
		type __dummy;                  \
		__typeof__(x) __dummy2;        \
		(void)(&__dummy == &__dummy2); \
		1;                             \
	})

#endif /* _LINUX_TYPECHECK_H */

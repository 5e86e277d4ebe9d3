#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

/* Constants usable from both C and assembly. */
#ifdef __ASSEMBLY__
#define _AC(X, Y) X
#define _UL(x) x
#define _ULL(x) x
#else
#define __AC(X, Y) (X##Y)
#define _AC(X, Y) __AC(X, Y)
#define _UL(x) (_AC(x, UL))
#define _ULL(x) (_AC(x, ULL))
#endif

#define UL(x) (_UL(x))
#define ULL(x) (_ULL(x))
#define BIT(nr) (UL(1) << (nr))
#define BIT_ULL(nr) (ULL(1) << (nr))

#endif /* _LINUX_CONST_H */

#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>

/* Negative, 0 or positive as *@a sorts before, with or after *@b. */
typedef int (*cmp_func_t)(const void *a, const void *b);
typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);

/* Exchange the @size-byte elements at @a and @b. */
typedef void (*swap_func_t)(void *a, void *b, int size);
typedef void (*swap_r_func_t)(void *a, void *b, int size, const void *priv);

void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func, const void *priv);
void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func);

#endif /* _LINUX_SORT_H */

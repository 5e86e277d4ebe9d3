#ifndef _ASM_STRING_H
#define _ASM_STRING_H

/*
 * The host build tests lib/string.c's portable functions, so it claims
 * no architecture versions; tests/host/memcpy_64_test.c tests x86's.
 */

#endif /* _ASM_STRING_H */

#ifndef _ASM_GENERIC_PARAM_H
#define _ASM_GENERIC_PARAM_H

/*
 * HZ, the tick rate (seed 001: "节拍率").  250, Debian's choice for
 * Linux: timer_list timeouts are rounded to 4 ms, which no caller
 * notices, since precise sleeps go through hrtimers.  1000 would cost
 * four times the tick interrupts, and each of those is expensive under
 * QEMU's TCG, where our tests run.
 */
#define HZ 250

/* The unit of times(2) and clock_t for user space, whatever HZ is. */
#define USER_HZ 100

#endif /* _ASM_GENERIC_PARAM_H */

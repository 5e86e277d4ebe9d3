#ifndef _LINUX_MC146818RTC_H
#define _LINUX_MC146818RTC_H

#include <asm/io.h>

/*
 * The PC's battery-backed real-time clock (Motorola MC146818 and its
 * descendants in every chipset), reached through the CMOS index port
 * 0x70 and data port 0x71.
 */
#define RTC_PORT(x) (0x70 + (x))

#define RTC_SECONDS 0
#define RTC_MINUTES 2
#define RTC_HOURS 4
#define RTC_DAY_OF_MONTH 7
#define RTC_MONTH 8
#define RTC_YEAR 9

#define RTC_REG_A 10
#define RTC_UIP 0x80 /* an update is in progress: values are changing */
#define RTC_REG_B 11
#define RTC_24H 0x02 /* else 12-hour, PM in bit 7 of the hour */
#define RTC_DM_BINARY 0x04 /* else BCD */

static inline unsigned char CMOS_READ(unsigned char addr)
{
	outb(addr, RTC_PORT(0));
	return inb(RTC_PORT(1));
}

#endif /* _LINUX_MC146818RTC_H */

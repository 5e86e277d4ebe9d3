/*
 * Wall time at boot from the CMOS real-time clock (seed 001: "RTC实时时
 * 钟：记录墙上时间，用于系统启动时初始化xtime变量").
 *
 * The RTC keeps UTC (as QEMU's does by default, and Linux assumes), in
 * BCD or binary, 12- or 24-hour, as register B says.  Reading while
 * the chip updates (UIP) can give a torn value: wait for UIP to clear
 * and read until two passes agree.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mc146818rtc.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <acpi/actbl.h>

struct cmos_time {
	unsigned int sec, min, hour, day, mon, year, century;
};

static DEFINE_SPINLOCK(rtc_lock);

/* The FADT's CMOS index of the century byte, or 0 if it has none. */
static u8 cmos_century_reg(void)
{
	const struct acpi_table_fadt *fadt =
		(const void *)acpi_get_table("FACP");

	return fadt ? fadt->century : 0;
}

static void cmos_read_raw(struct cmos_time *t, u8 century_reg)
{
	unsigned int tries = 0;

	while ((CMOS_READ(RTC_REG_A) & RTC_UIP) && tries++ < 1000000)
		cpu_relax();
	t->sec = CMOS_READ(RTC_SECONDS);
	t->min = CMOS_READ(RTC_MINUTES);
	t->hour = CMOS_READ(RTC_HOURS);
	t->day = CMOS_READ(RTC_DAY_OF_MONTH);
	t->mon = CMOS_READ(RTC_MONTH);
	t->year = CMOS_READ(RTC_YEAR);
	t->century = century_reg ? CMOS_READ(century_reg) : 0;
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

static void cmos_decode(struct cmos_time *t, u8 reg_b)
{
	bool pm = t->hour & 0x80;

	t->hour &= 0x7f;
	if (!(reg_b & RTC_DM_BINARY)) {
		t->sec = bcd2bin(t->sec);
		t->min = bcd2bin(t->min);
		t->hour = bcd2bin(t->hour);
		t->day = bcd2bin(t->day);
		t->mon = bcd2bin(t->mon);
		t->year = bcd2bin(t->year);
		t->century = bcd2bin(t->century);
	}
	if (!(reg_b & RTC_24H))
		t->hour = (t->hour % 12) + (pm ? 12 : 0);
	if (t->century)
		t->year += t->century * 100;
	else
		t->year += t->year < 70 ? 2000 : 1900;
}

/**
 * read_persistent_clock64 - the RTC's time; see timekeeping.h.
 * @ts: receives it, or zero if the RTC makes no sense
 *
 * Boot CPU.
 */
void read_persistent_clock64(struct timespec64 *ts)
{
	u8 century_reg = cmos_century_reg();
	struct cmos_time a, b;
	unsigned long flags;
	u8 reg_b;

	spin_lock_irqsave(&rtc_lock, flags);
	cmos_read_raw(&a, century_reg);
	do {
		b = a;
		cmos_read_raw(&a, century_reg);
	} while (memcmp(&a, &b, sizeof(a)));
	reg_b = CMOS_READ(RTC_REG_B);
	spin_unlock_irqrestore(&rtc_lock, flags);

	cmos_decode(&a, reg_b);
	ts->tv_nsec = 0;
	ts->tv_sec = 0;
	if (a.mon < 1 || a.mon > 12 || a.day < 1 || a.day > 31 || a.hour > 23 ||
	    a.min > 59 || a.sec > 60) {
		pr_warn("rtc: invalid CMOS time; wall clock starts at 1970\n");
		return;
	}
	ts->tv_sec = mktime64(a.year, a.mon, a.day, a.hour, a.min, a.sec);
	pr_info("rtc: setting system clock to %04u-%02u-%02uT%02u:%02u:%02u UTC (%lld)\n",
		a.year, a.mon, a.day, a.hour, a.min, a.sec, ts->tv_sec);
}

/*
 * Publishing the clocks to the vDSO (include/vdso/datapage.h).  The
 * timekeeper calls update_vsyscall() inside its own write section,
 * after every change: the tick's accumulation, settimeofday, a new
 * clocksource.  The vvar page is one page of kernel data that every
 * process maps read-only.
 */
#include <linux/compiler.h>
#include <linux/mm.h>
#include <linux/timekeeper_internal.h>
#include <vdso/datapage.h>
#include <asm/barrier.h>

static union {
	struct vdso_data data;
	u8 page[PAGE_SIZE];
} vdso_data_store __aligned(PAGE_SIZE) __section(".data..page_aligned");

struct vdso_data *const vdso_data = &vdso_data_store.data;

/**
 * update_vsyscall - copy a new timekeeper snapshot to the vvar page.
 * @snap: the values (its seq is ignored)
 *
 * Called with the timekeeper lock held, so writers never overlap; the
 * odd sequence count makes concurrent vDSO readers retry.
 */
void update_vsyscall(const struct vdso_data *snap)
{
	struct vdso_data *vd = vdso_data;

	WRITE_ONCE(vd->seq, vd->seq + 1);
	smp_wmb();
	vd->clock_mode = snap->clock_mode;
	vd->cycle_last = snap->cycle_last;
	vd->mask = snap->mask;
	vd->mult = snap->mult;
	vd->shift = snap->shift;
	vd->mono_ns = snap->mono_ns;
	vd->frac = snap->frac;
	vd->offs_real = snap->offs_real;
	vd->offs_boot = snap->offs_boot;
	smp_wmb();
	WRITE_ONCE(vd->seq, vd->seq + 1);
}

/** update_vsyscall_tz - settimeofday's timezone, for gettimeofday. */
void update_vsyscall_tz(int minuteswest, int dsttime)
{
	vdso_data->tz_minuteswest = minuteswest;
	vdso_data->tz_dsttime = dsttime;
}

#ifndef _LINUX_TIMEKEEPER_INTERNAL_H
#define _LINUX_TIMEKEEPER_INTERNAL_H

/* Between the timekeeper and the vDSO data page (kernel/time/vsyscall.c). */
struct vdso_data;

extern struct vdso_data *const vdso_data;
void update_vsyscall(const struct vdso_data *snap);
void update_vsyscall_tz(int minuteswest, int dsttime);

#endif /* _LINUX_TIMEKEEPER_INTERNAL_H */

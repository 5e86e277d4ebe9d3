#ifndef _LINUX_BH_H
#define _LINUX_BH_H

/*
 * Bottom halves (softirqs and tasklets) off and on for this CPU
 * (kernel/softirq.c).  They nest; the softirqs raised meanwhile run at
 * the outermost local_bh_enable(), which must be called with irqs on.
 */
void local_bh_disable(void);
void local_bh_enable(void);
/* Re-enable without running pending softirqs (irqs off, or from them). */
void _local_bh_enable(void);

#endif /* _LINUX_BH_H */

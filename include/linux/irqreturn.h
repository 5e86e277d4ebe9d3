#ifndef _LINUX_IRQRETURN_H
#define _LINUX_IRQRETURN_H

/*
 * What an interrupt handler tells the core: IRQ_NONE when its device
 * did not interrupt (the line is shared, or the interrupt is spurious),
 * IRQ_HANDLED when it served the device.  The core counts lines on
 * which nobody answers (kernel/irq/spurious.c).
 */
enum irqreturn {
	IRQ_NONE = (0 << 0),
	IRQ_HANDLED = (1 << 0),
	IRQ_WAKE_THREAD = (1 << 1),
};

typedef enum irqreturn irqreturn_t;

#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)

#endif /* _LINUX_IRQRETURN_H */

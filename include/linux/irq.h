#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/irqreturn.h>
#include <asm/irq.h>

/*
 * The generic interrupt layer's view of an interrupt controller.
 *
 * An irq_chip knows how to mask, unmask and acknowledge one input of a
 * controller (an I/O APIC pin, the local APIC).  A flow handler
 * (handle_edge_irq, handle_level_irq, handle_fasteoi_irq) knows in what
 * order to call those for a given kind of line, and calls the line's
 * irqactions in between.  do_IRQ() only finds the descriptor and calls
 * its flow handler.
 */
struct irq_desc;
struct irq_data;

/* Trigger types: how the line signals (request_irq's IRQF_TRIGGER_*). */
#define IRQ_TYPE_NONE 0x00000000
#define IRQ_TYPE_EDGE_RISING 0x00000001
#define IRQ_TYPE_EDGE_FALLING 0x00000002
#define IRQ_TYPE_EDGE_BOTH (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH 0x00000004
#define IRQ_TYPE_LEVEL_LOW 0x00000008
#define IRQ_TYPE_LEVEL_MASK (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH)
#define IRQ_TYPE_SENSE_MASK 0x0000000f

/**
 * struct irq_chip - operations on one input of an interrupt controller
 * @name: shown in /proc/interrupts ("IO-APIC")
 * @irq_startup: enable the line when its first handler arrives
 * @irq_shutdown: disable it when its last handler leaves
 * @irq_mask: stop the line from interrupting
 * @irq_unmask: let it interrupt again
 * @irq_ack: acknowledge an edge at the start of handling
 * @irq_eoi: end of interrupt, after the handlers ran
 * @irq_retrigger: raise the interrupt again, in software
 * @irq_set_type: change the trigger type (IRQ_TYPE_*)
 *
 * All are called with the descriptor's lock held and irqs off.  Any
 * may be NULL.
 */
struct irq_chip {
	const char *name;
	unsigned int (*irq_startup)(struct irq_data *data);
	void (*irq_shutdown)(struct irq_data *data);
	void (*irq_mask)(struct irq_data *data);
	void (*irq_unmask)(struct irq_data *data);
	void (*irq_ack)(struct irq_data *data);
	void (*irq_eoi)(struct irq_data *data);
	int (*irq_retrigger)(struct irq_data *data);
	int (*irq_set_type)(struct irq_data *data, unsigned int flow_type);
};

/**
 * struct irq_data - what a chip needs to know about one line
 * @irq: the interrupt number
 * @hwirq: the controller's own number for it (the I/O APIC pin)
 * @state: IRQD_* bits
 * @chip: the controller
 * @chip_data: the controller's private data for this line
 */
struct irq_data {
	unsigned int irq;
	unsigned long hwirq;
	unsigned int state;
	struct irq_chip *chip;
	void *chip_data;
};

#define IRQD_TRIGGER_MASK 0xf /* the IRQ_TYPE_* of the line */
#define IRQD_LEVEL (1 << 8)
#define IRQD_IRQ_DISABLED (1 << 9) /* disable_irq() or no handler */
#define IRQD_IRQ_MASKED (1 << 10) /* masked at the chip */
#define IRQD_IRQ_INPROGRESS (1 << 11) /* handlers running */
#define IRQD_IRQ_STARTED (1 << 12)

static inline bool irqd_irq_disabled(const struct irq_data *d)
{
	return d->state & IRQD_IRQ_DISABLED;
}

static inline bool irqd_irq_masked(const struct irq_data *d)
{
	return d->state & IRQD_IRQ_MASKED;
}

static inline bool irqd_irq_inprogress(const struct irq_data *d)
{
	return d->state & IRQD_IRQ_INPROGRESS;
}

static inline bool irqd_is_level_type(const struct irq_data *d)
{
	return d->state & IRQD_LEVEL;
}

static inline u32 irqd_get_trigger_type(const struct irq_data *d)
{
	return d->state & IRQD_TRIGGER_MASK;
}

typedef void (*irq_flow_handler_t)(struct irq_desc *desc);

/* Flow handlers (kernel/irq/chip.c). */
void handle_simple_irq(struct irq_desc *desc);
void handle_edge_irq(struct irq_desc *desc);
void handle_level_irq(struct irq_desc *desc);
void handle_fasteoi_irq(struct irq_desc *desc);
void handle_bad_irq(struct irq_desc *desc);

/* A chip for lines with no controller, and the default of every line. */
extern struct irq_chip no_irq_chip;
extern struct irq_chip dummy_irq_chip;

int irq_set_chip(unsigned int irq, struct irq_chip *chip);
int irq_set_chip_data(unsigned int irq, void *data);
int irq_set_irq_type(unsigned int irq, unsigned int type);
void irq_set_chip_and_handler_name(unsigned int irq, struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name);
void __irq_set_handler(unsigned int irq, irq_flow_handler_t handle,
		       const char *name);

static inline void irq_set_chip_and_handler(unsigned int irq,
					    struct irq_chip *chip,
					    irq_flow_handler_t handle)
{
	irq_set_chip_and_handler_name(irq, chip, handle, NULL);
}

static inline void irq_set_handler(unsigned int irq, irq_flow_handler_t handle)
{
	__irq_set_handler(irq, handle, NULL);
}

struct irq_data *irq_get_irq_data(unsigned int irq);
void *irq_get_chip_data(unsigned int irq);

/* Dynamic interrupt numbers for lines no firmware table names. */
int irq_alloc_desc(int node);
void irq_free_desc(unsigned int irq);
void irq_reserve_irqs(unsigned int from, unsigned int cnt);

/* Architecture: the /proc/interrupts lines after the numbered ones. */
struct seq_file;
int arch_show_interrupts(struct seq_file *p, int prec);

#endif /* _LINUX_IRQ_H */

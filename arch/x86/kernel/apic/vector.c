/*
 * Vector allocation: which IDT vector each interrupt line arrives on.
 *
 * A CPU prioritises pending interrupts by vector >> 4, so the 16 ISA
 * lines get the fixed block ISA_IRQ_VECTOR(0..15) and other lines the
 * vectors between FIRST_DEVICE_VECTOR and the system vectors, lowest
 * first.  Each CPU's vector_irq table maps a vector back to its
 * descriptor for do_IRQ().  Device interrupts all go to the boot CPU
 * for now, so every CPU gets the same table (the SMP issue may spread
 * them).
 */
#include <linux/bitmap.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/apic.h>
#include <asm/hw_irq.h>

DEFINE_PER_CPU(vector_irq_t, vector_irq);

static struct irq_cfg irq_cfgs[NR_IRQS];
static DECLARE_BITMAP(used_vectors, NR_VECTORS);
static DEFINE_SPINLOCK(vector_lock);

/** irq_cfg - @irq's vector and destination, or NULL if out of range. */
struct irq_cfg *irq_cfg(unsigned int irq)
{
	return irq < NR_IRQS ? &irq_cfgs[irq] : NULL;
}

static void set_vector_irq(unsigned int vector, struct irq_desc *desc)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		per_cpu(vector_irq, cpu)[vector] = desc;
}

/*
 * Everything below the device range (exceptions, the reserved block,
 * the ISA block) and the system vectors are never handed out.
 */
static void __init reserve_vectors(void)
{
	bitmap_set(used_vectors, 0, FIRST_DEVICE_VECTOR);
	bitmap_set(used_vectors, FIRST_SYSTEM_VECTOR,
		   NR_VECTORS - FIRST_SYSTEM_VECTOR);
}

/**
 * bind_irq_vector - route @irq through a fixed @vector.
 * @irq: the interrupt number
 * @vector: an ISA vector, or one assign_irq_vector() chose
 *
 * Returns 0, or -EINVAL for a vector outside the external range.
 */
int bind_irq_vector(unsigned int irq, unsigned int vector)
{
	struct irq_cfg *cfg = irq_cfg(irq);
	unsigned long flags;

	if (!cfg || vector < FIRST_EXTERNAL_VECTOR ||
	    vector >= FIRST_SYSTEM_VECTOR)
		return -EINVAL;
	spin_lock_irqsave(&vector_lock, flags);
	cfg->vector = vector;
	cfg->dest_apicid = boot_cpu_physical_apicid;
	set_vector_irq(vector, irq_to_desc(irq));
	spin_unlock_irqrestore(&vector_lock, flags);
	return 0;
}

/**
 * assign_irq_vector - give @irq a device vector of its own.
 * @irq: the interrupt number
 *
 * Any context.  Returns the vector (the one it already has, if any),
 * or -ENOSPC when all device vectors are taken.
 */
int assign_irq_vector(unsigned int irq)
{
	struct irq_cfg *cfg = irq_cfg(irq);
	unsigned long flags, vector;

	if (!cfg)
		return -EINVAL;
	if (cfg->vector)
		return cfg->vector;
	spin_lock_irqsave(&vector_lock, flags);
	vector = find_next_zero_bit(used_vectors, FIRST_SYSTEM_VECTOR,
				    FIRST_DEVICE_VECTOR);
	if (vector < FIRST_SYSTEM_VECTOR)
		__set_bit(vector, used_vectors);
	spin_unlock_irqrestore(&vector_lock, flags);
	if (vector >= FIRST_SYSTEM_VECTOR)
		return -ENOSPC;
	bind_irq_vector(irq, vector);
	return vector;
}

/**
 * clear_irq_vector - take @irq's vector away; it must be quiet.
 * @irq: the interrupt number
 */
void clear_irq_vector(unsigned int irq)
{
	struct irq_cfg *cfg = irq_cfg(irq);
	unsigned long flags;

	if (!cfg || !cfg->vector)
		return;
	spin_lock_irqsave(&vector_lock, flags);
	set_vector_irq(cfg->vector, NULL);
	if (cfg->vector >= FIRST_DEVICE_VECTOR)
		__clear_bit(cfg->vector, used_vectors);
	cfg->vector = 0;
	spin_unlock_irqrestore(&vector_lock, flags);
}

/**
 * lapic_online_vectors - give a CPU coming online the boot CPU's table.
 *
 * Called on the new CPU, irqs off, before it is marked online.
 */
void lapic_online_vectors(void)
{
	unsigned long flags;

	spin_lock_irqsave(&vector_lock, flags);
	memcpy(this_cpu_ptr(&vector_irq), &per_cpu(vector_irq, 0),
	       sizeof(vector_irq_t));
	spin_unlock_irqrestore(&vector_lock, flags);
}

/**
 * init_vectors - reserve the fixed vectors.  Boot CPU, from init_IRQ().
 */
void __init init_vectors(void)
{
	reserve_vectors();
}

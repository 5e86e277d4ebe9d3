/*
 * The legacy 8259A interrupt controller pair.  Linnet routes every
 * interrupt through the I/O APIC, so the 8259s are only reprogrammed
 * away from the exception vectors (their power-on vectors 8..15 would
 * alias #DF..#PF) and masked; a stray interrupt from them then lands
 * on its ISA vector, where the line's flow handler counts it.
 */
#include <linux/init.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>

/** mask_8259A - mask all 16 lines.  Irqs off. */
void mask_8259A(void)
{
	outb(0xff, PIC_MASTER_IMR);
	outb(0xff, PIC_SLAVE_IMR);
}

/*
 * ICW1 starts initialisation (edge triggered, cascaded, ICW4 follows);
 * ICW2 is the vector of the chip's line 0; ICW3 says where the slave
 * hangs (a bit mask on the master, a number on the slave); ICW4 picks
 * 8086 mode with normal EOI.
 */
static void init_one_8259(u16 cmd, u16 data, u8 vector, u8 icw3)
{
	outb(0x11, cmd);
	io_delay();
	outb(vector, data);
	io_delay();
	outb(icw3, data);
	io_delay();
	outb(0x01, data);
	io_delay();
}

/**
 * init_8259A - remap both 8259s to the ISA vectors and mask them.
 *
 * Boot CPU, irqs off, from init_IRQ().
 */
void __init init_8259A(void)
{
	mask_8259A();
	init_one_8259(PIC_MASTER_CMD, PIC_MASTER_IMR, ISA_IRQ_VECTOR(0),
		      1 << PIC_CASCADE_IR);
	init_one_8259(PIC_SLAVE_CMD, PIC_SLAVE_IMR, ISA_IRQ_VECTOR(8),
		      PIC_CASCADE_IR);
	mask_8259A();
}

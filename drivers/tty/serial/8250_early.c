/*
 * The 8250/16550 UART as the boot console: polled output, no
 * interrupts.  console=ttyS<n> picks the port; without it ttyS0 is
 * used anyway, since a PC under QEMU -nographic has no other screen.
 * The interrupt-driven tty driver is a later issue.
 */
#include <linux/console.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/setup.h>

#define UART_TX 0 /* transmit holding register */
#define UART_DLL 0 /* divisor latch, with LCR_DLAB */
#define UART_IER 1
#define UART_DLM 1
#define UART_FCR 2
#define UART_IIR 2 /* on read */
#define UART_IIR_NO_INT 0x01
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_LCR_DLAB 0x80
#define UART_LCR_WLEN8 0x03
#define UART_LSR_THRE 0x20
#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT2 0x08
#define UART_FCR_ENABLE 0x07 /* enable and clear both FIFOs */

#define BASE_BAUD 115200

static const u16 serial_ports[] = { 0x3f8, 0x2f8, 0x3e8, 0x2e8 };
static const u8 serial_irqs[] = { 4, 3, 4, 3 };
static int console_index;
static unsigned int console_baud = BASE_BAUD;

static void serial_putc(u16 port, char c)
{
	unsigned int timeout = 100000;

	while (!(inb(port + UART_LSR) & UART_LSR_THRE) && --timeout)
		asm volatile("pause");
	outb(c, port + UART_TX);
}

static void early_serial_write(struct console *con, const char *s,
			       unsigned int n)
{
	u16 port = con->data;

	while (n--) {
		if (*s == '\n')
			serial_putc(port, '\r');
		serial_putc(port, *s++);
	}
}

static struct console early_serial_console = {
	.name = "ttyS",
	.write = early_serial_write,
};

static void __init serial_hw_init(u16 port, unsigned int baud)
{
	unsigned int divisor = BASE_BAUD / (baud ? baud : BASE_BAUD);

	outb(0, port + UART_IER); /* polled: no interrupts */
	outb(UART_LCR_DLAB, port + UART_LCR);
	outb(divisor & 0xff, port + UART_DLL);
	outb(divisor >> 8, port + UART_DLM);
	outb(UART_LCR_WLEN8, port + UART_LCR); /* 8N1 */
	outb(UART_FCR_ENABLE, port + UART_FCR);
	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, port + UART_MCR);
}

/* console=ttyS<n>[,<baud>]; other consoles (tty0) are not ours yet. */
static int __init console_setup(char *str)
{
	unsigned long n;
	char *end;

	if (strncmp(str, "ttyS", 4))
		return 1;
	n = simple_strtoul(str + 4, &end, 10);
	if (end == str + 4 || n >= ARRAY_SIZE(serial_ports))
		return 1;
	console_index = n;
	if (*end == ',')
		console_baud = simple_strtoul(end + 1, NULL, 10);
	return 1;
}
early_param("console", console_setup);

/**
 * early_serial_init - register the boot serial console.
 *
 * Called from setup_arch() after parse_early_param(); everything
 * printk()ed before is replayed on it.
 */
void __init early_serial_init(void)
{
	u16 port = serial_ports[console_index];

	serial_hw_init(port, console_baud);
	early_serial_console.index = console_index;
	early_serial_console.data = port;
	register_console(&early_serial_console);
}

/*
 * The port's interrupt line, claimed shared so it is routed, counted
 * and listed in /proc/interrupts.  IER stays 0, so the UART raises
 * nothing while output is polled and the handler only answers whether
 * the port has an interrupt pending; the tty issue's driver takes over.
 */
static irqreturn_t serial8250_early_interrupt(int irq, void *dev_id)
{
	struct console *con = dev_id;

	if (inb(con->data + UART_IIR) & UART_IIR_NO_INT)
		return IRQ_NONE;
	return IRQ_HANDLED;
}

static int __init serial8250_claim_irq(void)
{
	static char name[8];

	if (!early_serial_console.data)
		return 0;
	snprintf(name, sizeof(name), "ttyS%d", console_index);
	return request_irq(serial_irqs[console_index],
			   serial8250_early_interrupt, IRQF_SHARED, name,
			   &early_serial_console);
}
device_initcall(serial8250_claim_irq);

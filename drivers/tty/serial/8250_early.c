/*
 * The 8250/16550 UART as the boot console.  console=ttyS<n>[,<baud>]
 * picks the port; without it ttyS0 is used anyway, since a PC under
 * QEMU -nographic has no other screen.  Output is polled and
 * synchronous, so it works with interrupts off, in interrupt handlers
 * and during a panic; the tty driver (8250_core.c) shares the port and
 * its lock.  /dev/console opens the console's ttyS line.
 */
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/setup.h>

#include "8250.h"

static int console_index;
static unsigned int console_baud = BASE_BAUD;

static void early_serial_write(struct console *con, const char *s,
			       unsigned int n)
{
	serial8250_console_write(&serial8250_ports[con->index], s, n);
}

/* /dev/console: the tty of our line, once the tty driver exists. */
static struct tty_driver *early_serial_device(struct console *con, int *index)
{
	*index = con->index;
	return serial8250_driver;
}

static struct console early_serial_console = {
	.name = "ttyS",
	.write = early_serial_write,
	.device = early_serial_device,
};

/**
 * serial8250_hw_init - program @up for polled 8N1 at @baud.
 * @up: the port
 * @baud: speed; 0 means BASE_BAUD
 *
 * Interrupts stay off until a tty opens the port.
 */
void serial8250_hw_init(struct uart_8250_port *up, unsigned int baud)
{
	unsigned int divisor = BASE_BAUD / (baud ? baud : BASE_BAUD);
	u16 port = up->iobase;

	if (!divisor)
		divisor = 1;
	up->ier = 0;
	up->lcr = UART_LCR_WLEN8;
	up->mcr = UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2;
	up->baud = BASE_BAUD / divisor;
	outb(0, port + UART_IER);
	outb(UART_LCR_DLAB, port + UART_LCR);
	outb(divisor & 0xff, port + UART_DLL);
	outb(divisor >> 8, port + UART_DLM);
	outb(up->lcr, port + UART_LCR);
	outb(UART_FCR_ENABLE, port + UART_FCR);
	outb(up->mcr, port + UART_MCR);
}

/* console=ttyS<n>[,<baud>]; other consoles (tty0) are not ours yet. */
static int __init console_setup(char *str)
{
	unsigned long n;
	char *end;

	if (strncmp(str, "ttyS", 4))
		return 1;
	n = simple_strtoul(str + 4, &end, 10);
	if (end == str + 4 || n >= UART_NR)
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
	struct uart_8250_port *up = &serial8250_ports[console_index];

	serial8250_hw_init(up, console_baud);
	up->present = true;
	early_serial_console.index = console_index;
	early_serial_console.data = up->iobase;
	register_console(&early_serial_console);
}

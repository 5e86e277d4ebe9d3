#ifndef _DRIVERS_TTY_SERIAL_8250_H
#define _DRIVERS_TTY_SERIAL_8250_H

/*
 * The 8250/16550 UART: registers, and the port state shared by the
 * boot console (8250_early.c) and the tty driver (8250_core.c).
 */
#include <linux/spinlock.h>
#include <linux/tty.h>

#define UART_RX 0 /* receive buffer, on read */
#define UART_TX 0 /* transmit holding register, on write */
#define UART_DLL 0 /* divisor latch, with LCR_DLAB */
#define UART_IER 1
#define UART_DLM 1
#define UART_IIR 2 /* on read */
#define UART_FCR 2 /* on write */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_MSR 6
#define UART_SCR 7

#define UART_IER_RDI 0x01 /* data received */
#define UART_IER_THRI 0x02 /* transmitter empty */
#define UART_IER_RLSI 0x04 /* line status (errors, break) */
#define UART_IER_MSI 0x08

#define UART_IIR_NO_INT 0x01
#define UART_IIR_ID 0x0e

#define UART_FCR_ENABLE_FIFO 0x01
#define UART_FCR_CLEAR_RCVR 0x02
#define UART_FCR_CLEAR_XMIT 0x04
#define UART_FCR_ENABLE 0x07 /* enable and clear both FIFOs */

#define UART_LCR_WLEN5 0x00
#define UART_LCR_WLEN8 0x03
#define UART_LCR_STOP 0x04
#define UART_LCR_PARITY 0x08
#define UART_LCR_EPAR 0x10
#define UART_LCR_SPAR 0x20
#define UART_LCR_SBC 0x40 /* send break */
#define UART_LCR_DLAB 0x80

#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT1 0x04
#define UART_MCR_OUT2 0x08 /* gates the IRQ line on PCs */
#define UART_MCR_LOOP 0x10

#define UART_LSR_DR 0x01
#define UART_LSR_OE 0x02
#define UART_LSR_PE 0x04
#define UART_LSR_FE 0x08
#define UART_LSR_BI 0x10
#define UART_LSR_THRE 0x20
#define UART_LSR_TEMT 0x40

#define UART_MSR_CTS 0x10
#define UART_MSR_DSR 0x20
#define UART_MSR_RI 0x40
#define UART_MSR_DCD 0x80

#define BASE_BAUD 115200
#define UART_NR 4
#define UART_FIFO_SIZE 16
#define UART_XMIT_SIZE 4096 /* a power of 2 */

struct uart_8250_port {
	u16 iobase;
	u8 irq;
	int line;
	bool present;
	spinlock_t lock; /* registers, ier/mcr/lcr, the transmit ring */
	u8 ier, mcr, lcr;
	bool ignore_rx; /* CREAD off */
	bool irq_claimed;
	unsigned int baud;
	u8 *xmit; /* transmit ring */
	unsigned int xmit_head, xmit_tail; /* free-running */
	unsigned long rx_count, tx_count, overruns;
	struct tty_port port;
};

extern struct uart_8250_port serial8250_ports[UART_NR];
extern struct tty_driver *serial8250_driver;

void serial8250_hw_init(struct uart_8250_port *up, unsigned int baud);
void serial8250_console_write(struct uart_8250_port *up, const char *s,
			      unsigned int n);

#endif /* _DRIVERS_TTY_SERIAL_8250_H */

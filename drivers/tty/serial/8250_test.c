/*
 * ktests of the 8250 driver on the machine's ttyS0: the port in
 * loopback (MCR LOOP, through TIOCMBIS/TIOCM_LOOP as user space would
 * ask) sends what the tty writes -- through the transmit ring and the
 * THRE interrupt -- back through the RX interrupt, the flip buffer and
 * N_TTY to the reader; the console keeps printing meanwhile.
 */
#include <ktest/test.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/poll.h>
#include <linux/string.h>
#include <linux/tty.h>

#include "../../char/ktest_util.h"
#include "8250.h"

#define TTYS0 MKDEV(4, 64)

static long sioctl(struct file *f, unsigned int cmd, void __user *arg)
{
	return f->f_op->unlocked_ioctl(f, cmd, (unsigned long)arg);
}

/* Read until @n bytes came or a second passed. */
static ssize_t read_n(struct file *f, char __user *ubuf, size_t n)
{
	unsigned long end = jiffies + HZ;
	ssize_t got = 0;

	while (got < (ssize_t)n && time_before(jiffies, end)) {
		loff_t pos = 0;
		ssize_t r = f->f_op->read(f, ubuf + got, n - got, &pos);

		if (r > 0)
			got += r;
		else
			msleep(5);
	}
	return got;
}

static void serial8250_test_loopback(struct ktest *test)
{
	struct uart_8250_port *up = &serial8250_ports[0];
	unsigned long rx_before, tx_before;
	struct termios *t;
	char __user *ubuf;
	unsigned int *v;
	struct file *f;
	loff_t pos = 0;
	static char big[3000];

	if (!up->present) {
		ktest_skip(test, "no ttyS0");
		return;
	}
	ubuf = ktest_dev_user_map(test);
	if (!ubuf)
		return;
	f = ktest_chrdev_open(TTYS0, O_RDWR | O_NOCTTY | O_NONBLOCK);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_TRUE(test, up->ier & UART_IER_RDI);

	/* Raw mode, 115200 8N1; the line's settings are restored after. */
	KTEST_EXPECT_EQ(test, sioctl(f, TCGETS, ubuf + 2 * PAGE_SIZE), 0);
	t = ktest_dev_user_kaddr(ubuf + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sioctl(f, TCGETS, ubuf + 3 * PAGE_SIZE), 0);
	t->c_iflag = 0;
	t->c_oflag = 0;
	t->c_lflag = 0;
	t->c_cflag = B115200 | CS8 | CREAD | CLOCAL;
	t->c_cc[VMIN] = 1;
	KTEST_EXPECT_EQ(test, sioctl(f, TCSETS, ubuf + 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, up->baud, 115200);
	KTEST_EXPECT_EQ(test, up->lcr, UART_LCR_WLEN8);

	v = ktest_dev_user_kaddr(ubuf + 3 * PAGE_SIZE);
	*v = TIOCM_LOOP;
	KTEST_EXPECT_EQ(test, sioctl(f, TIOCMBIS, ubuf + 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, sioctl(f, TIOCMGET, ubuf + 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(test, *v & TIOCM_LOOP);

	rx_before = up->rx_count;
	tx_before = up->tx_count;
	memcpy(ktest_dev_user_kaddr(ubuf + PAGE_SIZE), "loop\x03!", 6);
	KTEST_EXPECT_EQ(test, f->f_op->write(f, ubuf + PAGE_SIZE, 6, &pos), 6);
	/* The console goes out on the wire, not into our receiver. */
	pr_info("serial8250_test: console output during loopback\n");
	KTEST_EXPECT_EQ(test, read_n(f, ubuf, 6), 6);
	KTEST_EXPECT_MEMEQ(test, ktest_dev_user_kaddr(ubuf), "loop\x03!", 6);
	KTEST_EXPECT_EQ(test, up->rx_count - rx_before, 6);
	KTEST_EXPECT_EQ(test, up->tx_count - tx_before, 6);

	/* More than the FIFO: the THRE interrupt refills it. */
	memset(big, 'q', sizeof(big));
	big[sizeof(big) - 1] = 'E';
	memcpy(ktest_dev_user_kaddr(ubuf + PAGE_SIZE), big, sizeof(big));
	KTEST_EXPECT_EQ(test,
			f->f_op->write(f, ubuf + PAGE_SIZE, sizeof(big), &pos),
			sizeof(big));
	KTEST_EXPECT_EQ(test, read_n(f, ubuf, sizeof(big)), sizeof(big));
	KTEST_EXPECT_MEMEQ(test, ktest_dev_user_kaddr(ubuf), big, sizeof(big));

	/* 7 bits, even parity, 2 stop bits reach the line control. */
	t = ktest_dev_user_kaddr(ubuf + 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sioctl(f, TCGETS, ubuf + 3 * PAGE_SIZE), 0);
	t->c_cflag = B9600 | CS7 | PARENB | CSTOPB | CREAD | CLOCAL;
	KTEST_EXPECT_EQ(test, sioctl(f, TCSETS, ubuf + 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, up->lcr,
			2 | UART_LCR_STOP | UART_LCR_PARITY | UART_LCR_EPAR);
	KTEST_EXPECT_EQ(test, up->baud, 9600);
	KTEST_EXPECT_EQ(test, sioctl(f, TCSETS, ubuf + 2 * PAGE_SIZE), 0);

	*v = TIOCM_LOOP;
	KTEST_EXPECT_EQ(test, sioctl(f, TIOCMBIC, ubuf + 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_FALSE(test, up->mcr & UART_MCR_LOOP);
	ktest_chrdev_close(f);
	KTEST_EXPECT_EQ(test, up->ier, 0);
	ktest_dev_user_unmap();
}

/* /dev/console is the console's line. */
static void serial8250_test_console_device(struct ktest *test)
{
	struct file *f;
	int index = -1;

	KTEST_EXPECT_PTR_EQ(test, console_device(&index), serial8250_driver);
	KTEST_EXPECT_GE(test, index, 0);
	f = ktest_chrdev_open(MKDEV(5, 1), O_RDWR | O_NONBLOCK);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, file_tty(f)->driver, serial8250_driver);
	KTEST_EXPECT_EQ(test, file_tty(f)->index, index);
	ktest_chrdev_close(f);
	/* /dev/tty without a controlling terminal. */
	KTEST_EXPECT_EQ(test, PTR_ERR(ktest_chrdev_open(MKDEV(5, 0), O_RDWR)),
			-ENXIO);
	/* Absent ports: no tty behind them. */
	if (!serial8250_ports[3].present)
		KTEST_EXPECT_EQ(
			test, PTR_ERR(ktest_chrdev_open(MKDEV(4, 67), O_RDWR)),
			-EIO);
	flush_workqueue(system_wq);
}

static struct ktest_case serial8250_test_cases[] = {
	KTEST_CASE(serial8250_test_loopback),
	KTEST_CASE(serial8250_test_console_device),
	{}
};

static struct ktest_suite serial8250_test_suite = {
	.name = "serial8250",
	.test_cases = serial8250_test_cases,
};
ktest_suite(serial8250_test_suite);

/*
 * Random numbers: a ChaCha20 generator (CRNG) fed by an entropy pool.
 *
 * The input pool is a sponge over the ChaCha permutation: inputs are
 * xored into its first half (the rate) and the 16-word state is
 * permuted; extraction permutes, reads the rate and permutes again, so
 * a later compromise does not reveal earlier output.  Inputs: RDSEED /
 * RDRAND when CPUID lists them (trusted, as Linux's default
 * RANDOM_TRUST_CPU, which seeds the CRNG at boot), jitter between TSC
 * reads, and the cycle counter at every interrupt.  Under QEMU with
 * -icount the TSC is deterministic, so without RDRAND the boot seed is
 * predictable there; that is a test setup, not a deployment.
 *
 * Output uses "fast key erasure": every request first turns the key
 * into a new key plus a one-time key for the request, so the state
 * that produced a value is gone once the value is returned.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/poll.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <asm/msr.h>
#include <asm/processor.h>

#define CHACHA_BLOCK_SIZE 64
#define CHACHA_KEY_SIZE 32
#define POOL_READY_BITS 256 /* credited entropy for a full seed */
#define RESEED_INTERVAL (60 * HZ)

/* Wipe key material; the barrier keeps the stores from being elided. */
static inline void memzero_explicit(void *p, size_t n)
{
	memset(p, 0, n);
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

#define QR(a, b, c, d)                        \
	do {                                  \
		a += b, d = rol32(d ^ a, 16); \
		c += d, b = rol32(b ^ c, 12); \
		a += b, d = rol32(d ^ a, 8);  \
		c += d, b = rol32(b ^ c, 7);  \
	} while (0)

/* The ChaCha permutation: 20 rounds, column then diagonal. */
static void chacha_permute(u32 x[16])
{
	for (int i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
}

/**
 * chacha20_block - one 64-byte ChaCha20 keystream block (RFC 7539).
 * @key: 8 words
 * @counter: block counter (word 12)
 * @nonce: 3 words (words 13..15)
 * @out: 64 bytes, little-endian words
 */
void chacha20_block(const u32 key[8], u32 counter, const u32 nonce[3],
		    u8 out[CHACHA_BLOCK_SIZE]);
void chacha20_block(const u32 key[8], u32 counter, const u32 nonce[3],
		    u8 out[CHACHA_BLOCK_SIZE])
{
	u32 in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	u32 x[16];

	memcpy(&in[4], key, CHACHA_KEY_SIZE);
	in[12] = counter;
	memcpy(&in[13], nonce, 12);
	memcpy(x, in, sizeof(x));
	chacha_permute(x);
	for (int i = 0; i < 16; i++)
		x[i] += in[i]; /* x86 is little-endian: bytes as the RFC */
	memcpy(out, x, CHACHA_BLOCK_SIZE);
	memzero_explicit(x, sizeof(x));
}

static struct {
	u32 state[16];
	unsigned int pos; /* next rate byte to xor into (0..31) */
	unsigned int entropy_bits; /* credited since the last reseed */
	spinlock_t lock;
} input_pool = { .lock = __SPIN_LOCK_UNLOCKED(input_pool.lock) };

static struct {
	u32 key[8];
	unsigned long birth; /* jiffies of the last reseed */
	spinlock_t lock;
} base_crng = { .lock = __SPIN_LOCK_UNLOCKED(base_crng.lock) };

enum { CRNG_EMPTY, CRNG_EARLY, CRNG_READY };
static int crng_init = CRNG_EMPTY;
static DECLARE_WAIT_QUEUE_HEAD(crng_init_wait);
static bool have_rdrand, have_rdseed;
static char boot_id[37];

/* Xor @len bytes into the pool's rate, permuting when it is full. */
static void _mix_pool_bytes(const void *buf, size_t len)
{
	const u8 *p = buf;
	u8 *rate = (u8 *)input_pool.state;

	while (len--) {
		rate[input_pool.pos++] ^= *p++;
		if (input_pool.pos == 32) {
			chacha_permute(input_pool.state);
			input_pool.pos = 0;
		}
	}
}

static void mix_pool_bytes(const void *buf, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&input_pool.lock, flags);
	_mix_pool_bytes(buf, len);
	spin_unlock_irqrestore(&input_pool.lock, flags);
}

static bool rdrand_long(unsigned long *v)
{
	for (int i = 0; i < 10; i++) {
		bool ok;

		asm volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

static bool rdseed_long(unsigned long *v)
{
	bool ok;

	asm volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

/* 32 bytes from the CPU's generator, if it has one; how many words. */
static int arch_get_random_words(unsigned long *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (have_rdseed && rdseed_long(&v[i]))
			continue;
		if (!have_rdrand || !rdrand_long(&v[i]))
			break;
	}
	return i;
}

/* Extract a fresh key from the pool into the CRNG.  Pool lock held. */
static void crng_reseed_locked(void)
{
	unsigned long arch[4], flags;
	u32 key[8];

	if (arch_get_random_words(arch, 4) == 4)
		_mix_pool_bytes(arch, sizeof(arch));
	if (input_pool.pos)
		chacha_permute(input_pool.state);
	memcpy(key, input_pool.state, sizeof(key));
	chacha_permute(input_pool.state);
	input_pool.pos = 0;

	spin_lock_irqsave(&base_crng.lock, flags);
	for (int i = 0; i < 8; i++)
		base_crng.key[i] ^= key[i];
	base_crng.birth = jiffies;
	spin_unlock_irqrestore(&base_crng.lock, flags);
	memzero_explicit(key, sizeof(key));
	memzero_explicit(arch, sizeof(arch));
}

/* Count @bits of entropy; seed the CRNG once there are enough. */
static void credit_entropy_bits(unsigned int bits)
{
	unsigned long flags;
	bool now_ready = false;

	spin_lock_irqsave(&input_pool.lock, flags);
	input_pool.entropy_bits += bits;
	if (crng_init == CRNG_EMPTY)
		crng_init = CRNG_EARLY;
	if (input_pool.entropy_bits >= POOL_READY_BITS &&
	    (crng_init != CRNG_READY ||
	     time_after(jiffies, base_crng.birth + RESEED_INTERVAL))) {
		crng_reseed_locked();
		input_pool.entropy_bits = 0;
		if (crng_init != CRNG_READY) {
			crng_init = CRNG_READY;
			now_ready = true;
		}
	}
	spin_unlock_irqrestore(&input_pool.lock, flags);
	if (now_ready)
		wake_up_interruptible_all(&crng_init_wait);
}

/**
 * add_device_randomness - mix data that may not be secret but differs
 * between machines or boots (no entropy is credited).
 * @buf: the data
 * @len: its length
 */
void add_device_randomness(const void *buf, size_t len)
{
	u64 t = rdtsc();

	mix_pool_bytes(&t, sizeof(t));
	mix_pool_bytes(buf, len);
}

/* Interrupt timing: a small per-CPU pool, folded in every 64 events. */
struct fast_pool {
	u64 pool[2];
	unsigned int count;
};
static DEFINE_PER_CPU(struct fast_pool, irq_randomness);

/**
 * add_interrupt_randomness - note the time of interrupt @irq.
 * @irq: the line
 *
 * Hardirq context.  Each 64 interrupts on a CPU are worth one bit.
 */
void add_interrupt_randomness(int irq)
{
	struct fast_pool *fp = this_cpu_ptr(&irq_randomness);
	u64 t = rdtsc();

	fp->pool[0] = (fp->pool[0] << 7 | fp->pool[0] >> 57) ^ t;
	fp->pool[1] = (fp->pool[1] << 13 | fp->pool[1] >> 51) ^ t ^
		      ((u64)irq << 32) ^ jiffies;
	if (++fp->count < 64)
		return;
	/* Skip this time rather than spin in an interrupt. */
	if (!spin_trylock(&input_pool.lock))
		return;
	_mix_pool_bytes(fp->pool, sizeof(fp->pool));
	spin_unlock(&input_pool.lock);
	fp->count = 0;
	credit_entropy_bits(1);
}

/*
 * Fast key erasure: the base key makes one block; its first half is
 * the next base key, its second half the key for this request only.
 */
static void crng_make_key(u32 req_key[8])
{
	static const u32 zero_nonce[3];
	u8 block[CHACHA_BLOCK_SIZE];
	unsigned long flags;

	spin_lock_irqsave(&base_crng.lock, flags);
	chacha20_block(base_crng.key, 0, zero_nonce, block);
	memcpy(base_crng.key, block, CHACHA_KEY_SIZE);
	memcpy(req_key, block + CHACHA_KEY_SIZE, CHACHA_KEY_SIZE);
	spin_unlock_irqrestore(&base_crng.lock, flags);
	memzero_explicit(block, sizeof(block));
}

static void crng_maybe_reseed(void)
{
	unsigned long flags;

	if (!time_after(jiffies, READ_ONCE(base_crng.birth) + RESEED_INTERVAL))
		return;
	if (!spin_trylock_irqsave(&input_pool.lock, flags))
		return;
	crng_reseed_locked();
	spin_unlock_irqrestore(&input_pool.lock, flags);
}

/* Fill @buf from a request key, block counter from 1. */
static void crng_fill(const u32 key[8], u32 *counter, u8 *buf, size_t len)
{
	static const u32 zero_nonce[3];
	u8 block[CHACHA_BLOCK_SIZE];

	while (len) {
		size_t n = min_t(size_t, len, CHACHA_BLOCK_SIZE);

		chacha20_block(key, (*counter)++, zero_nonce, block);
		memcpy(buf, block, n);
		buf += n;
		len -= n;
	}
	memzero_explicit(block, sizeof(block));
}

static void warn_unseeded(void)
{
	static bool warned;

	if (crng_init != CRNG_READY && !warned) {
		warned = true;
		pr_notice(
			"random: %pS got random bytes before the CRNG was seeded\n",
			__builtin_return_address(0));
	}
}

/**
 * get_random_bytes - fill @buf with @len random bytes.
 * @buf: destination
 * @len: its length
 *
 * Any context; never sleeps.
 */
void get_random_bytes(void *buf, size_t len)
{
	u32 key[8], counter = 1;

	warn_unseeded();
	crng_maybe_reseed();
	crng_make_key(key);
	crng_fill(key, &counter, buf, len);
	memzero_explicit(key, sizeof(key));
}

/** get_random_u32 - a random 32-bit value; any context. */
u32 get_random_u32(void)
{
	u32 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/** get_random_u64 - a random 64-bit value; any context. */
u64 get_random_u64(void)
{
	u64 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

bool rng_is_initialized(void)
{
	return READ_ONCE(crng_init) == CRNG_READY;
}

int wait_for_random_bytes(void)
{
	return wait_event_interruptible(crng_init_wait, rng_is_initialized());
}

/*
 * Copy @len random bytes to user memory, a block at a time, stopping
 * early for a signal.  Returns bytes copied, or -EFAULT/-ERESTARTSYS
 * when nothing was.
 */
static ssize_t get_random_bytes_user(char __user *ubuf, size_t len)
{
	u8 block[CHACHA_BLOCK_SIZE];
	u32 key[8], counter = 1;
	ssize_t done = 0;

	if (!len)
		return 0;
	crng_maybe_reseed();
	crng_make_key(key);
	while (len) {
		size_t n = min_t(size_t, len, sizeof(block));
		size_t left;

		crng_fill(key, &counter, block, n);
		left = copy_to_user(ubuf + done, block, n);
		done += n - left;
		if (left)
			break;
		len -= n;
		if (!(done % PAGE_SIZE) && len) {
			if (signal_pending(current))
				break;
			cond_resched();
		}
		if (!counter) { /* 256 GiB with one key: take a new one */
			crng_make_key(key);
			counter = 1;
		}
	}
	memzero_explicit(block, sizeof(block));
	memzero_explicit(key, sizeof(key));
	if (done)
		return done;
	return signal_pending(current) && len ? -ERESTARTSYS : -EFAULT;
}

ssize_t do_getrandom(char __user *ubuf, size_t len, unsigned int flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	/* GRND_INSECURE and GRND_RANDOM contradict each other. */
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) ==
	    (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > INT_MAX)
		len = INT_MAX;
	if (!rng_is_initialized() && !(flags & GRND_INSECURE)) {
		int ret;

		if (flags & GRND_NONBLOCK)
			return -EAGAIN;
		ret = wait_for_random_bytes();
		if (ret)
			return ret;
	}
	return get_random_bytes_user(ubuf, len);
}

SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count, unsigned int,
		flags)
{
	return do_getrandom(buf, count, flags);
}

/* /dev/random waits for the seed; /dev/urandom never does. */
static ssize_t random_read(struct file *file, char __user *buf, size_t len,
			   loff_t *ppos)
{
	if (!rng_is_initialized()) {
		int ret;

		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = wait_for_random_bytes();
		if (ret)
			return ret;
	}
	return get_random_bytes_user(buf, len);
}

static ssize_t urandom_read(struct file *file, char __user *buf, size_t len,
			    loff_t *ppos)
{
	warn_unseeded();
	return get_random_bytes_user(buf, len);
}

/* Writes are mixed in but credit nothing: anyone may write. */
static ssize_t random_write(struct file *file, const char __user *buf,
			    size_t len, loff_t *ppos)
{
	u8 block[64];
	size_t done = 0;

	while (done < len) {
		size_t n = min_t(size_t, len - done, sizeof(block));

		if (copy_from_user(block, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		mix_pool_bytes(block, n);
		done += n;
		cond_resched();
	}
	memzero_explicit(block, sizeof(block));
	return done;
}

static __poll_t random_poll(struct file *file, poll_table *wait)
{
	poll_wait(file, &crng_init_wait, wait);
	return rng_is_initialized() ?
		       EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM :
		       EPOLLOUT | EPOLLWRNORM;
}

static long random_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case RNDGETENTCNT: {
		int bits = rng_is_initialized() ? POOL_READY_BITS :
						  input_pool.entropy_bits;

		return put_user(bits, (int __user *)arg);
	}
	default:
		return -EINVAL;
	}
}

/* The random devices have no position: a seek changes nothing. */
static loff_t random_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

const struct file_operations random_fops = {
	.read = random_read,
	.write = random_write,
	.poll = random_poll,
	.unlocked_ioctl = random_ioctl,
	.llseek = random_llseek,
	.name = "random",
};

const struct file_operations urandom_fops = {
	.read = urandom_read,
	.write = random_write,
	.unlocked_ioctl = random_ioctl,
	.llseek = random_llseek,
	.name = "urandom",
};

const char *random_boot_id(void)
{
	return boot_id;
}

/* Time the TSC around a little work, many times; mix the deltas. */
static void __init collect_tsc_jitter(void)
{
	u64 samples[64], last = rdtsc();
	u32 sink = 0;

	for (int round = 0; round < POOL_READY_BITS / 4; round++) {
		for (int i = 0; i < 64; i++) {
			u64 now;

			for (int j = 0; j < (int)(last & 15) + 8; j++)
				sink += j * (u32)last;
			now = rdtsc();
			samples[i] = now - last;
			last = now;
		}
		mix_pool_bytes(samples, sizeof(samples));
		mix_pool_bytes(&sink, sizeof(sink)); /* keeps the work real */
		/* One bit per sixteen samples: the timing is not all noise. */
		credit_entropy_bits(64 / 16);
	}
}

static int __init random_init(void)
{
	u32 eax, ebx, ecx, edx;
	unsigned long arch[8];
	u64 t[3];
	u8 uuid[16];
	int n;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	have_rdrand = ecx & (1U << 30);
	cpuid(0, &eax, &ebx, &ecx, &edx);
	if (eax >= 7) {
		cpuid_count(7, 0, &eax, &ebx, &ecx, &edx);
		have_rdseed = ebx & (1U << 18);
	}
	t[0] = rdtsc();
	t[1] = ktime_get_real_ns();
	t[2] = local_clock();
	add_device_randomness(t, sizeof(t));
	n = arch_get_random_words(arch, ARRAY_SIZE(arch));
	mix_pool_bytes(arch, n * sizeof(arch[0]));
	memzero_explicit(arch, sizeof(arch));
	if (n == ARRAY_SIZE(arch))
		credit_entropy_bits(POOL_READY_BITS); /* trust the CPU */
	collect_tsc_jitter();
	pr_info("random: crng %s (rdrand %s, rdseed %s)\n",
		rng_is_initialized() ? "init done" : "not yet seeded",
		have_rdrand ? "yes" : "no", have_rdseed ? "yes" : "no");

	get_random_bytes(uuid, sizeof(uuid));
	uuid[6] = (uuid[6] & 0x0f) | 0x40; /* version 4 */
	uuid[8] = (uuid[8] & 0x3f) | 0x80; /* RFC 4122 variant */
	snprintf(
		boot_id, sizeof(boot_id),
		"%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5], uuid[6],
		uuid[7], uuid[8], uuid[9], uuid[10], uuid[11], uuid[12],
		uuid[13], uuid[14], uuid[15]);
	return 0;
}
core_initcall(random_init);

/*
 * Converting text to integers.
 *
 * The kstrto*() family is strict, for values that come from user space
 * (sysfs and proc writes, the command line): the whole string must be
 * one number, optionally followed by a single '\n' (what "echo" adds).
 * They return 0, -EINVAL for anything that is not a number, or -ERANGE
 * when it does not fit, and leave *res untouched on error.
 *
 * The simple_strto*() family is lenient, for parsing a number at the
 * start of a longer string: it stops at the first non-digit, reports
 * where through @endp, and does not detect overflow.
 *
 * Base 0 means "as C writes it": 0x or 0X prefix for hex, a leading 0
 * for octal, decimal otherwise.  Base 16 also accepts the 0x prefix.
 * Bases 2 to 36 use the digits 0-9 then letters a-z in either case.
 * Everything here runs in any context.
 */

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/errno.h>

/* The value of digit @c (0-35), or 36 if @c is not a digit at all. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20; /* ASCII lower case */
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 36;
}

static bool valid_base(unsigned int base)
{
	return base == 0 || (base >= 2 && base <= 36);
}

/*
 * Resolves base 0 from the number's prefix and steps over a "0x" in
 * front of a hex number.  "0x" not followed by a hex digit is the
 * number 0 followed by an 'x'.
 */
static const char *fixup_radix(const char *s, unsigned int *base)
{
	bool hex_prefix = s[0] == '0' && (s[1] | 0x20) == 'x' &&
			  digit_value(s[2]) < 16;

	if (*base == 0) {
		if (hex_prefix)
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

/*
 * Accumulates the digits at @s; returns how many there were.  *@overflow
 * tells whether the value stopped fitting in 64 bits along the way.
 */
static unsigned int parse_digits(const char *s, unsigned int base,
				 unsigned long long *res, bool *overflow)
{
	unsigned long long v = 0;
	unsigned int n, d;

	*overflow = false;
	for (n = 0; (d = digit_value(s[n])) < base; n++) {
		if (v > (ULLONG_MAX - d) / base)
			*overflow = true;
		v = v * base + d;
	}
	*res = v;
	return n;
}

/* kstrtoull() after any '+': the strict parse itself. */
static int parse_strict(const char *s, unsigned int base,
			unsigned long long *res)
{
	unsigned long long v;
	unsigned int n;
	bool overflow;

	if (!valid_base(base))
		return -EINVAL;
	s = fixup_radix(s, &base);
	n = parse_digits(s, base, &v, &overflow);
	if (overflow)
		return -ERANGE;
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

/**
 * kstrtoull - convert a string to an unsigned long long
 * @s: the number, optionally with a leading '+' and a trailing '\n'
 * @base: 0 (detect from the prefix) or 2 to 36
 * @res: where the value goes on success
 *
 * A '-' sign is rejected, even for "-0".  Any context.
 * Return: 0, -EINVAL if @s is not a number, -ERANGE if it overflows.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_strict(s, base, res);
}

/**
 * kstrtoll - convert a string to a long long
 * @s: the number, optionally with a leading '+' or '-' and a trailing '\n'
 * @base: 0 (detect from the prefix) or 2 to 36
 * @res: where the value goes on success
 *
 * Any context.
 * Return: 0, -EINVAL if @s is not a number, -ERANGE if it overflows.
 */
int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int err;

	if (s[0] == '-') {
		err = parse_strict(s + 1, base, &v);
		if (err)
			return err;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		/* Negating in unsigned arithmetic also covers LLONG_MIN. */
		*res = (long long)(0ULL - v);
		return 0;
	}
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (v > LLONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtoul - convert a string to an unsigned long
 * @s: the number, optionally with a leading '+' and a trailing '\n'
 * @base: 0 (detect from the prefix) or 2 to 36
 * @res: where the value goes on success
 *
 * Any context.
 * Return: 0, -EINVAL if @s is not a number, -ERANGE if it overflows.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > ULONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtol - convert a string to a long
 * @s: the number, optionally with a leading '+' or '-' and a trailing '\n'
 * @base: 0 (detect from the prefix) or 2 to 36
 * @res: where the value goes on success
 *
 * Any context.
 * Return: 0, -EINVAL if @s is not a number, -ERANGE if it overflows.
 */
int kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v < LONG_MIN || v > LONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtouint - convert a string to an unsigned int
 * @s: the number, optionally with a leading '+' and a trailing '\n'
 * @base: 0 (detect from the prefix) or 2 to 36
 * @res: where the value goes on success
 *
 * Any context.
 * Return: 0, -EINVAL if @s is not a number, -ERANGE if it overflows.
 */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtoint - convert a string to an int
 * @s: the number, optionally with a leading '+' or '-' and a trailing '\n'
 * @base: 0 (detect from the prefix) or 2 to 36
 * @res: where the value goes on success
 *
 * Any context.
 * Return: 0, -EINVAL if @s is not a number, -ERANGE if it overflows.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v < INT_MIN || v > INT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * simple_strtoull - parse the number at the start of a string
 * @cp: the string; no leading white space or sign is skipped
 * @endp: if not NULL, receives the first byte after the number
 * @base: 0 (detect from the prefix) or 2 to 36
 *
 * Overflow is not detected: the value wraps.  Prefer kstrtoull() for a
 * string that must be exactly one number.  Any context.
 * Return: the value, 0 if there are no digits (or @base is invalid).
 */
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long v = 0;
	const char *s = cp;
	bool overflow;

	if (valid_base(base)) {
		s = fixup_radix(cp, &base);
		s += parse_digits(s, base, &v, &overflow);
	}
	if (endp)
		*endp = (char *)s;
	return v;
}

/**
 * simple_strtoul - parse the number at the start of a string
 * @cp: the string; no leading white space or sign is skipped
 * @endp: if not NULL, receives the first byte after the number
 * @base: 0 (detect from the prefix) or 2 to 36
 *
 * As simple_strtoull().  Any context.
 * Return: the value, 0 if there are no digits.
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

/**
 * simple_strtol - parse the signed number at the start of a string
 * @cp: the string; a leading '-' is accepted, white space is not skipped
 * @endp: if not NULL, receives the first byte after the number
 * @base: 0 (detect from the prefix) or 2 to 36
 *
 * As simple_strtoull(), negated after a '-'.  Any context.
 * Return: the value, 0 if there are no digits.
 */
long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (cp[0] == '-')
		return (long)(0UL - simple_strtoul(cp + 1, endp, base));
	return simple_strtoul(cp, endp, base);
}

/*
 * vsnprintf() and friends: printf-style formatting into a buffer, with
 * Linux's kernel extensions (%pS, %pM, %pI4, %ph, ...).
 *
 * Integer conversions follow Linux rather than ISO C where the two
 * differ, so that /proc and /sys text reads exactly as on Linux:
 *   - at least one digit is printed, even for 0 with precision 0
 *     ("%.0d" of 0 is "0", C says "");
 *   - '#' with hex always adds the prefix ("%#x" of 0 is "0x0");
 *   - a precision does not cancel the '0' flag ("%05.3d" of 7 is "00007").
 * Unknown conversions (and %n) end the output, as in Linux: the rest of
 * the argument list can no longer be trusted.
 *
 * Everything here runs in any context: no locks, no allocation, and
 * the stack use is one KSYM_SYMBOL_LEN buffer for %pS.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/kallsyms.h>

#define ZEROPAD 0x01 /* pad with '0' up to the field width */
#define SIGN 0x02 /* signed conversion */
#define PLUS 0x04 /* '+' before a non-negative number */
#define SPACE 0x08 /* ' ' before a non-negative number */
#define LEFT 0x10 /* left-justify in the field */
#define SPECIAL 0x20 /* '#': "0" or "0x" prefix */
#define SMALL 0x40 /* lower-case hex digits and "0x" */

/* Linux's limits; they keep every length well inside an int. */
#define WIDTH_MAX ((1 << 23) - 1)
#define PRECISION_MAX ((1 << 15) - 1)

/* Length modifiers, after folding synonyms (L and q are ll, Z is z). */
enum printf_qualifier {
	QUAL_NONE,
	QUAL_HH,
	QUAL_H,
	QUAL_L,
	QUAL_LL,
	QUAL_Z,
	QUAL_T,
	QUAL_J,
};

struct printf_spec {
	unsigned int flags;
	unsigned int base;
	int width; /* -1: none given */
	int precision; /* -1: none given */
	enum printf_qualifier qualifier;
};

/*
 * The output: bytes beyond @size are counted in @len but not stored,
 * which is how vsnprintf() learns the length it would have needed.
 */
struct printf_out {
	char *buf;
	size_t size;
	size_t len;
};

static void put_char(struct printf_out *out, char c)
{
	if (out->len < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_repeat(struct printf_out *out, char c, int n)
{
	while (n-- > 0)
		put_char(out, c);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static const char hex_lower[] = "0123456789abcdef";
static const char hex_upper[] = "0123456789ABCDEF";

/*
 * One integer, laid out as
 *	[spaces] [sign] [prefix] [zeros] digits [spaces]
 * with the field width shared between the padding runs.
 */
static void put_number(struct printf_out *out, unsigned long long num,
		       struct printf_spec spec)
{
	const char *digits = spec.flags & SMALL ? hex_lower : hex_upper;
	char tmp[24]; /* 2^64 takes 22 octal digits */
	int n = 0, prec = spec.precision, prefix = 0, pad;
	char sign = 0;

	if (spec.flags & SIGN) {
		if ((long long)num < 0) {
			sign = '-';
			num = -num;
		} else if (spec.flags & PLUS) {
			sign = '+';
		} else if (spec.flags & SPACE) {
			sign = ' ';
		}
	}
	if (spec.flags & SPECIAL) {
		if (spec.base == 16)
			prefix = 2;
		else if (spec.base == 8 && num)
			prefix = 1;
	}
	do {
		tmp[n++] = digits[num % spec.base];
		num /= spec.base;
	} while (num);

	if (prec < n)
		prec = n;
	pad = spec.width - prec - prefix - (sign != 0);
	if (!(spec.flags & (LEFT | ZEROPAD)))
		put_repeat(out, ' ', pad);
	if (sign)
		put_char(out, sign);
	if (prefix)
		put_char(out, '0');
	if (prefix == 2)
		put_char(out, spec.flags & SMALL ? 'x' : 'X');
	if (!(spec.flags & LEFT) && (spec.flags & ZEROPAD))
		put_repeat(out, '0', pad);
	put_repeat(out, '0', prec - n);
	while (n)
		put_char(out, tmp[--n]);
	if (spec.flags & LEFT)
		put_repeat(out, ' ', pad);
}

/* A string, cut to the precision and padded with spaces to the width. */
static void put_string(struct printf_out *out, const char *s,
		       struct printf_spec spec)
{
	int len = 0, i;

	while ((spec.precision < 0 || len < spec.precision) && s[len])
		len++;
	if (!(spec.flags & LEFT))
		put_repeat(out, ' ', spec.width - len);
	for (i = 0; i < len; i++)
		put_char(out, s[i]);
	if (spec.flags & LEFT)
		put_repeat(out, ' ', spec.width - len);
}

/*
 * Pointers we are asked to read through: NULL, the never-mapped first
 * 4 KiB and ERR_PTR() values would fault, so print what they are
 * instead, as Linux does.  Returns NULL for a pointer that looks sane.
 */
static const char *bad_pointer(const void *p)
{
	if (!p)
		return "(null)";
	if ((unsigned long)p < 4096 || IS_ERR(p))
		return "(efault)";
	return NULL;
}

/* A raw address or value: 16 hex digits, after "0x" if @prefix. */
static void put_hex_address(struct printf_out *out, unsigned long long val,
			    struct printf_spec spec, bool prefix)
{
	spec.flags &= ~(SIGN | PLUS | SPACE | SPECIAL);
	spec.flags |= SMALL | (prefix ? SPECIAL : 0);
	spec.base = 16;
	spec.precision = 2 * sizeof(val);
	put_number(out, val, spec);
}

/* %pS %ps, with an optional R (return address, the same on x86). */
static void put_symbol(struct printf_out *out, const void *ptr, char kind,
		       struct printf_spec spec)
{
	char sym[KSYM_SYMBOL_LEN];

	if (kind == 'S')
		sprint_symbol(sym, (unsigned long)ptr);
	else
		sprint_symbol_no_offset(sym, (unsigned long)ptr);
	spec.precision = -1;
	put_string(out, sym, spec);
}

/* %pM (colons), %pMF (dashes), %pm (none); an R reverses the bytes. */
static void put_mac(struct printf_out *out, const u8 *addr, const char *fmt,
		    struct printf_spec spec)
{
	char mac[sizeof("xx:xx:xx:xx:xx:xx")];
	bool reverse = fmt[1] == 'R';
	char sep = fmt[0] == 'm' ? 0 : fmt[1] == 'F' ? '-' : ':';
	char *p = mac;
	int i;
	u8 b;

	for (i = 0; i < 6; i++) {
		b = addr[reverse ? 5 - i : i];
		*p++ = hex_lower[b >> 4];
		*p++ = hex_lower[b & 15];
		if (sep && i < 5)
			*p++ = sep;
	}
	*p = '\0';
	spec.precision = -1;
	put_string(out, mac, spec);
}

/* %pI4 "1.2.3.4", %pi4 "001.002.003.004": bytes in memory order. */
static void put_ipv4(struct printf_out *out, const u8 *addr, bool fixed,
		     struct printf_spec spec)
{
	char ip[sizeof("255.255.255.255")];
	char *p = ip;
	int i;
	u8 b;

	for (i = 0; i < 4; i++) {
		b = addr[i];
		if (fixed || b >= 100)
			*p++ = '0' + b / 100;
		if (fixed || b >= 10)
			*p++ = '0' + b / 10 % 10;
		*p++ = '0' + b % 10;
		if (i < 3)
			*p++ = '.';
	}
	*p = '\0';
	spec.precision = -1;
	put_string(out, ip, spec);
}

/*
 * %ph: up to 64 bytes as hex, their count in the field width ("%6ph",
 * "%*ph"; 1 if none given).  %phC separates with ':', %phD with '-',
 * %phN not at all, plain %ph with ' '.
 */
static void put_hex_bytes(struct printf_out *out, const u8 *addr,
			  const char *fmt, struct printf_spec spec)
{
	int len = spec.width < 0 ? 1 : min(spec.width, 64);
	char sep = ' ';
	int i;

	if (fmt[1] == 'C')
		sep = ':';
	else if (fmt[1] == 'D')
		sep = '-';
	else if (fmt[1] == 'N')
		sep = 0;
	for (i = 0; i < len; i++) {
		put_char(out, hex_lower[addr[i] >> 4]);
		put_char(out, hex_lower[addr[i] & 15]);
		if (sep && i < len - 1)
			put_char(out, sep);
	}
}

/* Whether the %p extension at @fmt reads the memory the pointer names. */
static bool reads_pointee(const char *fmt)
{
	switch (fmt[0]) {
	case 'M':
	case 'm':
	case 'h':
	case 'a':
		return true;
	case 'I':
	case 'i':
		return fmt[1] == '4';
	}
	return false;
}

/* The extensions for which reads_pointee() holds; @ptr is checked. */
static void put_pointee(struct printf_out *out, const char *fmt,
			const void *ptr, struct printf_spec spec)
{
	switch (fmt[0]) {
	case 'M':
	case 'm':
		put_mac(out, ptr, fmt, spec);
		break;
	case 'I':
	case 'i':
		put_ipv4(out, ptr, fmt[0] == 'i', spec);
		break;
	case 'h':
		put_hex_bytes(out, ptr, fmt, spec);
		break;
	case 'a':
		/* %pa and %pap: phys_addr_t; %pad: dma_addr_t. */
		if (fmt[1] == 'd')
			put_hex_address(out, *(const dma_addr_t *)ptr, spec,
					true);
		else
			put_hex_address(out, *(const phys_addr_t *)ptr, spec,
					true);
		break;
	}
}

/*
 * %p and its extensions; @fmt points just past the 'p'.  Plain %p (and
 * %pK) prints the address as 0x and 16 hex digits.  Linux prints a hash
 * of it instead, to keep kernel addresses out of logs; Linnet is a
 * teaching kernel and shows the real value.  %px is Linux's raw form:
 * 16 digits, no prefix.  An unknown extension prints as plain %p.
 * Returns @fmt moved past the extension letters, which (as in Linux)
 * are all the letters and digits that follow the 'p'.
 */
static const char *put_pointer(struct printf_out *out, const char *fmt,
			       void *ptr, struct printf_spec spec)
{
	const char *bad = bad_pointer(ptr);

	if (reads_pointee(fmt) && bad) {
		spec.precision = -1;
		put_string(out, bad, spec);
	} else if (reads_pointee(fmt)) {
		put_pointee(out, fmt, ptr, spec);
	} else if (fmt[0] == 'S' || fmt[0] == 's') {
		put_symbol(out, ptr, fmt[0], spec);
	} else {
		put_hex_address(out, (unsigned long)ptr, spec, fmt[0] != 'x');
	}
	while (is_alnum(*fmt))
		fmt++;
	return fmt;
}

/* A decimal width or precision in the format, saturating at @limit. */
static int read_decimal(const char **fmt, int limit)
{
	int n = 0;

	while (is_digit(**fmt)) {
		n = n * 10 + (*(*fmt)++ - '0');
		if (n > limit)
			n = limit;
	}
	return n;
}

static const char *decode_flags(const char *fmt, struct printf_spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-':
			spec->flags |= LEFT;
			break;
		case '+':
			spec->flags |= PLUS;
			break;
		case ' ':
			spec->flags |= SPACE;
			break;
		case '#':
			spec->flags |= SPECIAL;
			break;
		case '0':
			spec->flags |= ZEROPAD;
			break;
		default:
			return fmt;
		}
	}
}

/*
 * Width and precision, from the format or ('*') from the arguments.  A
 * negative '*' width means '-' and its magnitude; a negative '*'
 * precision counts as none given, as ISO C says.
 */
static const char *decode_width_precision(const char *fmt,
					  struct printf_spec *spec, va_list *ap)
{
	int v;

	if (*fmt == '*') {
		fmt++;
		v = va_arg(*ap, int);
		if (v < 0) {
			spec->flags |= LEFT;
			v = v < -WIDTH_MAX ? WIDTH_MAX : -v;
		}
		spec->width = min(v, WIDTH_MAX);
	} else if (is_digit(*fmt)) {
		spec->width = read_decimal(&fmt, WIDTH_MAX);
	}
	if (*fmt != '.')
		return fmt;
	fmt++;
	if (*fmt == '*') {
		fmt++;
		v = va_arg(*ap, int);
		spec->precision = v < 0 ? -1 : min(v, PRECISION_MAX);
	} else {
		spec->precision = read_decimal(&fmt, PRECISION_MAX);
	}
	return fmt;
}

static const char *decode_qualifier(const char *fmt, struct printf_spec *spec)
{
	switch (*fmt) {
	case 'h':
		if (fmt[1] == 'h') {
			spec->qualifier = QUAL_HH;
			return fmt + 2;
		}
		spec->qualifier = QUAL_H;
		return fmt + 1;
	case 'l':
		if (fmt[1] == 'l') {
			spec->qualifier = QUAL_LL;
			return fmt + 2;
		}
		spec->qualifier = QUAL_L;
		return fmt + 1;
	case 'L':
	case 'q':
		spec->qualifier = QUAL_LL;
		return fmt + 1;
	case 'z':
	case 'Z':
		spec->qualifier = QUAL_Z;
		return fmt + 1;
	case 't':
		spec->qualifier = QUAL_T;
		return fmt + 1;
	case 'j':
		spec->qualifier = QUAL_J;
		return fmt + 1;
	}
	return fmt;
}

/*
 * Fetches an integer argument of the spec's size and widens it to 64
 * bits: sign-extended for a signed conversion, zero-extended otherwise.
 */
static unsigned long long fetch_integer(va_list *ap,
					const struct printf_spec *spec)
{
	bool sign = spec->flags & SIGN;

	switch (spec->qualifier) {
	case QUAL_HH:
		return sign ? (long long)(signed char)va_arg(*ap, int) :
			      (unsigned char)va_arg(*ap, unsigned int);
	case QUAL_H:
		return sign ? (long long)(short)va_arg(*ap, int) :
			      (unsigned short)va_arg(*ap, unsigned int);
	case QUAL_L:
		return sign ? (long long)va_arg(*ap, long) :
			      va_arg(*ap, unsigned long);
	case QUAL_LL:
		return va_arg(*ap, unsigned long long);
	case QUAL_Z:
		return sign ? (long long)va_arg(*ap, ssize_t) :
			      va_arg(*ap, size_t);
	case QUAL_T:
		return (long long)va_arg(*ap, ptrdiff_t);
	case QUAL_J:
		return sign ? (long long)va_arg(*ap, intmax_t) :
			      va_arg(*ap, uintmax_t);
	default:
		return sign ? (long long)va_arg(*ap, int) :
			      va_arg(*ap, unsigned int);
	}
}

/*
 * One conversion; @fmt points at its letter.  Returns the format just
 * past it, or NULL for a conversion we do not know.
 */
static const char *convert(struct printf_out *out, const char *fmt,
			   struct printf_spec spec, va_list *ap)
{
	const char *s;

	switch (*fmt) {
	case 'c':
		if (!(spec.flags & LEFT))
			put_repeat(out, ' ', spec.width - 1);
		put_char(out, (char)va_arg(*ap, int));
		if (spec.flags & LEFT)
			put_repeat(out, ' ', spec.width - 1);
		return fmt + 1;
	case 's':
		s = va_arg(*ap, const char *);
		put_string(out, bad_pointer(s) ?: s, spec);
		return fmt + 1;
	case 'p':
		return put_pointer(out, fmt + 1, va_arg(*ap, void *), spec);
	case '%':
		put_char(out, '%');
		return fmt + 1;
	case 'd':
	case 'i':
		spec.flags |= SIGN;
		break;
	case 'u':
		break;
	case 'o':
		spec.base = 8;
		break;
	case 'x':
		spec.flags |= SMALL;
		/* fall through */
	case 'X':
		spec.base = 16;
		break;
	default:
		return NULL;
	}
	put_number(out, fetch_integer(ap, &spec), spec);
	return fmt + 1;
}

/**
 * vsnprintf - format a string into a buffer
 * @buf: the buffer; may be NULL if @size is 0
 * @size: size of @buf, including room for the trailing NUL
 * @fmt: printf-style format, with the kernel's %p extensions
 * @args: arguments for @fmt
 *
 * Writes at most @size bytes and NUL-terminates whenever @size is not 0.
 * See the top of lib/vsprintf.c for where the conversions follow Linux
 * rather than ISO C.  Any context.
 *
 * Return: the length the whole output would have had, without the NUL
 * (so a result >= @size means it was truncated), or 0 if @size is
 * absurdly large (above INT_MAX).
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct printf_out out = { .buf = buf, .size = size };
	struct printf_spec spec;
	va_list ap;

	if (size > INT_MAX)
		return 0;
	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put_char(&out, *fmt++);
			continue;
		}
		spec = (struct printf_spec){
			.base = 10,
			.width = -1,
			.precision = -1,
		};
		fmt = decode_flags(fmt + 1, &spec);
		fmt = decode_width_precision(fmt, &spec, &ap);
		fmt = decode_qualifier(fmt, &spec);
		if (!*fmt)
			break;
		fmt = convert(&out, fmt, spec, &ap);
		if (!fmt)
			break;
	}
	va_end(ap);
	if (size)
		buf[min(out.len, size - 1)] = '\0';
	return out.len;
}

/**
 * snprintf - format a string into a buffer
 * @buf: the buffer; may be NULL if @size is 0
 * @size: size of @buf, including room for the trailing NUL
 * @fmt: printf-style format
 *
 * As vsnprintf().  Any context.
 * Return: the length the whole output would have had, without the NUL.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/**
 * vscnprintf - format a string into a buffer, counting what was stored
 * @buf: the buffer; may be NULL if @size is 0
 * @size: size of @buf, including room for the trailing NUL
 * @fmt: printf-style format
 * @args: arguments for @fmt
 *
 * As vsnprintf(), but the result suits "p += vscnprintf(p, end - p, ...)"
 * loops: it never exceeds what was really written.  Any context.
 * Return: the number of bytes stored in @buf, without the NUL.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (likely((size_t)n < size))
		return n;
	return size ? size - 1 : 0;
}

/**
 * scnprintf - format a string into a buffer, counting what was stored
 * @buf: the buffer; may be NULL if @size is 0
 * @size: size of @buf, including room for the trailing NUL
 * @fmt: printf-style format
 *
 * As vscnprintf().  Any context.
 * Return: the number of bytes stored in @buf, without the NUL.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/**
 * sprintf - format a string into a buffer of unknown size
 * @buf: the buffer, which must be large enough
 * @fmt: printf-style format
 *
 * Unbounded: prefer snprintf() or scnprintf().  Any context.
 * Return: the number of bytes stored in @buf, without the NUL.
 */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}

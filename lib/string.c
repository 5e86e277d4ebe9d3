/*
 * The C library's string and memory functions, for a kernel that has no
 * C library.  Everything here is plain C and safe in any context: no
 * function sleeps, takes a lock or allocates.
 *
 * memcpy(), memmove() and memset() move a machine word at a time once
 * both pointers are word aligned; an architecture may later provide
 * faster versions (x86's "rep movsb") from arch/x86/lib/.
 */

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/string.h>

/*
 * GCC recognises byte loops as memset/memcpy/strlen idioms and replaces
 * them with calls to those very functions, even with -ffreestanding;
 * here they would call themselves forever.  Switch that off for this
 * file.  Clang makes no such calls under -ffreestanding, and does not
 * know the pragma.
 */
#ifndef __clang__
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#endif

/* A word that may alias any other type, for the word-at-a-time loops. */
typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD_SIZE sizeof(word_t)
#define WORD_MASK (WORD_SIZE - 1)

static inline bool is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

#ifndef __HAVE_ARCH_MEMSET
/**
 * memset - fill memory with a byte
 * @s: start of the area
 * @c: byte value (only the low 8 bits are used)
 * @n: number of bytes
 *
 * Any context.
 * Return: @s.
 */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	word_t pattern;

	while (n && ((unsigned long)p & WORD_MASK)) {
		*p++ = (unsigned char)c;
		n--;
	}
	if (n >= WORD_SIZE) {
		/* 0x0101...01 times the byte copies it into every lane. */
		pattern = (word_t)(unsigned char)c * (~(word_t)0 / 0xff);
		for (; n >= WORD_SIZE; n -= WORD_SIZE, p += WORD_SIZE)
			*(word_t *)p = pattern;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}
#endif

#ifndef __HAVE_ARCH_MEMCPY
/**
 * memcpy - copy memory between areas that do not overlap
 * @dest: destination
 * @src: source
 * @n: number of bytes
 *
 * The areas must not overlap; use memmove() when they may.  Any context.
 * Return: @dest.
 */
void *memcpy(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	/* Words only help when both sides reach alignment together. */
	if ((((unsigned long)d ^ (unsigned long)s) & WORD_MASK) == 0) {
		while (n && ((unsigned long)d & WORD_MASK)) {
			*d++ = *s++;
			n--;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dest;
}
#endif

/* Copies from the top down, for a destination above an overlapping source. */
static void copy_backward(unsigned char *d, const unsigned char *s, size_t n)
{
	d += n;
	s += n;
	if ((((unsigned long)d ^ (unsigned long)s) & WORD_MASK) == 0) {
		while (n && ((unsigned long)d & WORD_MASK)) {
			*--d = *--s;
			n--;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			*(word_t *)d = *(const word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
}

/**
 * memmove - copy memory between areas that may overlap
 * @dest: destination
 * @src: source
 * @n: number of bytes
 *
 * Any context.
 * Return: @dest.
 */
void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	/*
	 * A forward copy is safe unless the destination starts inside the
	 * source; memcpy() runs strictly forward, byte or word at a time.
	 */
	if (d <= s || d >= s + n)
		return memcpy(dest, src, n);
	copy_backward(d, s, n);
	return dest;
}

/**
 * memcmp - compare two memory areas
 * @a: first area
 * @b: second area
 * @n: number of bytes
 *
 * Any context.
 * Return: <0, 0 or >0 as the first differing byte (unsigned) of @a is
 * below, equal to or above that of @b.
 */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
	}
	return 0;
}

/**
 * memchr - find a byte in a memory area
 * @s: the area
 * @c: byte to look for
 * @n: size of the area
 *
 * Any context.
 * Return: the first occurrence of @c, or NULL.
 */
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/**
 * memscan - find a byte in a memory area, or its end
 * @addr: the area
 * @c: byte to look for
 * @size: size of the area
 *
 * Any context.
 * Return: the first occurrence of @c, or @addr + @size if there is none.
 */
void *memscan(void *addr, int c, size_t size)
{
	unsigned char *p = addr;

	while (size && *p != (unsigned char)c) {
		p++;
		size--;
	}
	return p;
}

/**
 * strlen - length of a string
 * @s: NUL-terminated string
 *
 * Any context.
 * Return: number of bytes before the NUL.
 */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/**
 * strnlen - length of a string, looking at most @maxlen bytes
 * @s: string, not necessarily NUL-terminated
 * @maxlen: bytes that may be read
 *
 * Any context.
 * Return: strlen(@s) if that is below @maxlen, else @maxlen.
 */
size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

/**
 * strcmp - compare two strings
 * @a: first string
 * @b: second string
 *
 * Bytes compare as unsigned char.  Any context.
 * Return: -1, 0 or 1 as @a sorts before, equal to or after @b.
 */
int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}

/**
 * strncmp - compare at most @n bytes of two strings
 * @a: first string
 * @b: second string
 * @n: most bytes to compare
 *
 * Any context.
 * Return: -1, 0 or 1 as @a sorts before, equal to or after @b.
 */
int strncmp(const char *a, const char *b, size_t n)
{
	unsigned char c1, c2;

	for (; n; n--) {
		c1 = *a++;
		c2 = *b++;
		if (c1 != c2)
			return c1 < c2 ? -1 : 1;
		if (!c1)
			break;
	}
	return 0;
}

/**
 * strcasecmp - compare two strings, ignoring ASCII case
 * @a: first string
 * @b: second string
 *
 * Any context.
 * Return: <0, 0 or >0 as lower-cased @a sorts before, equal to or after @b.
 */
int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

/**
 * strncasecmp - compare at most @n bytes of two strings, ignoring case
 * @a: first string
 * @b: second string
 * @n: most bytes to compare
 *
 * Any context.
 * Return: <0, 0 or >0 as lower-cased @a sorts before, equal to or after @b.
 */
int strncasecmp(const char *a, const char *b, size_t n)
{
	int c1, c2;

	for (; n; n--) {
		c1 = to_lower((unsigned char)*a++);
		c2 = to_lower((unsigned char)*b++);
		if (c1 != c2)
			return c1 - c2;
		if (!c1)
			break;
	}
	return 0;
}

/**
 * strcpy - copy a string
 * @dest: destination, large enough for @src and its NUL
 * @src: source string
 *
 * Unbounded: prefer strscpy().  Any context.
 * Return: @dest.
 */
char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++))
		;
	return dest;
}

/**
 * strncpy - copy a string into a fixed-size field
 * @dest: destination field of @n bytes
 * @src: source string
 * @n: size of the field
 *
 * Copies up to @n bytes and fills the rest of the field with NULs.  If
 * @src is @n bytes or longer, @dest is NOT NUL-terminated.  Any context.
 * Return: @dest.
 */
char *strncpy(char *dest, const char *src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i]; i++)
		dest[i] = src[i];
	for (; i < n; i++)
		dest[i] = '\0';
	return dest;
}

/**
 * strlcpy - copy a string into a buffer, truncating (BSD)
 * @dest: destination buffer
 * @src: source string, read to its end
 * @size: size of @dest
 *
 * @dest is NUL-terminated whenever @size is not 0.  Any context.
 * Return: strlen(@src); a result >= @size means @src was truncated.
 */
size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);
	size_t n;

	if (size) {
		n = len < size ? len : size - 1;
		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

/**
 * strscpy - copy a string into a buffer, truncating
 * @dest: destination buffer
 * @src: source string; at most @size bytes of it are read
 * @size: size of @dest
 *
 * @dest is NUL-terminated whenever @size is not 0.  Unlike strlcpy(),
 * never reads @src past what fits.  Any context.
 * Return: the number of bytes copied (without the NUL), or -E2BIG if
 * @src did not fit (including when @size is 0).
 */
ssize_t strscpy(char *dest, const char *src, size_t size)
{
	size_t i;

	if (size == 0)
		return -E2BIG;
	for (i = 0; i < size; i++) {
		dest[i] = src[i];
		if (!src[i])
			return i;
	}
	dest[size - 1] = '\0';
	return -E2BIG;
}

/**
 * strcat - append a string
 * @dest: string to extend, with room for @src
 * @src: string to append
 *
 * Unbounded: prefer strlcat().  Any context.
 * Return: @dest.
 */
char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

/**
 * strlcat - append a string into a buffer, truncating (BSD)
 * @dest: NUL-terminated string in a buffer of @size bytes
 * @src: string to append
 * @size: size of the buffer holding @dest
 *
 * Appends as much of @src as fits and NUL-terminates, unless @dest has
 * no NUL within @size bytes, in which case @dest is left alone.
 * Any context.
 * Return: the length the full result would have had; >= @size means
 * truncation.
 */
size_t strlcat(char *dest, const char *src, size_t size)
{
	size_t dlen = strnlen(dest, size);

	if (dlen == size)
		return size + strlen(src);
	return dlen + strlcpy(dest + dlen, src, size - dlen);
}

/**
 * strchr - find a character in a string
 * @s: string
 * @c: character; '\0' finds the terminator
 *
 * Any context.
 * Return: the first occurrence of @c, or NULL.
 */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/**
 * strrchr - find the last occurrence of a character in a string
 * @s: string
 * @c: character; '\0' finds the terminator
 *
 * Any context.
 * Return: the last occurrence of @c, or NULL.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/**
 * strnchr - find a character in the first @n bytes of a string
 * @s: string
 * @n: most bytes to look at
 * @c: character; '\0' finds the terminator if it lies within @n bytes
 *
 * Any context.
 * Return: the first occurrence of @c, or NULL.
 */
char *strnchr(const char *s, size_t n, int c)
{
	for (; n; n--, s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			break;
	}
	return NULL;
}

/**
 * strstr - find a substring
 * @haystack: string to search
 * @needle: string to find; "" matches at @haystack
 *
 * Quadratic in the worst case, which is fine for the short strings the
 * kernel searches.  Any context.
 * Return: the first occurrence of @needle in @haystack, or NULL.
 */
char *strstr(const char *haystack, const char *needle)
{
	size_t hlen = strlen(haystack);
	size_t nlen = strlen(needle);

	for (; hlen >= nlen; hlen--, haystack++) {
		if (!memcmp(haystack, needle, nlen))
			return (char *)haystack;
	}
	return NULL;
}

/**
 * strspn - length of the prefix made only of accepted characters
 * @s: string
 * @accept: characters that may appear in the prefix
 *
 * Any context.
 * Return: length of the longest prefix of @s drawn from @accept.
 */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

/**
 * strcspn - length of the prefix free of rejected characters
 * @s: string
 * @reject: characters that end the prefix
 *
 * Any context.
 * Return: length of the longest prefix of @s with no byte from @reject.
 */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/**
 * strpbrk - find the first of a set of characters
 * @s: string
 * @accept: characters to look for
 *
 * Any context.
 * Return: the first byte of @s that is in @accept, or NULL.
 */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/**
 * strsep - split a string at the next delimiter
 * @s: pointer to the rest of the string; advanced past the token
 * @delim: delimiter characters
 *
 * Overwrites the delimiter that ends the token with '\0' and points *@s
 * just past it, or sets *@s to NULL after the last token.  Empty tokens
 * between adjacent delimiters are returned, unlike strtok().
 * Any context.
 * Return: the token, or NULL if *@s was already NULL.
 */
char *strsep(char **s, const char *delim)
{
	char *token = *s;
	char *end;

	if (!token)
		return NULL;
	end = token + strcspn(token, delim);
	if (*end) {
		*end = '\0';
		*s = end + 1;
	} else {
		*s = NULL;
	}
	return token;
}

/**
 * skip_spaces - skip leading white space
 * @s: string
 *
 * Any context.
 * Return: the first byte of @s that is not white space.
 */
char *skip_spaces(const char *s)
{
	while (is_space((unsigned char)*s))
		s++;
	return (char *)s;
}

/**
 * strim - trim white space from both ends of a string
 * @s: string, modified in place
 *
 * Trailing white space is cut off by writing a '\0'; leading white space
 * is skipped by the returned pointer, so keep @s if it must be freed.
 * Any context.
 * Return: the first byte of @s that is not white space.
 */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && is_space((unsigned char)s[len - 1]))
		len--;
	s[len] = '\0';
	return skip_spaces(s);
}

/**
 * sysfs_streq - compare strings the way sysfs writes need
 * @a: one string
 * @b: another string
 *
 * "echo foo > file" hands the kernel "foo\n": a single trailing newline
 * on either side is ignored.  Any context.
 * Return: true if the strings match up to such a newline.
 */
bool sysfs_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	if (*a == *b)
		return true;
	if (!*a && b[0] == '\n' && !b[1])
		return true;
	return !*b && a[0] == '\n' && !a[1];
}

#ifndef _LINUX_DECOMPRESS_INFLATE_H
#define _LINUX_DECOMPRESS_INFLATE_H

/*
 * gunzip(): the gzip (RFC 1952) decompressor of lib/inflate.c, in the
 * shape of Linux's decompress_fn, so the initramfs unpacker can call
 * it like any other.
 *
 * @inbuf/@len: the compressed data.  With @fill, @inbuf (or, when it is
 *	NULL, a buffer gunzip allocates) holds GZIP_IOBUF_SIZE bytes and
 *	@fill(buf, size) refills it whenever it runs dry, returning the
 *	number of bytes it put there (0 or less: no more input).
 * @flush(buf, n): takes the output as it is produced, in pieces of at
 *	most 64 KiB; it must return @n (anything else aborts).  Required.
 * @outbuf: must be NULL (the 32 KiB sliding window is gunzip's own).
 * @pos: if not NULL, receives the number of input bytes one gzip
 *	member took, trailer included; the caller looks there for a
 *	following member.
 * @error: if not NULL, is told why decompression failed.
 *
 * Returns 0, -EINVAL for data that is not valid gzip (a bad header,
 * a corrupt or truncated stream, a CRC32 or length mismatch), -ENOMEM,
 * or -EIO when @flush refused the output.  Process context (it
 * allocates with vmalloc); reentrant.
 */
#define GZIP_IOBUF_SIZE (16 * 1024)

int gunzip(unsigned char *inbuf, long len, long (*fill)(void *, unsigned long),
	   long (*flush)(void *, unsigned long), unsigned char *outbuf,
	   long *pos, void (*error)(char *x));

#endif /* _LINUX_DECOMPRESS_INFLATE_H */

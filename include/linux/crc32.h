#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

/*
 * CRC-32 with the reflected IEEE 802.3 polynomial (gzip, zlib, PNG,
 * Ethernet).  As on Linux, crc32_le() neither inverts its seed nor its
 * result: gzip's CRC of a buffer is ~crc32_le(~0, p, len), and a CRC
 * over pieces is crc32_le(crc32_le(c, a, n), b, m).
 */
u32 crc32_le(u32 crc, const void *p, size_t len);

#endif /* _LINUX_CRC32_H */

#!/usr/bin/env python3
"""Build an initramfs: a cpio "newc" archive, gzipped, from a text spec.

The spec language is the one Linux's usr/gen_init_cpio reads, one entry
per line (a line starting with '#' is a comment):

    dir   <name> <mode> <uid> <gid>
    file  <name> <location> <mode> <uid> <gid> [<hard link> ...]
    slink <name> <target> <mode> <uid> <gid>
    nod   <name> <mode> <uid> <gid> <c|b> <major> <minor>
    pipe  <name> <mode> <uid> <gid>
    sock  <name> <mode> <uid> <gid>

<mode> is octal permission bits; ${VAR} in a file's <location> is taken
from the environment.  The output is deterministic: inode numbers count
up from 1 in spec order and every mtime is 0 (or --mtime), and the gzip
header carries neither a name nor a time, so the same spec and inputs
always give the same bytes.

newc layout: each entry is a 110-byte ASCII header ("070701" and thirteen
8-digit hex fields), the NUL-terminated name padded so the header plus
name is a multiple of 4, then the data padded to 4.  The archive ends with
an entry named "TRAILER!!!" and is padded to a multiple of 512 bytes.

usage: gen_init_cpio.py [-o OUT] [--mtime N] [--no-gzip] SPEC
       (SPEC '-' reads standard input; OUT ending in .gz is gzipped)
"""

import argparse
import gzip
import os
import re
import stat
import sys

NEWC_MAGIC = "070701"


class SpecError(Exception):
    pass


def newc_header(ino, mode, uid, gid, nlink, mtime, size, rmajor=0,
                rminor=0, namesize=0):
    fields = (ino, mode, uid, gid, nlink, mtime, size,
              0, 0,             # devmajor, devminor: the archive's device
              rmajor, rminor,   # the node's device, for nod entries
              namesize, 0)      # check: 0 for newc (only "crc" uses it)
    for f in fields:
        if not 0 <= f <= 0xFFFFFFFF:
            raise SpecError("field out of range for newc: %d" % f)
    return (NEWC_MAGIC + "".join("%08X" % f for f in fields)).encode()


def pad4(n):
    return (4 - n % 4) % 4


class CpioWriter:
    """Accumulates newc entries in memory (an initramfs is small)."""

    def __init__(self, mtime=0):
        self.out = bytearray()
        self.mtime = mtime
        self.next_ino = 1
        self.names = set()

    def add(self, name, mode, uid, gid, data=b"", nlink=1, rdev=(0, 0),
            ino=None):
        """Add one entry; @ino: share an earlier entry's inode (a hard
        link).  Returns the inode number."""
        # Like Linux's tool, store names relative: "/bin/sh" -> "bin/sh".
        name = name.lstrip("/") or "."
        if name in self.names:
            raise SpecError("duplicate entry %s" % name)
        self.names.add(name)
        if ino is None:
            ino = self.next_ino
            self.next_ino += 1
        self._entry(name, ino, mode, uid, gid, nlink, self.mtime, data, rdev)
        return ino

    def _entry(self, name, ino, mode, uid, gid, nlink, mtime, data, rdev):
        bname = name.encode() + b"\0"
        hdr = newc_header(ino, mode, uid, gid, nlink, mtime, len(data),
                          rdev[0], rdev[1], len(bname))
        self.out += hdr + bname + b"\0" * pad4(len(hdr) + len(bname))
        self.out += data + b"\0" * pad4(len(data))

    def finish(self):
        self._entry("TRAILER!!!", 0, 0, 0, 0, 1, 0, b"", (0, 0))
        self.out += b"\0" * ((512 - len(self.out) % 512) % 512)
        return bytes(self.out)


def expand_location(loc):
    def var(m):
        if m.group(1) not in os.environ:
            raise SpecError("${%s} is not set" % m.group(1))
        return os.environ[m.group(1)]
    return re.sub(r"\$\{(\w+)\}", var, loc)


def parse_mode(s):
    try:
        mode = int(s, 8)
    except ValueError:
        raise SpecError("bad mode %r" % s)
    if mode & ~0o7777:
        raise SpecError("mode %r has more than permission bits" % s)
    return mode


def ids(uid, gid):
    try:
        return int(uid), int(gid)
    except ValueError:
        raise SpecError("bad uid/gid %r %r" % (uid, gid))


def do_dir(w, a):
    name, mode, uid, gid = a
    w.add(name, stat.S_IFDIR | parse_mode(mode), *ids(uid, gid), nlink=2)


def do_file(w, a):
    """file NAME LOCATION MODE UID GID [LINK...]: the extra names are
    hard links, as in Linux's tool: entries sharing one inode number,
    nlink counting them all, the data on the last one only."""
    name, loc, mode, uid, gid = a[:5]
    names = [name] + a[5:]
    path = expand_location(loc)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise SpecError("cannot read %s: %s" % (path, e.strerror))
    ino = None
    for i, n in enumerate(names):
        last = i == len(names) - 1
        ino = w.add(n, stat.S_IFREG | parse_mode(mode), *ids(uid, gid),
                    data=data if last else b"", nlink=len(names), ino=ino)


def do_slink(w, a):
    name, target, mode, uid, gid = a
    w.add(name, stat.S_IFLNK | parse_mode(mode), *ids(uid, gid),
          data=target.encode())


def do_nod(w, a):
    name, mode, uid, gid, kind, major, minor = a
    types = {"c": stat.S_IFCHR, "b": stat.S_IFBLK}
    if kind not in types:
        raise SpecError("device type must be c or b, not %r" % kind)
    try:
        rdev = (int(major), int(minor))
    except ValueError:
        raise SpecError("bad device number %r %r" % (major, minor))
    w.add(name, types[kind] | parse_mode(mode), *ids(uid, gid), rdev=rdev)


def do_pipe(w, a):
    name, mode, uid, gid = a
    w.add(name, stat.S_IFIFO | parse_mode(mode), *ids(uid, gid))


def do_sock(w, a):
    name, mode, uid, gid = a
    w.add(name, stat.S_IFSOCK | parse_mode(mode), *ids(uid, gid))


# keyword -> (handler, number of arguments it takes; a tuple is a range)
HANDLERS = {
    "dir": (do_dir, 4),
    "file": (do_file, (5, 64)),
    "slink": (do_slink, 5),
    "nod": (do_nod, 7),
    "pipe": (do_pipe, 4),
    "sock": (do_sock, 4),
}


def build(spec_lines, mtime=0):
    """Return the uncompressed newc archive for @spec_lines."""
    w = CpioWriter(mtime)
    for lineno, line in enumerate(spec_lines, 1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        try:
            if words[0] not in HANDLERS:
                raise SpecError("unknown entry type %r" % words[0])
            fn, nargs = HANDLERS[words[0]]
            lo, hi = nargs if isinstance(nargs, tuple) else (nargs, nargs)
            if not lo <= len(words) - 1 <= hi:
                raise SpecError("%s takes %d arguments" % (words[0], lo))
            fn(w, words[1:])
        except SpecError as e:
            raise SpecError("line %d: %s" % (lineno, e))
    return w.finish()


def gzip_bytes(data):
    """gzip with no name and mtime 0 in the header: reproducible."""
    import io
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0,
                       compresslevel=9) as g:
        g.write(data)
    return buf.getvalue()


def write_archive(spec_lines, out_path, compress=None, mtime=0):
    data = build(spec_lines, mtime)
    if compress is None:
        compress = out_path.endswith(".gz")
    if compress:
        data = gzip_bytes(data)
    tmp = out_path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out_path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("spec", help="spec file, or - for standard input")
    ap.add_argument("-o", "--output", help="archive (default: stdout)")
    ap.add_argument("--mtime", type=int, default=0)
    ap.add_argument("--no-gzip", action="store_true")
    args = ap.parse_args(argv)
    try:
        if args.spec == "-":
            lines = sys.stdin.read().splitlines()
        else:
            with open(args.spec) as f:
                lines = f.read().splitlines()
        if args.output:
            write_archive(lines, args.output,
                          False if args.no_gzip else None, args.mtime)
        else:
            data = build(lines, args.mtime)
            if not args.no_gzip:
                data = gzip_bytes(data)
            sys.stdout.buffer.write(data)
    except (SpecError, OSError) as e:
        print("gen_init_cpio: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

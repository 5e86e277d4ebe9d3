#!/usr/bin/env python3
"""Build a busybox initramfs: the rootfs `make run` and the tests boot.

It lays out the usual directories, /dev/console and /dev/null (so the
kernel can open a console before devtmpfs exists), a static busybox as
/bin/busybox with a symlink per applet, an /init, and any extra files;
then hands the spec to gen_init_cpio.py.

usage: gen_initramfs.py -o OUT.cpio.gz --init FILE [--busybox PATH]
                        [--add DEST=SRC[:MODE]]... [--spec-out FILE]
"""

import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_init_cpio  # noqa: E402

BASE_DIRS = ["/bin", "/sbin", "/usr", "/usr/bin", "/usr/sbin", "/dev",
             "/proc", "/sys", "/tmp", "/etc", "/root", "/mnt", "/run"]
BASE_NODES = [("/dev/console", 0o600, "c", 5, 1),
              ("/dev/null", 0o666, "c", 1, 3)]


def busybox_applets(busybox):
    """Applet paths ("bin/sh") as this busybox installs them."""
    out = subprocess.run([busybox, "--list-full"], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    return ["/" + p for p in out.split()
            if p != "linuxrc" and p != "bin/busybox"]


def make_spec(init, busybox="/bin/busybox", extra=()):
    """Return spec lines.  @extra holds (dest, src, mode) files; a file
    that is also an applet's name replaces the applet's symlink."""
    lines = []
    dirs = set()

    def add_dir(d):
        if d in ("", "/") or d in dirs:
            return
        add_dir(os.path.dirname(d))
        dirs.add(d)
        tmp = "1777" if d == "/tmp" else "0755"
        lines.append("dir %s %s 0 0" % (d, tmp))

    for d in BASE_DIRS:
        add_dir(d)
    for name, mode, kind, major, minor in BASE_NODES:
        lines.append("nod %s %04o 0 0 %s %d %d" % (name, mode, kind, major,
                                                  minor))
    lines.append("file /bin/busybox %s 0755 0 0" % busybox)
    taken = {"/init", "/bin/busybox"} | {dest for dest, _, _ in extra}
    for path in busybox_applets(busybox):
        if path not in taken:
            add_dir(os.path.dirname(path))
            lines.append("slink %s /bin/busybox 0777 0 0" % path)
    lines.append("file /init %s 0755 0 0" % init)
    for dest, src, mode in extra:
        add_dir(os.path.dirname(dest))
        lines.append("file %s %s %04o 0 0" % (dest, src, mode))
    return lines


def parse_add(s):
    dest, sep, src = s.partition("=")
    if not sep or not dest.startswith("/"):
        raise argparse.ArgumentTypeError("--add wants /DEST=SRC[:MODE]")
    mode = 0o755
    if ":" in src:
        src, m = src.rsplit(":", 1)
        mode = int(m, 8)
    return dest, src, mode


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--init", required=True, help="file to install as /init")
    ap.add_argument("--busybox", default="/bin/busybox")
    ap.add_argument("--add", type=parse_add, action="append", default=[])
    ap.add_argument("--spec-out", help="also write the spec here")
    args = ap.parse_args(argv)
    try:
        spec = make_spec(args.init, args.busybox, args.add)
        if args.spec_out:
            with open(args.spec_out, "w") as f:
                f.write("\n".join(spec) + "\n")
        gen_init_cpio.write_archive(spec, args.output)
    except (gen_init_cpio.SpecError, OSError,
            subprocess.CalledProcessError) as e:
        print("gen_initramfs: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Where Linnet spends guest instructions while one benchmark runs.

Boots the kernel under `-icount shift=0,sleep=off` (guest time is the
instruction count, as in `make bench`) with the insn_profile QEMU plugin
(tools/bench/profile/insn_profile.c) and an initramfs whose /init runs a
single benchmark program, then folds the plugin's per-block counts into
kernel functions with `nm -n` and prints the top ones.  All user-space
instructions make one line, "[user]".

usage: profile.py [--top N] [--kernel PATH] [--append EXTRA]
                  [--baseline] [--counts FILE] --bench PROG [ARGS...]

    make bench-profile                  # the plugin and the programs
    python3 tools/bench/profile.py --bench syscall -r 1 stat
    python3 tools/bench/profile.py --top 30 --bench file -r 1 file_read64k

--bench takes the rest of the command line: the program's own options
(-t, -r) and benchmark names (`/bench/PROG -l` lists them) follow it.
The whole boot is counted, boot and the program's calibration included;
--baseline boots once more without the program and subtracts that.
"""

import argparse
import bisect
import collections
import os
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "testing"))
sys.path.insert(0, os.path.join(ROOT, "usr"))
import gen_init_cpio  # noqa: E402
import gen_initramfs  # noqa: E402
import run_qemu  # noqa: E402

OUT = os.path.join("build", "bench", "profile")
PLUGIN = os.path.join(OUT, "insn_profile.so")
KERNEL_BASE = 0xffffffff80000000
APPEND = "console=ttyS0 quiet panic=-1"
USER = "[user]"

# The bench /init cut down to one program.  Like tools/bench/init.sh it
# mounts /proc and a tmpfs /tmp (file benchmarks write there) and powers
# off at the end; BENCH_END tells us the program finished.
INIT = """#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t tmpfs -o mode=1777 tmpfs /tmp
cd /tmp
%s || echo "BENCH_FAIL exit status $?"
echo BENCH_END
poweroff -f
"""


def build_initramfs(bin_dir, command, out):
    """An initramfs whose /init runs @command (a shell line); return @out."""
    progs = sorted(os.path.join(bin_dir, p) for p in os.listdir(bin_dir))
    extra = [("/bench/" + os.path.basename(p), p, 0o755) for p in progs
             if os.path.isfile(p) and os.access(p, os.X_OK)]
    init = out[:-len(".cpio.gz")] + ".init"
    with open(init, "w") as f:
        f.write(INIT % command)
    spec = gen_initramfs.make_spec(init, extra=extra)
    # /init mounts no devtmpfs: the programs read /dev/zero.
    spec.append("nod /dev/zero 0666 0 0 c 1 5")
    gen_init_cpio.write_archive(spec, out)
    return out


def run_profile(kernel, initrd, append, counts, log, timeout):
    """Boot once with the plugin; return {vaddr: instructions}."""
    if os.path.exists(counts):
        os.unlink(counts)
    cmd = run_qemu.qemu_command(
        kernel, initrd, append, 1, "1G", icount=True,
        extra=["-plugin", "file=%s,out=%s" % (os.path.abspath(PLUGIN),
                                              os.path.abspath(counts))])
    print("+ " + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr)
    with open(log, "w") as f:
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=f,
                                  stderr=subprocess.STDOUT, timeout=timeout)
        except subprocess.TimeoutExpired:
            sys.exit("profile.py: QEMU timed out after %ds (console: %s)"
                     % (timeout, log))
    with open(log, errors="replace") as f:
        console = f.read()
    if "BENCH_END" not in console:
        sys.exit("profile.py: /init did not finish, QEMU status %d "
                 "(console: %s)" % (proc.returncode, log))
    for line in console.splitlines():
        # The first line also carries the firmware's "Booting from ROM..".
        if "BENCH" in line and "BENCH_END" not in line:
            print(line[line.index("BENCH"):].strip(), file=sys.stderr)
    return read_counts(counts)


def saved_kernel(counts):
    """The kernel copy main() saved beside @counts, else the release
    build."""
    path = counts[:-len(".counts")] + ".linnet"
    return path if counts.endswith(".counts") and os.path.exists(path) \
        else "build/release/linnet"


def read_counts(path):
    counts = {}
    with open(path) as f:
        for line in f:
            vaddr, n = line.split()
            counts[int(vaddr, 16)] = int(n)
    return counts


class Symbols:
    """Kernel text symbols, to map an address to its function."""

    def __init__(self, kernel):
        out = subprocess.run(["nm", "-n", kernel], check=True, text=True,
                             stdout=subprocess.PIPE).stdout
        self.addrs, self.names = [], []
        for line in out.splitlines():
            fields = line.split()
            if len(fields) != 3 or fields[1] not in "tTwW":
                continue
            addr = int(fields[0], 16)
            if addr < KERNEL_BASE:
                continue
            # Aliases share an address; the first name nm lists wins.
            if self.addrs and self.addrs[-1] == addr:
                continue
            self.addrs.append(addr)
            self.names.append(fields[2])

    def lookup(self, addr):
        i = bisect.bisect_right(self.addrs, addr) - 1
        return self.names[i] if i >= 0 else "[kernel ?]"


def by_function(counts, syms):
    """Fold {vaddr: instructions} into {function: instructions}.

    A block is charged to the function it starts in; a block that falls
    through into the next function (rare) charges its tail there too."""
    funcs = collections.Counter()
    for vaddr, n in counts.items():
        funcs[syms.lookup(vaddr) if vaddr >= KERNEL_BASE else USER] += n
    return funcs


def subtract(funcs, base):
    # Boots repeat exactly under -icount, but the baseline's own shutdown
    # path differs a little; a function cannot go below zero.
    return collections.Counter({f: n - base.get(f, 0) for f, n in
                                funcs.items() if n > base.get(f, 0)})


def print_report(funcs, top):
    total = sum(funcs.values())
    user = funcs.get(USER, 0)
    if not total:
        sys.exit("profile.py: no instructions counted")
    print("total %d instructions: kernel %d (%.1f%%), user %d (%.1f%%)"
          % (total, total - user, 100.0 * (total - user) / total, user,
             100.0 * user / total))
    print("%14s %6s  %s" % ("instructions", "%", "function"))
    for name, n in funcs.most_common(top):
        print("%14d %6.2f  %s" % (n, 100.0 * n / total, name))


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Instruction profile of Linnet running one benchmark.")
    p.add_argument("--top", type=int, default=20,
                   help="functions to print (default 20)")
    p.add_argument("--kernel",
                   help="kernel ELF to boot and symbolize (build/release/linnet, "
                   "what make bench measures; "
                   "with --counts, the copy saved beside it)")
    p.add_argument("--append", default="",
                   help="extra kernel command-line words")
    p.add_argument("--bin", default="build/bench/bin",
                   help="benchmark programs (make bench-progs)")
    p.add_argument("--baseline", action="store_true",
                   help="subtract a boot that runs no program")
    p.add_argument("--counts",
                   help="symbolize this plugin output, boot nothing")
    p.add_argument("--timeout", type=int, default=600,
                   help="seconds per boot (default 600)")
    p.add_argument("--bench", nargs=argparse.REMAINDER, default=[],
                   metavar="PROG [ARGS...]",
                   help="program of tools/bench and its arguments; last")
    args = p.parse_args(argv)
    if not args.counts and not args.bench:
        p.error("--bench PROG or --counts FILE is required")
    return args


def main(argv=None):
    args = parse_args(argv)
    os.chdir(ROOT)
    if args.counts:
        kernel = args.kernel or saved_kernel(args.counts)
        print_report(by_function(read_counts(args.counts), Symbols(kernel)),
                     args.top)
        return 0
    if not os.path.exists(PLUGIN):
        sys.exit("profile.py: no %s (make bench-profile)" % PLUGIN)
    name = os.path.basename(args.bench[0])
    if not os.path.isfile(os.path.join(args.bin, name)):
        sys.exit("profile.py: no program %s in %s (make bench-profile)"
                 % (name, args.bin))
    os.makedirs(OUT, exist_ok=True)
    # Boot and symbolize one copy: the kernel may be relinked meanwhile,
    # and --counts later needs the very kernel the addresses came from.
    kernel = os.path.join(OUT, name + ".linnet")
    shutil.copyfile(args.kernel or "build/release/linnet", kernel)
    syms = Symbols(kernel)
    append = (APPEND + " " + args.append).strip()
    command = " ".join(shlex.quote(a) for a in
                       ["/bench/" + name] + args.bench[1:])
    initrd = build_initramfs(args.bin, command,
                             os.path.join(OUT, "initramfs.cpio.gz"))
    counts = run_profile(kernel, initrd, append,
                         os.path.join(OUT, name + ".counts"),
                         os.path.join(OUT, name + ".log"), args.timeout)
    print("counts: %s" % os.path.join(OUT, name + ".counts"),
          file=sys.stderr)
    funcs = by_function(counts, syms)
    if args.baseline:
        initrd = build_initramfs(args.bin, ":", os.path.join(
            OUT, "baseline.cpio.gz"))
        base = run_profile(kernel, initrd, append,
                           os.path.join(OUT, "baseline.counts"),
                           os.path.join(OUT, "baseline.log"), args.timeout)
        funcs = subtract(funcs, by_function(base, syms))
    print_report(funcs, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

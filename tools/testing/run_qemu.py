#!/usr/bin/env python3
"""Boot a kernel in QEMU once, capture its console, judge the run.

Every boot gets -nographic (serial 0 on our stdout, which we read through
a pipe), -no-reboot (a reset or triple fault ends QEMU instead of looping)
and an isa-debug-exit device at port 0xf4, and runs under a timeout: a
hang is killed and reported as "timeout after Ns", never waited out.

Exit status convention with the kernel (isa-debug-exit ends QEMU with
status (v << 1) | 1 when the guest writes v to port 0xf4):

    guest writes 0 to 0xf4  -> status 1: the kernel says all tests passed
    guest writes 1 to 0xf4  -> status 3: the kernel says some failed
    ACPI power-off / reset  -> status 0: neutral, the KTAP decides
    anything else           -> failure (QEMU error, odd debug-exit value)

The console log is saved (build/test/<name>.log by default) and parsed as
KTAP; a "Kernel panic" line fails the boot and is echoed with the lines
after it.

usage: run_qemu.py --kernel build/linnet [--initrd X] [--append "..."]
                   [--smp N] [--mem 512M] [--timeout S] [--icount]
                   [--log FILE] [--echo] [-- extra qemu args]
"""

import argparse
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap  # noqa: E402

QEMU = os.environ.get("QEMU", "qemu-system-x86_64")
DEBUG_EXIT_PORT = 0xF4
STATUS_POWEROFF = 0
STATUS_PASSED = (0 << 1) | 1
STATUS_FAILED = (1 << 1) | 1
PANIC_CONTEXT = 40      # lines echoed after "Kernel panic"

_QEMU_ERROR = re.compile(r"^qemu-system-\S+: (?!warning)(.*)$", re.M)


def qemu_command(kernel, initrd=None, append="console=ttyS0", smp=1,
                 mem="512M", extra=(), icount=False, qemu=QEMU):
    cmd = [qemu, "-kernel", kernel]
    if initrd:
        cmd += ["-initrd", initrd]
    cmd += ["-append", append, "-smp", str(smp), "-m", str(mem),
            "-nographic", "-no-reboot",
            "-device", "isa-debug-exit,iobase=0x%x,iosize=0x04"
            % DEBUG_EXIT_PORT]
    if icount:
        cmd += ["-icount", "shift=0,sleep=off"]
    return cmd + list(extra)


class BootResult:
    """What one boot gave: KTAP leaves plus boot-level failures."""

    def __init__(self):
        self.leaves = []        # ktap.Leaf from the console
        self.failures = []      # strings: timeout, panic, bad exit, ...
        self.panic = []         # console lines from "Kernel panic" on
        self.status = None      # QEMU's exit status (negative: signal)
        self.timed_out = False
        self.duration = 0.0
        self.log_path = None
        self.command = []

    @property
    def ok(self):
        return not self.failures and \
            not any(l.status == ktap.FAIL for l in self.leaves)


def _pump(src, sinks):
    """Copy a pipe to files until EOF (runs in a thread)."""
    while True:
        chunk = os.read(src.fileno(), 65536)
        if not chunk:
            break
        for s in sinks:
            s.write(chunk)
            s.flush()


def _run(cmd, log, timeout, echo):
    """Run QEMU; return (status, stderr text, timed_out, seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = _Buffer()
    sinks = [log] + ([sys.stdout.buffer] if echo else [])
    threads = [threading.Thread(target=_pump, args=(proc.stdout, sinks)),
               threading.Thread(target=_pump, args=(proc.stderr, [err]))]
    for t in threads:
        t.daemon = True
        t.start()
    timed_out = False
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        proc.wait()
    for t in threads:
        t.join(5)
    return proc.returncode, err.text(), timed_out, time.monotonic() - start


class _Buffer:
    def __init__(self):
        self.data = bytearray()

    def write(self, b):
        self.data += b

    def flush(self):
        pass

    def text(self):
        return self.data.decode("utf-8", "replace")


def judge_status(status, leaves, stderr):
    """Boot-level failures implied by QEMU's exit status."""
    ktap_failed = any(l.status == ktap.FAIL for l in leaves)
    errors = _QEMU_ERROR.findall(stderr)
    if status == STATUS_PASSED and errors:
        # QEMU's own errors (bad option, missing file) also exit 1.
        return ["qemu: " + e for e in errors]
    if status in (STATUS_POWEROFF, STATUS_PASSED):
        return []
    if status == STATUS_FAILED:
        if ktap_failed:
            return []
        return ["kernel reported failure (debug-exit 1) but its KTAP "
                "shows none"]
    if status < 0:
        return ["qemu killed by signal %d" % -status]
    if status & 1:
        return ["kernel left through debug-exit with code %d"
                % (status >> 1)]
    return ["qemu exited with status %d%s" % (
        status, (": " + "; ".join(errors)) if errors else "")]


_OOPS_START = re.compile(r"^(BUG:|Oops|general protection fault|"
                         r"double fault|-+\[ cut here \]|WARNING:)")


_KTAP_LINE = re.compile(r"^((not )?ok \d|1\.\.\d|K?TAP version)")


def find_panic(lines):
    """The first panic with the oops report that led to it: a list of
    console lines starting with the headline, or [] if none."""
    lines = [ktap.clean_line(l) for l in lines]
    for i, line in enumerate(lines):
        if "Kernel panic" not in line:
            continue
        # Back to the first oops line after the last KTAP line.
        start = i
        for j in range(i - 1, max(-1, i - PANIC_CONTEXT), -1):
            if _KTAP_LINE.match(lines[j].strip()):
                break
            if _OOPS_START.match(lines[j]):
                start = j
        return [line] + lines[start:i + PANIC_CONTEXT]
    return []


def boot(kernel, initrd=None, append="console=ttyS0", smp=1, mem="512M",
         extra=(), timeout=120, icount=False, log_path=None, echo=False):
    """Boot once and judge it; return a BootResult."""
    r = BootResult()
    r.command = qemu_command(kernel, initrd, append, smp, mem, extra, icount)
    r.log_path = log_path or os.path.join("build", "test", "boot.log")
    os.makedirs(os.path.dirname(r.log_path) or ".", exist_ok=True)
    for path in [kernel] + ([initrd] if initrd else []):
        if not os.path.exists(path):
            r.failures.append("%s does not exist" % path)
            return r
    with open(r.log_path, "wb") as log:
        log.write(("# %s\n" % " ".join(_quote(c) for c in r.command))
                  .encode())
        log.flush()
        r.status, stderr, r.timed_out, r.duration = \
            _run(r.command, log, timeout, echo)
        if stderr:
            log.write(b"\n---- qemu stderr ----\n" + stderr.encode())
    with open(r.log_path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n---- qemu stderr ----\n")[0].splitlines()
    r.leaves = ktap.parse_lines(lines[1:])
    if r.timed_out:
        r.failures.append("timeout after %ds" % timeout)
    else:
        r.failures += judge_status(r.status, r.leaves, stderr)
    panic = find_panic(lines)
    if panic:
        r.failures.append(panic[0].strip())
        r.panic = panic[1:]
    return r


def _quote(s):
    return s if re.match(r"^[\w@%+=:,./-]+$", s) else "'%s'" % s


def report(r, out=sys.stdout):
    """Print a boot's failures and its failed cases; return r.ok."""
    for f in r.failures:
        out.write("FAIL boot: %s\n" % f)
    for line in r.panic:
        out.write("  | %s\n" % line)
    for l in r.leaves:
        if l.status == ktap.FAIL:
            out.write("FAIL %s%s\n" % (l.path,
                                       ": " + l.reason if l.reason else ""))
    p, f, s = ktap.counts(r.leaves)
    out.write("%d passed, %d failed, %d skipped; %s (%.1fs, status %s, "
              "log %s)\n" % (p, f, s, "ok" if r.ok else "FAILED",
                             r.duration, r.status, r.log_path))
    return r.ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default="build/linnet")
    ap.add_argument("--initrd")
    ap.add_argument("--append", default="console=ttyS0")
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--icount", action="store_true",
                    help="-icount shift=0,sleep=off: guest time follows "
                    "instructions (for time-dependent tests)")
    ap.add_argument("--log", help="console log (default build/test/boot.log)")
    ap.add_argument("--echo", action="store_true",
                    help="copy the console to stdout while it runs")
    ap.add_argument("extra", nargs="*", help="more QEMU arguments (after --)")
    args = ap.parse_args(argv)
    r = boot(args.kernel, args.initrd, args.append, args.smp, args.mem,
             args.extra, args.timeout, args.icount, args.log, args.echo)
    return 0 if report(r) else 1


if __name__ == "__main__":
    sys.exit(main())

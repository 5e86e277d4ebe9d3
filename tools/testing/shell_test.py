#!/usr/bin/env python3
"""Drive the interactive busybox shell of `make run` through the console.

It boots the kernel the way `make run` does (the usr/init.sh initramfs:
mount what the kernel offers, then `setsid cttyhack sh` on the serial
console), types commands into QEMU's serial port through a pseudo-
terminal, like a user at a terminal, and checks what comes back: shell
arithmetic, background jobs and `jobs`, `fg` then Ctrl-C, Ctrl-Z and
`kill %1`, `ps`, live /proc files, `top` and `vi` in raw mode, and
`poweroff -f` ending QEMU.

Every wait has a timeout and QEMU is always killed at the end, so a
kernel that hangs fails the run instead of stalling it.  Each step is
one KTAP result; the console transcript is saved (build/test/shell-smpN
.log by default).  Standard library only (pty, select, subprocess).

usage: shell_test.py [--kernel build/linnet] [--smp N] [--timeout S]
                     [--log FILE] [-v]

run_tests.py calls run() from its user layer.  (Its host layer skips
this file, which boots QEMU.)
"""

import argparse
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
import tty

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "usr"))
import ktap  # noqa: E402
import run_qemu  # noqa: E402

# `make run`'s command line (mk/run.mk): the kernel decides the rest.
APPEND = "console=ttyS0"
# Typed as PS1='[''ut''] ': the prompt "[ut] " never appears in the echo
# of the command that sets it.
PROMPT = "[ut] "
BOOT_TIMEOUT = 180      # seconds until the first shell prompt
STEP_TIMEOUT = 30       # seconds for one command's output
TOTAL_TIMEOUT = 600     # the whole session, whatever happens


_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|[()][A-Za-z0-9]|[A-Za-z=>])")


class StepFailed(Exception):
    pass


class Console:
    """QEMU on a pseudo-terminal: send keys, wait for text."""

    def __init__(self, cmd, log, echo=False, deadline=None):
        self.log = log
        self.echo = echo
        self.deadline = deadline or time.monotonic() + TOTAL_TIMEOUT
        self.buf = ""           # everything since the last expect()
        master, slave = pty.openpty()
        tty.setraw(slave)       # QEMU does this too; no echo from us
        self.master = master
        self.proc = subprocess.Popen(cmd, stdin=slave, stdout=slave,
                                     stderr=subprocess.PIPE,
                                     start_new_session=True)
        os.close(slave)

    def send(self, text):
        self.log.write(("\n<<< %r\n" % text).encode())
        os.write(self.master, text.encode())

    def line(self, text):
        # The tty turns CR into NL (ICRNL), as for a real keyboard.
        self.send(text + "\r")

    def _read(self, timeout):
        r, _, _ = select.select([self.master], [], [], max(0, timeout))
        if not r:
            return ""
        try:
            data = os.read(self.master, 65536)
        except OSError:         # QEMU is gone: EIO on the master
            data = b""
        if not data:
            raise EOFError
        self.log.write(data)
        self.log.flush()
        if self.echo:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        return data.decode("utf-8", "replace").replace("\r", "")

    def expect(self, pattern, timeout=STEP_TIMEOUT):
        """Wait for @pattern (a regex); return the text up to its end,
        keep the rest.  StepFailed on timeout or QEMU exit."""
        end = min(time.monotonic() + timeout, self.deadline)
        rx = re.compile(pattern)
        while True:
            m = rx.search(self.buf)
            if m:
                got = self.buf[:m.end()]
                self.buf = self.buf[m.end():]
                return got
            left = end - time.monotonic()
            if left <= 0:
                raise StepFailed("timeout waiting for %r; last output: %r"
                                 % (pattern, self.buf[-200:]))
            try:
                # Matching ignores terminal escapes (busybox's line editor
                # asks for the cursor position after each prompt); they
                # may arrive split over reads, so strip the whole buffer.
                self.buf = _ESCAPE.sub("", self.buf +
                                       self._read(min(left, 1.0)))
            except EOFError:
                raise StepFailed("QEMU exited while waiting for %r"
                                 % pattern)

    def command(self, text, timeout=STEP_TIMEOUT):
        """Type a command line; return its output (without the echo)."""
        self.buf = ""
        self.line(text)
        out = self.expect(re.escape(PROMPT), timeout)
        out = out[:-len(PROMPT)]
        # Drop the echoed command line.
        first, _, rest = out.partition("\n")
        return rest

    def wait_exit(self, timeout):
        end = min(time.monotonic() + timeout, self.deadline)
        while self.proc.poll() is None and time.monotonic() < end:
            try:
                self._read(0.2)
            except EOFError:
                pass
        return self.proc.poll()

    def kill(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc.wait()
        try:
            os.close(self.master)
        except OSError:
            pass
        err = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stderr.close()
        return err


def must(cond, why):
    if not cond:
        raise StepFailed(why)


# -- the steps: each takes the console, raises StepFailed on a mismatch --

def step_boot_to_prompt(c):
    c.expect(r"busybox shell", BOOT_TIMEOUT)
    c.expect(r"[#$] $", BOOT_TIMEOUT)
    c.line("PS1='[''ut''] '")
    c.expect(re.escape(PROMPT))
    # The shell has job control only with a controlling terminal.
    out = c.command("tty; echo pgrp-ok")
    must("pgrp-ok" in out, "no output from tty: %r" % out)
    must("not a tty" not in out, "the shell has no terminal: %r" % out)


def step_arithmetic(c):
    out = c.command("echo $((6*7))")
    must(out.strip() == "42", "echo $((6*7)) printed %r" % out)


def step_background_job_and_jobs(c):
    c.command("sleep 100 &")
    out = c.command("jobs")
    must(re.search(r"\[1\].*Running.*sleep 100", out),
         "jobs does not show the running sleep: %r" % out)


def step_fg_then_ctrl_c(c):
    c.buf = ""
    c.line("fg")
    c.expect(r"sleep 100")
    time.sleep(0.5)             # let the shell hand over the terminal
    c.send("\x03")
    c.expect(re.escape(PROMPT))
    out = c.command("echo status=$?")
    must("status=130" in out, "Ctrl-C did not kill the job: %r" % out)
    out = c.command("jobs")
    must("sleep" not in out, "the job is still listed: %r" % out)


def step_ctrl_z_stops_and_kill_ends(c):
    c.buf = ""
    c.line("sleep 200")
    time.sleep(1.0)
    c.send("\x1a")
    out = c.expect(re.escape(PROMPT))
    must(re.search(r"Stopped", out), "Ctrl-Z gave no 'Stopped': %r" % out)
    out = c.command("jobs")
    must(re.search(r"\[1\].*Stopped.*sleep 200", out),
         "jobs does not show the stopped sleep: %r" % out)
    seen = c.command("kill %1")
    # A stopped job dies of SIGTERM once it runs again (ash's kill sends
    # no SIGCONT): continue it if it is still there.
    out = c.command("jobs")
    seen += out
    if "Stopped" in out:
        seen += c.command("kill -CONT %1 2>/dev/null")
    seen += c.command("wait")
    must("Terminated" in seen, "no 'Terminated' notice: %r" % seen)
    out = c.command("jobs")
    must("sleep 200" not in out, "the killed job is still there: %r" % out)


def step_ps_lists_init(c):
    out = c.command("ps")
    must(re.search(r"^\s*PID\b", out, re.M), "no ps header: %r" % out[:200])
    must(re.search(r"^\s*1\s.*\binit\b", out, re.M),
         "ps does not list init as pid 1")
    # ash runs ps without exec: it shows as "{ps} sh".
    must(re.search(r"^\s*\d+\s.*\bps\b", out, re.M),
         "ps does not list itself")


def step_proc_files_live(c):
    out = c.command("cat /proc/buddyinfo /proc/slabinfo /proc/interrupts")
    must("zone" in out, "no buddyinfo zones")
    must("slabinfo - version" in out, "no slabinfo header")
    must("CPU0" in out, "no interrupts header")


def step_free_mount_dmesg(c):
    out = c.command("free")
    must(re.search(r"^Mem:\s+\d+", out, re.M), "free: %r" % out)
    out = c.command("mount")
    must(" on /proc type proc" in out, "mount: %r" % out[:300])
    out = c.command("dmesg | tail -n 2 | wc -l")
    must(out.strip() == "2", "dmesg: %r" % out)


def step_top_quits_on_q(c):
    c.buf = ""
    c.line("top")
    c.expect(r"PID")
    time.sleep(0.5)
    c.send("q")
    c.expect(re.escape(PROMPT))


def step_vi_edits_and_quits(c):
    c.command("rm -f /tmp/vi-test")
    c.buf = ""
    c.line("vi /tmp/vi-test")
    c.expect(r"~")
    time.sleep(0.3)
    c.send(":q!\r")
    c.expect(re.escape(PROMPT))
    c.buf = ""
    c.line("vi /tmp/vi-test")
    c.expect(r"~")
    time.sleep(0.3)
    c.send("ihello from vi\x1b")
    time.sleep(0.3)
    c.send(":wq\r")
    c.expect(re.escape(PROMPT))
    out = c.command("cat /tmp/vi-test")
    must(out.strip() == "hello from vi", "vi wrote %r" % out)


def step_poweroff_ends_qemu(c):
    c.line("poweroff -f")
    status = c.wait_exit(60)
    must(status is not None, "QEMU still running 60 s after poweroff -f")
    must(status in (run_qemu.STATUS_POWEROFF, run_qemu.STATUS_PASSED),
         "QEMU exit status %s" % status)


STEPS = [
    ("boot_to_prompt", step_boot_to_prompt),
    ("echo_arithmetic", step_arithmetic),
    ("background_job_listed_by_jobs", step_background_job_and_jobs),
    ("fg_then_ctrl_c_returns_to_prompt", step_fg_then_ctrl_c),
    ("ctrl_z_stops_kill_ends_job", step_ctrl_z_stops_and_kill_ends),
    ("ps_lists_init", step_ps_lists_init),
    ("proc_buddyinfo_slabinfo_interrupts", step_proc_files_live),
    ("free_mount_dmesg", step_free_mount_dmesg),
    ("top_quits_on_q", step_top_quits_on_q),
    ("vi_edits_and_quits", step_vi_edits_and_quits),
    ("poweroff_ends_qemu", step_poweroff_ends_qemu),
]


def build_initramfs(out):
    """The `make run` initramfs: usr/init.sh and busybox."""
    import gen_initramfs
    import gen_init_cpio
    os.makedirs(os.path.dirname(out), exist_ok=True)
    spec = gen_initramfs.make_spec(os.path.join(ROOT, "usr", "init.sh"))
    gen_init_cpio.write_archive(spec, out)
    return out


def run(kernel, smp=1, mem="512M", log_path=None, echo=False,
        timeout=TOTAL_TIMEOUT):
    """Boot, run every step; return a list of ktap.Leaf."""
    leaves = []
    log_path = log_path or os.path.join(ROOT, "build", "test",
                                        "shell-smp%d.log" % smp)
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    if not os.path.exists(kernel):
        return [ktap.Leaf("boot_to_prompt", ktap.FAIL,
                          "%s is missing" % kernel)]
    try:
        initrd = build_initramfs(os.path.join(ROOT, "build", "user",
                                              "shell-initramfs.cpio.gz"))
    except Exception as e:      # noqa: BLE001 - reported, not raised
        return [ktap.Leaf("boot_to_prompt", ktap.FAIL,
                          "initramfs: %s" % e)]
    cmd = run_qemu.qemu_command(kernel, initrd, APPEND, smp, mem)
    with open(log_path, "wb") as log:
        log.write(("# %s\n" % " ".join(cmd)).encode())
        c = Console(cmd, log, echo, time.monotonic() + timeout)
        try:
            broken = None
            for name, fn in STEPS:
                if broken:
                    leaves.append(ktap.Leaf(name, ktap.FAIL,
                                            "not run: %s failed" % broken))
                    continue
                try:
                    fn(c)
                    leaves.append(ktap.Leaf(name, ktap.PASS))
                except StepFailed as e:
                    leaves.append(ktap.Leaf(name, ktap.FAIL, str(e)))
                    # The shell may be lost; only a dead QEMU or no
                    # prompt stops the remaining steps.
                    if name == "boot_to_prompt" or c.proc.poll() is not None:
                        broken = name
                    else:
                        try:
                            c.send("\x03")
                            c.command("", 10)
                        except StepFailed:
                            broken = name
        finally:
            err = c.kill()
            if err:
                log.write(("\n---- qemu stderr ----\n" + err).encode())
    with open(log_path, errors="replace") as f:
        panic = run_qemu.find_panic(f.read().splitlines())
    if panic:
        leaves.append(ktap.Leaf("no_kernel_panic", ktap.FAIL,
                                panic[0].strip()))
    return leaves


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build",
                                                     "linnet"))
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--timeout", type=float, default=TOTAL_TIMEOUT)
    ap.add_argument("--log", help="console transcript "
                    "(default build/test/shell-smpN.log)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="copy the console to stdout")
    args = ap.parse_args(argv)
    leaves = run(os.path.abspath(args.kernel), args.smp, args.mem,
                 args.log and os.path.abspath(args.log), args.verbose,
                 args.timeout)
    print("KTAP version 1")
    print("1..%d" % len(leaves))
    for i, l in enumerate(leaves, 1):
        if l.status == ktap.FAIL:
            print("# %s" % l.reason)
        print("%s %d %s" % ("ok" if l.status == ktap.PASS else "not ok",
                            i, l.path))
    return 1 if any(l.status == ktap.FAIL for l in leaves) else 0


if __name__ == "__main__":
    sys.exit(main())

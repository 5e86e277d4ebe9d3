#!/usr/bin/env python3
"""Host tests of run_qemu.py on real QEMU boots of tiny fake kernels
(fake_kernel.py): each proves one way a boot is judged -- passed, failed,
crashed, panicked, hung, QEMU broken.  Prints KTAP.  About ten seconds.
"""

import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fake_kernel  # noqa: E402
import ktap  # noqa: E402
import ktap_unittest  # noqa: E402
import run_qemu  # noqa: E402

OK2 = "KTAP version 1\n1..2\nok 1 a\nok 2 b\n"
NOT_OK = "KTAP version 1\n1..2\nok 1 a\n  # b: expected 1 == 2\nnot ok 2 b\n"

HAVE_QEMU = shutil.which(run_qemu.QEMU) is not None


@unittest.skipUnless(HAVE_QEMU, "needs qemu-system-x86_64")
class RunQemuTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="run_qemu_test.")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def boot(self, text, end="exit", code=0, timeout=30, **kw):
        name = self.id().rsplit(".", 1)[-1]
        kernel = os.path.join(self.tmp, name + ".elf")
        fake_kernel.build(kernel, text, end, code)
        return run_qemu.boot(kernel, timeout=timeout,
                             log_path=os.path.join(self.tmp, name + ".log"),
                             **kw)

    def test_all_passed_exit(self):
        r = self.boot(OK2, code=0)
        self.assertEqual(r.status, run_qemu.STATUS_PASSED)
        self.assertTrue(r.ok, r.failures)
        self.assertEqual(ktap.counts(r.leaves), (2, 0, 0))

    def test_failure_exit_with_not_ok(self):
        r = self.boot(NOT_OK, code=1)
        self.assertEqual(r.status, run_qemu.STATUS_FAILED)
        self.assertFalse(r.ok)
        self.assertEqual(r.failures, [])     # the KTAP already says why
        self.assertEqual(ktap.counts(r.leaves), (1, 1, 0))

    def test_failure_exit_without_not_ok_fails(self):
        r = self.boot(OK2, code=1)
        self.assertFalse(r.ok)
        self.assertIn("debug-exit 1", r.failures[0])

    def test_success_exit_cannot_hide_not_ok(self):
        r = self.boot(NOT_OK, code=0)
        self.assertFalse(r.ok)

    def test_odd_debug_exit_code_fails(self):
        r = self.boot(OK2, code=5)
        self.assertEqual(r.status, 11)
        self.assertFalse(r.ok)

    def test_poweroff_status_zero_judged_by_ktap(self):
        r = self.boot(OK2, end="reset")
        self.assertEqual(r.status, run_qemu.STATUS_POWEROFF)
        self.assertTrue(r.ok, r.failures)

    def test_hang_is_killed_as_timeout(self):
        r = self.boot("KTAP version 1\n1..3\nok 1 a\n", end="hang",
                      timeout=2)
        self.assertTrue(r.timed_out)
        self.assertLess(r.duration, 10)
        self.assertIn("timeout after 2s", r.failures)
        self.assertFalse(r.ok)
        # What ran before the hang is still reported.
        self.assertIn(("a", ktap.PASS, ""), [tuple(l) for l in r.leaves])

    def test_panic_fails_and_is_echoed(self):
        r = self.boot("KTAP version 1\n1..1\nok 1 a\n"
                      "Kernel panic - not syncing: Attempted to kill init!\n"
                      "CPU: 0 PID: 1 Comm: init\n", end="reset")
        self.assertFalse(r.ok)
        self.assertIn("Kernel panic", r.failures[0])
        self.assertTrue(any("Comm: init" in l for l in r.panic))

    def test_no_ktap_fails(self):
        r = self.boot("Linnet booting\n", end="reset")
        self.assertFalse(r.ok)

    def test_console_log_is_saved(self):
        r = self.boot(OK2)
        with open(r.log_path, errors="replace") as f:
            log = f.read()
        self.assertIn("ok 2 b", log)
        self.assertIn("isa-debug-exit", log.splitlines()[0])

    def test_qemu_error_fails(self):
        kernel = os.path.join(self.tmp, "err.elf")
        fake_kernel.build(kernel, OK2)
        r = run_qemu.boot(kernel, extra=["-no-such-option"], timeout=30,
                          log_path=os.path.join(self.tmp, "err.log"))
        self.assertFalse(r.ok)
        self.assertTrue(r.failures)

    def test_missing_kernel_fails(self):
        r = run_qemu.boot(os.path.join(self.tmp, "nope"), timeout=5,
                          log_path=os.path.join(self.tmp, "nope.log"))
        self.assertFalse(r.ok)
        self.assertIn("does not exist", r.failures[0])

    def test_command_line(self):
        cmd = run_qemu.qemu_command("k", "i.gz", "console=ttyS0", 2, "256M",
                                    ["-s"], icount=True)
        line = " ".join(cmd)
        for want in ("-kernel k", "-initrd i.gz", "-smp 2", "-m 256M",
                     "-nographic", "-no-reboot",
                     "isa-debug-exit,iobase=0xf4,iosize=0x04",
                     "-icount shift=0,sleep=off"):
            self.assertIn(want, line)
        self.assertEqual(cmd[-1], "-s")


if __name__ == "__main__":
    sys.exit(ktap_unittest.main(__name__))

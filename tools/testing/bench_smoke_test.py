#!/usr/bin/env python3
"""Smoke test of `make bench` (tools/bench), for the host layer: CI never
runs the benchmarks, it checks that they build and that one runs.

Every tools/bench program is built with musl-gcc through the same make
rule `make bench` uses (into a temporary folder); the syscall program
runs on this host (the programs are static Linux binaries) with tiny
repetitions, and fork_exec shows that hello is found beside it.  Once
Linnet has a user space the same programs run in the bench initramfs.
The runner's console parsing and the report's arithmetic are checked
on canned input.  Prints KTAP; takes a few seconds.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(ROOT, "tools", "bench")
sys.path.insert(0, HERE)
sys.path.insert(0, BENCH)
import chart  # noqa: E402
import ktap_unittest  # noqa: E402
import report  # noqa: E402
import run_bench  # noqa: E402

BENCH_LINE = re.compile(r"^BENCH (\S+) ([0-9.]+) (\S+)$")


def bench_programs():
    """Program names: every tools/bench/*.c but the shared bench.c."""
    return sorted(os.path.basename(p)[:-2]
                  for p in glob.glob(os.path.join(BENCH, "*.c"))
                  if os.path.basename(p) != "bench.c")


class BuildAndRun(unittest.TestCase):
    """Build once for the class; each case uses the binaries."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="bench_smoke.")
        cls.bin = os.path.join(cls.tmp, "bin")
        cls.build = None
        if not shutil.which("musl-gcc"):
            return
        cls.build = subprocess.run(
            ["make", "-s", "--no-print-directory", "-C", ROOT,
             "bench-progs", "BENCH_BIN=" + cls.bin],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, timeout=120)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        if self.build is None:
            self.skipTest("musl-gcc missing (apt-get install -y musl-tools)")
        self.assertEqual(self.build.returncode, 0, self.build.stdout)

    def run_prog(self, argv):
        env = dict(os.environ, TMPDIR=self.tmp)
        p = subprocess.run([os.path.join(self.bin, argv[0])] + argv[1:],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env=env,
                           timeout=60)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        return p.stdout.splitlines()

    def test_every_program_builds(self):
        for name in bench_programs():
            path = os.path.join(self.bin, name)
            self.assertTrue(os.access(path, os.X_OK), name)
            with open(path, "rb") as f:
                self.assertEqual(f.read(4), b"\x7fELF", name)

    def test_syscall_program_prints_its_figures(self):
        want = self.run_prog(["syscall", "-l"])
        lines = self.run_prog(["syscall", "-t", "0.005", "-r", "1"])
        got = {}
        for line in lines:
            m = BENCH_LINE.match(line)
            self.assertTrue(m, "not a BENCH line: %r" % line)
            got[m.group(1)] = (float(m.group(2)), m.group(3))
        self.assertEqual(list(got), want)
        for name, (value, unit) in got.items():
            self.assertGreater(value, 0, name)
            self.assertEqual(unit, "ns", name)
        self.assertEqual(glob.glob(os.path.join(self.tmp, "bench.*")), [],
                         "scratch files left behind")

    def test_fork_exec_finds_hello(self):
        lines = self.run_prog(["proc", "-t", "0.005", "-r", "1",
                               "fork_exec"])
        self.assertEqual(len(lines), 1)
        self.assertRegex(lines[0], r"^BENCH fork_exec [0-9.]+ us$")

    def test_unknown_benchmark_is_an_error(self):
        p = subprocess.run([os.path.join(self.bin, "syscall"), "nosuch"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 2)


class Harness(unittest.TestCase):
    def test_init_runs_every_program(self):
        with open(os.path.join(BENCH, "init.sh")) as f:
            m = re.search(r"^for prog in (.*); do$", f.read(), re.M)
        self.assertTrue(m, "init.sh has no 'for prog in' loop")
        self.assertEqual(sorted(m.group(1).split()),
                         [p for p in bench_programs() if p != "hello"])

    def test_console_parsing(self):
        b = run_bench.Boot("linux", "icount smp1")
        run_bench.parse_console(b, [
            (0.5, "Booting from ROM..\x1b[2JBENCH boot_to_init 1.77 s\r\n"),
            (0.6, "BENCH null_syscall 329.0 ns\r\n"),
            (0.7, "BENCH_FAIL stat stat /tmp/x: No such file\r\n"),
            (0.8, "[    0.1] # bench_mm: alloc_page+free 760 ns/op\n"),
            (0.9, "BENCH_END\n")])
        self.assertTrue(b.reached_init and b.ended)
        self.assertEqual(b.figures["boot_to_init"],
                         {"value": 1.77, "unit": "s"})
        self.assertEqual(b.figures["boot_to_init_host"]["value"], 0.5)
        self.assertEqual(b.figures["bench_mm.alloc_page+free"],
                         {"value": 760.0, "unit": "ns/op"})
        self.assertEqual(b.failures, ["stat: stat /tmp/x: No such file"])

    def test_ratio_is_cost_over_cost(self):
        self.assertAlmostEqual(report.ratio(50.0, 100.0, "ns"), 0.5)
        # A rate: twice Linux's bandwidth is half the cost.
        self.assertAlmostEqual(report.ratio(200.0, 100.0, "MiB/s"), 0.5)
        self.assertIsNone(report.ratio(None, 100.0, "ns"))

    def test_report_marks_moves_and_missing_sides(self):
        def cfg(linux_ns, linnet_ns):
            return {"icount smp1": {
                "linux": {"figures": {"null_syscall": {
                    "value": linux_ns, "unit": "ns"}},
                    "reached_init": True, "failures": []},
                "linnet": {"figures": {"bench_mm.kmalloc": {
                    "value": linnet_ns, "unit": "ns/op"}},
                    "reached_init": False, "failures": []}}}
        prev = {"date": "before", "configs": cfg(100.0, 50.0)}
        cur = {"date": "now", "configs": cfg(103.0, 50.5)}
        text = report.format_report(cur, prev)
        row = [l for l in text.splitlines() if "null_syscall" in l][0]
        self.assertIn(report.NO_USER_SPACE, row)
        self.assertIn("+3.0%!", row)
        row = [l for l in text.splitlines() if "bench_mm.kmalloc" in l][0]
        self.assertIn("+1.0%", row)
        self.assertNotIn("!", row)
        self.assertIn("1 figure(s) moved more than 2%", text)
        self.assertIn("| null_syscall |",
                      report.format_report(cur, prev, markdown=True))

    def test_chart_draws_ratios(self):
        fig = {"null_syscall": {"value": 100.0, "unit": "ns"},
               "pipe_bw": {"value": 900.0, "unit": "MiB/s"}}
        both = {"linux": {"figures": fig}, "linnet": {"figures": fig}}
        results = {"date": "test", "configs": {"icount smp1": both,
                                                "tcg smp1": both}}
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "ratios.png")
            said = chart.make_chart(results, out)
            if "missing" in said:
                self.skipTest("no matplotlib or gnuplot: " + said)
            self.assertEqual(said, "chart: " + out)
            with open(out, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_chart_waits_for_ratios(self):
        results = {"configs": {"tcg smp1": {"linux": {"figures": {
            "null_syscall": {"value": 1.0, "unit": "ns"}}}}}}
        self.assertIn("skipped", chart.make_chart(results, "/nonexistent"))


if __name__ == "__main__":
    sys.exit(ktap_unittest.main(__name__))

#!/usr/bin/env python3
"""Host tests of the KTAP parser (ktap.py) and of how run_tests.py judges
a run.  Prints KTAP itself, so `make test` counts these cases too.

The negative controls matter most: a harness that cannot fail is worse
than none.  test_not_ok_case_fails and test_make_test_fails_on_not_ok
prove that one "not ok" line makes the whole run fail.
"""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ktap  # noqa: E402
import ktap_unittest  # noqa: E402

PASSING = """\
KTAP version 1
1..2
  KTAP version 1
  # Subtest: list
  1..2
  ok 1 list_test_add
  ok 2 list_test_del
ok 1 list
  KTAP version 1
  # Subtest: string
  1..1
  ok 1 string_test_strlen
ok 2 string
"""

FAILING = """\
KTAP version 1
1..1
  KTAP version 1
  # Subtest: list
  1..2
  ok 1 list_test_add
    # list_test_del: EXPECTATION FAILED at lib/list_test.c:42
  not ok 2 list_test_del
not ok 1 list
"""


def parse(text):
    return [tuple(l) for l in ktap.parse_text(text)]


def statuses(text):
    return {l.path: l.status for l in ktap.parse_text(text)}


class KtapParserTest(unittest.TestCase):
    def test_passing_run_has_no_failure(self):
        self.assertEqual(statuses(PASSING), {
            "list.list_test_add": ktap.PASS,
            "list.list_test_del": ktap.PASS,
            "string.string_test_strlen": ktap.PASS,
        })

    def test_not_ok_case_fails(self):
        # Negative control: one "not ok" is one failure, with its reason.
        leaves = ktap.parse_text(FAILING)
        self.assertEqual(ktap.counts(leaves), (1, 1, 0))
        bad = [l for l in leaves if l.status == ktap.FAIL][0]
        self.assertEqual(bad.path, "list.list_test_del")
        self.assertIn("lib/list_test.c:42", bad.reason)

    def test_flat_not_ok_fails(self):
        self.assertEqual(statuses("KTAP version 1\n1..1\nnot ok 1 x\n"),
                         {"x": ktap.FAIL})

    def test_truncated_run_fails(self):
        # A crash after two of three results.
        leaves = parse("KTAP version 1\n1..3\nok 1 a\nok 2 b\n")
        self.assertIn(("a", ktap.PASS, ""), leaves)
        self.assertIn(("(top level)", ktap.FAIL,
                       "missing 1 result (plan 1..3)"), leaves)

    def test_crash_inside_suite_fails_suite_and_top(self):
        log = ("KTAP version 1\n1..2\n  KTAP version 1\n"
               "  # Subtest: mm\n  1..3\n  ok 1 alloc\n"
               "BUG: unable to handle page fault\n")
        leaves = ktap.parse_text(log)
        fails = {l.path: l.reason for l in leaves if l.status == ktap.FAIL}
        self.assertIn("mm", fails)
        self.assertIn("missing 2 results", fails["mm"])
        self.assertIn("(top level)", fails)
        self.assertIn("missing 1 result", fails["(top level)"])
        self.assertEqual(ktap.counts(leaves)[0], 1)

    def test_skip_is_not_failure(self):
        leaves = ktap.parse_text("KTAP version 1\n1..3\nok 1 a\n"
                                 "ok 2 b # SKIP no hpet\n"
                                 "not ok 3 c # SKIP needs smp\n")
        self.assertEqual(ktap.counts(leaves), (1, 0, 2))
        self.assertIn(("b", ktap.SKIP, "no hpet"), [tuple(l) for l in leaves])

    def test_skipped_suite_without_cases(self):
        self.assertEqual(statuses("KTAP version 1\n1..1\n"
                                  "ok 1 smp # SKIP one cpu\n"),
                         {"smp": ktap.SKIP})

    def test_todo_is_not_failure(self):
        self.assertEqual(statuses("KTAP version 1\n1..1\n"
                                  "not ok 1 a # TODO later\n"),
                         {"a": ktap.SKIP})

    def test_nested_three_levels(self):
        log = ("KTAP version 1\n1..1\n"
               "    KTAP version 1\n    # Subtest: sched\n    1..1\n"
               "        KTAP version 1\n        # Subtest: fair\n"
               "        1..2\n        ok 1 p0\n        not ok 2 p1\n"
               "    not ok 1 fair\n"
               "not ok 1 sched\n")
        self.assertEqual(statuses(log), {"sched.fair.p0": ktap.PASS,
                                         "sched.fair.p1": ktap.FAIL})

    def test_nested_without_subtest_header(self):
        log = ("TAP version 14\n1..1\n    1..2\n    ok 1 - a\n"
               "    ok 2 - b\nok 1 - suite\n")
        self.assertEqual(statuses(log), {"suite.a": ktap.PASS,
                                         "suite.b": ktap.PASS})

    def test_suite_not_ok_with_passing_cases_fails(self):
        log = ("KTAP version 1\n1..1\n  KTAP version 1\n"
               "  # Subtest: s\n  1..1\n  ok 1 a\n"
               "# s: suite exit failed\nnot ok 1 s\n")
        self.assertEqual(statuses(log), {"s.a": ktap.PASS, "s": ktap.FAIL})

    def test_timestamps_and_noise(self):
        log = ("[    0.000000] Linux version 6.1\n"
               "\x1bc\x1b[?7l\x1b[2JSeaBIOS (version 1.16)\r\n"
               "[    0.512345] KTAP version 1\r\n"
               "[    0.512346] 1..1\n"
               "[    0.512400] random driver: ok\n"
               "[    0.512401]   KTAP version 1\n"
               "[    0.512402]   # Subtest: time\n"
               "[    0.512403]   1..2\n"
               "[    0.512404]   ok 1 jiffies\n"
               "[    0.512405] smpboot: CPU 1 is up\n"
               "[    1.000000]   ok 2 hrtimer\n"
               "[    1.000001] ok 1 time\n")
        self.assertEqual(statuses(log), {"time.jiffies": ktap.PASS,
                                         "time.hrtimer": ktap.PASS})

    def test_no_ktap_is_failure(self):
        leaves = ktap.parse_text("SeaBIOS\nBooting from ROM...\n")
        self.assertEqual(ktap.counts(leaves), (0, 1, 0))

    def test_empty_log_is_failure(self):
        self.assertEqual(ktap.counts(ktap.parse_text("")), (0, 1, 0))

    def test_bail_out_fails(self):
        leaves = ktap.parse_text("KTAP version 1\n1..2\nok 1 a\n"
                                 "Bail out! out of memory\n")
        self.assertEqual(ktap.counts(leaves), (1, 1, 0))

    def test_two_documents_are_concatenated(self):
        # The kernel's suites, then the test /init's own report.
        log = ("KTAP version 1\n1..1\nok 1 initrd\n"
               "Run /init as init process\n"
               "KTAP version 1\n1..1\n  KTAP version 1\n"
               "  # Subtest: smoke\n  1..1\n  ok 1 getpid\nok 1 smoke_test\n")
        self.assertEqual(statuses(log), {"initrd": ktap.PASS,
                                         "smoke_test.getpid": ktap.PASS})

    def test_host_test_diagnostics_are_reasons(self):
        # tests/host/hosttest.h prints its diagnostics indented by four.
        log = ("KTAP version 1\n1..2\nok 1 a\n"
               "    # lib/sort.c:10: expected x == 2\nnot ok 2 b\n")
        leaves = parse(log)
        self.assertIn(("b", ktap.FAIL, "lib/sort.c:10: expected x == 2"),
                      leaves)

    def test_sibling_subtest_without_result_line(self):
        log = ("KTAP version 1\n1..2\n"
               "  KTAP version 1\n  # Subtest: a\n  1..1\n  ok 1 x\n"
               "  KTAP version 1\n  # Subtest: b\n  1..1\n  ok 1 y\n"
               "ok 2 b\n")
        st = statuses(log)
        self.assertEqual(st["a.x"], ktap.PASS)
        self.assertEqual(st["b.y"], ktap.PASS)
        self.assertEqual(st["a"], ktap.FAIL)   # its result line is missing

    def test_words_ok_in_noise_are_not_results(self):
        log = ("KTAP version 1\n1..1\nok, continuing\nok 1 a\n"
               "okay\nnot okay\n")
        self.assertEqual(statuses(log), {"a": ktap.PASS})

    def test_hash_in_name_without_directive(self):
        self.assertEqual(statuses("KTAP version 1\n1..1\n"
                                  "ok 1 parse_#define\n"),
                         {"parse_#define": ktap.PASS})

    def test_tabs_and_indentation_are_tolerated(self):
        log = "KTAP version 1\n1..1\n\t1..1\n\tok 1 a\nok 1 s\n"
        self.assertEqual(statuses(log), {"s.a": ktap.PASS})


class RunTestsJudgesTest(unittest.TestCase):
    """The same samples through run_tests.py, the program `make test`
    runs: its exit status and final line are what CI sees."""

    def run_tests_on(self, text):
        with tempfile.NamedTemporaryFile("w", suffix=".log",
                                         delete=False) as f:
            f.write(text)
        try:
            p = subprocess.run([sys.executable,
                                os.path.join(HERE, "run_tests.py"),
                                "--from-log", f.name],
                               stdout=subprocess.PIPE, text=True,
                               timeout=60)
        finally:
            os.unlink(f.name)
        return p.returncode, p.stdout.splitlines()

    def test_make_test_fails_on_not_ok(self):
        # Negative control: make test exits non-zero on one "not ok".
        status, out = self.run_tests_on(FAILING)
        self.assertEqual(status, 1)
        self.assertEqual(out[-1], "1 passed, 1 failed")
        self.assertTrue(any(l.startswith("FAIL log:") and
                            "list_test_del" in l for l in out))

    def test_make_test_fails_on_truncated_run(self):
        status, out = self.run_tests_on("KTAP version 1\n1..3\n"
                                        "ok 1 a\nok 2 b\n")
        self.assertEqual(status, 1)
        self.assertEqual(out[-1], "2 passed, 1 failed")

    def test_make_test_fails_on_panic(self):
        status, out = self.run_tests_on("KTAP version 1\n1..1\nok 1 a\n"
                                        "Kernel panic - not syncing: x\n")
        self.assertEqual(status, 1)

    def test_make_test_passes_clean_run(self):
        status, out = self.run_tests_on(PASSING)
        self.assertEqual(status, 0)
        self.assertEqual(out[-1], "3 passed, 0 failed")


if __name__ == "__main__":
    sys.exit(ktap_unittest.main(__name__))

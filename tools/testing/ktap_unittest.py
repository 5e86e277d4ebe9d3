"""Run a unittest suite and report it as KTAP v1.

The harness's own Python tests report the way every other test does, so
run_tests.py counts their cases like any host test:

    KTAP version 1
    1..3
    ok 1 test_plan_counts
    # Traceback ... (diagnostics of a failure, each line prefixed "# ")
    not ok 2 test_truncated_run_fails
    ok 3 test_skip_is_not_failure # SKIP needs qemu

Use: sys.exit(ktap_unittest.main(__name__)) at the end of a test module.
"""

import sys
import unittest


class KtapResult(unittest.TestResult):
    def __init__(self, stream):
        super().__init__()
        self.stream = stream
        self.n = 0

    def _emit(self, test, ok, directive="", diag=""):
        self.n += 1
        for line in diag.rstrip().splitlines():
            self.stream.write("# %s\n" % line)
        name = getattr(test, "_testMethodName", str(test))
        self.stream.write("%sok %d %s%s\n" % ("" if ok else "not ", self.n,
                                               name, directive))
        self.stream.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        self._emit(test, True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._emit(test, False, diag=self.failures[-1][1])

    def addError(self, test, err):
        super().addError(test, err)
        self._emit(test, False, diag=self.errors[-1][1])

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._emit(test, True, " # SKIP %s" % reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._emit(test, True, " # TODO expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._emit(test, False, diag="unexpected success")


def run(suite, stream=sys.stdout):
    """Run @suite printing KTAP; return True when nothing failed."""
    stream.write("KTAP version 1\n1..%d\n" % suite.countTestCases())
    stream.flush()
    result = KtapResult(stream)
    suite.run(result)
    return result.wasSuccessful()


def main(module_name):
    """Run every TestCase in the module; return an exit status."""
    suite = unittest.defaultTestLoader.loadTestsFromModule(
        sys.modules[module_name])
    return 0 if run(suite) else 1

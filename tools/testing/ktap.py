#!/usr/bin/env python3
"""KTAP v1 parser for Linnet's test harness.

It reads what a test run printed -- a serial console log, a host test's
stdout -- and returns the leaf results as (path, status, reason), where
path is "suite.case" (deeper nesting adds more dots) and status is one of
PASS, FAIL, SKIP.

What it accepts:
  * "KTAP version 1" (or "TAP version N") headers, plans "1..N", results
    "ok N name" / "not ok N name", an optional " - " before the name, and
    "# SKIP reason" / "# TODO reason" directives (both counted as skips);
  * nested subtests at deeper indentation (any amount: two spaces as ktest
    prints them, four as KUnit does), with or without "# Subtest: name";
  * console noise: lines that are not KTAP are ignored, "[    0.123456] "
    timestamps, carriage returns and ANSI escapes are stripped;
  * several top-level documents in one log (they are concatenated).

What fails:
  * "not ok" (without SKIP/TODO), and "Bail out!";
  * fewer results than the plan promised (a crash mid-run): one failure
    "missing N results" for that suite;
  * a suite whose own line says "not ok" although all its cases passed;
  * a log with no KTAP at all.

Diagnostic lines ("# ...") before a result are kept as that result's
reason, so a failure can be reported with the expectation that failed.

As a program: ktap.py [LOG] prints one line per leaf and the totals, and
exits 1 when anything failed.
"""

import re
import sys

PASS = "PASS"
FAIL = "FAIL"
SKIP = "SKIP"

_TIMESTAMP = re.compile(r"^\s*\[\s*\d+\.\d+\]\s?")
_ANSI = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|[()][A-Za-z0-9]|[A-Za-z=>])")
_HEADER = re.compile(r"^(?:K?TAP) version \d+\s*$")
_PLAN = re.compile(r"^1\.\.(\d+)(?:\s*#.*)?\s*$")
_RESULT = re.compile(r"^(not ok|ok)\s+(\d+)\b\s*(?:-\s+)?(.*?)\s*$")
_DIRECTIVE = re.compile(r"(?:^|\s)#\s*(SKIP|TODO)\b\s*(.*)$", re.I)
_SUBTEST = re.compile(r"^#\s*Subtest:\s*(.*?)\s*$")
_BAIL = re.compile(r"^Bail out!\s*(.*)$")


class Leaf:
    """One reported case: path "suite.case", status, reason."""

    __slots__ = ("path", "status", "reason")

    def __init__(self, path, status, reason=""):
        self.path, self.status, self.reason = path, status, reason

    def __iter__(self):
        return iter((self.path, self.status, self.reason))

    def __repr__(self):
        return "Leaf(%r, %r, %r)" % (self.path, self.status, self.reason)


class _Result:
    def __init__(self, ok, num, name, directive, reason, diag):
        self.ok = ok
        self.num = num
        self.name = name
        self.directive = directive   # "SKIP", "TODO" or None
        self.reason = reason
        self.diag = diag             # "# ..." lines printed before it
        self.sub = None              # _Frame of its subtests, if any


class _Frame:
    """One KTAP document or subtest block: lines at one indentation."""

    def __init__(self, indent, name=None):
        self.indent = indent
        self.name = name
        self.plan = None
        self.results = []
        self.bail = None


def clean_line(line):
    """Strip timestamps, ANSI escapes and line ends; keep indentation."""
    line = _ANSI.sub("", line.rstrip("\r\n")).replace("\r", "")
    m = _TIMESTAMP.match(line)
    if m:
        line = line[m.end():]
    return line.expandtabs(8)


class Parser:
    """Feed lines with feed(); finish() returns the list of Leaf."""

    def __init__(self):
        self.stack = []      # open frames, outermost first
        self.docs = []       # finished top-level frames
        self.diag = []       # diagnostics waiting for their result line
        self.pending = None  # a subtest frame closed before its result line
        self.saw_ktap = False

    # -- frame stack ---------------------------------------------------
    def _top(self):
        return self.stack[-1] if self.stack else None

    def _close_to(self, indent):
        """Close frames deeper than @indent; the last one closed waits
        for its result line in the frame at @indent."""
        while self.stack and self.stack[-1].indent > indent:
            # A subtest of the frame being closed that never got its
            # result line (the run stopped inside it).
            self._orphan_pending()
            f = self.stack.pop()
            if self.stack:
                self.pending = f
            else:
                self.docs.append(f)

    def _orphan_pending(self):
        """A closed subtest never got its result line: record it as a
        failed result of its parent so its cases are still reported."""
        p, self.pending = self.pending, None
        if p is None or not self.stack:
            return
        parent = self.stack[-1]
        r = _Result(False, len(parent.results) + 1, p.name or "?", None,
                    "no result line for this subtest", [])
        r.sub = p
        parent.results.append(r)

    def _open(self, indent, name=None):
        """Make sure a frame at @indent is on top, opening one if the
        line is deeper than the current frame."""
        self._close_to(indent)
        top = self._top()
        if top is not None and top.indent == indent:
            return top
        self._orphan_pending()
        f = _Frame(indent, name)
        self.stack.append(f)
        return f

    # -- lines -----------------------------------------------------------
    def feed(self, raw):
        line = clean_line(raw)
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        body = body.rstrip()
        if not body:
            return
        if _HEADER.match(body):
            self._header(indent)
        elif _SUBTEST.match(body):
            self._subtest(indent, _SUBTEST.match(body).group(1))
        elif _PLAN.match(body):
            self._plan(indent, int(_PLAN.match(body).group(1)))
        elif _RESULT.match(body):
            self._result(indent, body)
        elif _BAIL.match(body):
            self.saw_ktap = True
            self._open(indent).bail = _BAIL.match(body).group(1) or "bail out"
        elif body.startswith("#") and self.saw_ktap:
            self.diag.append(body[1:].strip())
            del self.diag[:-20]

    def _header(self, indent):
        self.saw_ktap = True
        top = self._top()
        if top is not None and top.indent == indent and \
                (top.results or top.plan is not None):
            if len(self.stack) == 1:
                # A second document at top level: finish the first.
                self._close_to(-1)
            else:
                # A sibling subtest at the same depth: close the one open.
                self._close_to(indent - 1)
        self._open(indent)

    def _subtest(self, indent, name):
        self.saw_ktap = True
        top = self._top()
        if top is not None and top.indent == indent and \
                (top.results or top.plan is not None):
            self._close_to(indent - 1)
        self._open(indent).name = name

    def _plan(self, indent, n):
        self.saw_ktap = True
        f = self._open(indent)
        if f.plan is not None and f.results and len(self.stack) == 1:
            # A new top-level document without a header.
            self._close_to(-1)
            f = self._open(indent)
        f.plan = n

    def _result(self, indent, body):
        self.saw_ktap = True
        m = _RESULT.match(body)
        ok = m.group(1) == "ok"
        num = int(m.group(2))
        name, directive, reason = m.group(3), None, ""
        d = _DIRECTIVE.search(name)
        if d:
            directive = d.group(1).upper()
            reason = d.group(2).strip()
            name = name[:d.start()].strip()
        elif " #" in name:
            name, _, reason = (s.strip() for s in name.partition(" #"))
        self._close_to(indent)
        f = self._top()
        if f is None or f.indent < indent:
            self._orphan_pending()
            f = self._open(indent)
        r = _Result(ok, num, name or "?", directive, reason, self.diag)
        self.diag = []
        if self.pending is not None:
            r.sub, self.pending = self.pending, None
        f.results.append(r)

    def finish(self):
        self._close_to(-1)
        leaves = []
        if not self.saw_ktap:
            return [Leaf("ktap", FAIL, "no KTAP output")]
        for doc in self.docs:
            _walk(doc, doc.name or "", leaves)
        return leaves


TOP_LEVEL = "(top level)"


def _join(prefix, name):
    return prefix + "." + name if prefix else name


def prefixed(prefix, leaves):
    """@leaves with paths under @prefix ("smp1" + "list.add")."""
    return [Leaf(prefix if l.path == TOP_LEVEL else _join(prefix, l.path),
                 l.status, l.reason) for l in leaves]


def _reason(r):
    parts = [r.reason] if r.reason else []
    parts += r.diag[-3:]
    return "; ".join(p for p in parts if p)


def _walk(frame, prefix, leaves):
    label = prefix or frame.name or TOP_LEVEL
    for r in frame.results:
        path = _join(prefix, r.name)
        if r.sub is not None and (r.sub.results or r.sub.plan):
            before = len(leaves)
            _walk(r.sub, path, leaves)
            sub_failed = any(l.status == FAIL for l in leaves[before:])
            if not r.ok and r.directive is None and not sub_failed:
                leaves.append(Leaf(path, FAIL, _reason(r) or
                                   "suite reported not ok"))
        elif r.directive is not None:
            leaves.append(Leaf(path, SKIP, r.reason))
        elif r.ok:
            leaves.append(Leaf(path, PASS))
        else:
            leaves.append(Leaf(path, FAIL, _reason(r)))
    if frame.bail is not None:
        leaves.append(Leaf(label, FAIL, "Bail out! " + frame.bail))
    elif frame.plan is not None and len(frame.results) < frame.plan:
        n = frame.plan - len(frame.results)
        leaves.append(Leaf(label, FAIL, "missing %d result%s (plan 1..%d)"
                           % (n, "" if n == 1 else "s", frame.plan)))


def parse_lines(lines):
    """Parse an iterable of lines; return a list of Leaf."""
    p = Parser()
    for line in lines:
        p.feed(line)
    return p.finish()


def parse_text(text):
    return parse_lines(text.splitlines())


def counts(leaves):
    """Return (passed, failed, skipped)."""
    c = {PASS: 0, FAIL: 0, SKIP: 0}
    for l in leaves:
        c[l.status] += 1
    return c[PASS], c[FAIL], c[SKIP]


def main(argv):
    if len(argv) > 1:
        with open(argv[1], errors="replace") as f:
            text = f.read()
    else:
        text = sys.stdin.read()
    leaves = parse_text(text)
    for l in leaves:
        print("%-4s %s%s" % (l.status, l.path,
                             "  (%s)" % l.reason if l.reason else ""))
    p, f, s = counts(leaves)
    print("%d passed, %d failed, %d skipped" % (p, f, s))
    return 1 if f else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

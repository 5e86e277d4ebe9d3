#!/usr/bin/env python3
"""Every SYSCALL_DEFINE names a real x86_64 syscall.

The syscall table (arch/x86/entry/syscall_64.c, generated from the UAPI
unistd_64.h) refers to __x64_sys_<name> for each __NR_<name>; a
SYSCALL_DEFINE under any other name (Linux's internal entry names such
as newstat, umount, sendfile64) would never be called and the syscall
would stay -ENOSYS.  Prints KTAP; takes well under a second.
"""

import glob
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import ktap_unittest  # noqa: E402

UNISTD = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"
DEFINE = re.compile(r"^SYSCALL_DEFINE\d\((\w+)", re.M)


def syscall_numbers():
    with open(UNISTD) as f:
        return set(re.findall(r"#define __NR_(\w+)\s+\d+", f.read()))


def defined_syscalls():
    out = {}
    for path in glob.glob(os.path.join(ROOT, "**", "*.c"), recursive=True):
        if "/build/" in path or "/tests/" in path or "/tools/" in path:
            continue
        with open(path, errors="replace") as f:
            for name in DEFINE.findall(f.read()):
                out.setdefault(name, []).append(os.path.relpath(path, ROOT))
    return out


class SyscallNames(unittest.TestCase):
    def test_every_define_is_in_the_table(self):
        known = syscall_numbers()
        stray = {n: p for n, p in defined_syscalls().items() if n not in known}
        self.assertEqual(stray, {}, "not x86_64 syscall names (see %s)" %
                         UNISTD)

    def test_no_syscall_is_defined_twice(self):
        twice = {n: p for n, p in defined_syscalls().items() if len(p) > 1}
        self.assertEqual(twice, {})

    def test_the_check_sees_the_tree(self):
        names = defined_syscalls()
        self.assertIn("read", names)
        self.assertIn("execve", names)


if __name__ == "__main__":
    sys.exit(ktap_unittest.main(__name__))

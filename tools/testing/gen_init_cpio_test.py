#!/usr/bin/env python3
"""Host tests of usr/gen_init_cpio.py: the newc layout read back by hand
and by GNU cpio, determinism, and spec errors.  Prints KTAP."""

import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)),
                                "usr"))
import gen_init_cpio  # noqa: E402
import ktap_unittest  # noqa: E402


def read_newc(data):
    """Yield (name, fields dict, payload) from a newc archive."""
    names = ["ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
             "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize",
             "check"]
    off = 0
    while True:
        assert data[off:off + 6] == b"070701", "bad magic at %d" % off
        f = {n: int(data[off + 6 + 8 * i:off + 14 + 8 * i], 16)
             for i, n in enumerate(names)}
        off += 110
        name = data[off:off + f["namesize"] - 1].decode()
        assert data[off + f["namesize"] - 1] == 0
        off += f["namesize"]
        off += (4 - off % 4) % 4
        payload = data[off:off + f["filesize"]]
        off += f["filesize"]
        off += (4 - off % 4) % 4
        yield name, f, payload
        if name == "TRAILER!!!":
            assert len(data) % 512 == 0
            assert not data[off:].strip(b"\0")
            return


class GenInitCpioTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gen_init_cpio_test.")
        self.payload = os.path.join(self.tmp, "payload")
        with open(self.payload, "wb") as f:
            f.write(b"#!/bin/sh\necho hi\n")
        self.spec = [
            "# comment",
            "",
            "dir /dev 0755 0 0",
            "nod /dev/console 0600 0 0 c 5 1",
            "nod /dev/sda 0660 0 6 b 8 0",
            "dir /bin 0755 0 0",
            "file /init %s 0755 0 0" % self.payload,
            "slink /bin/sh busybox 0777 0 0",
            "pipe /fifo 0644 0 0",
        ]

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def entries(self):
        return {n: (f, p) for n, f, p in
                read_newc(gen_init_cpio.build(self.spec))}

    def test_layout_read_back(self):
        e = self.entries()
        self.assertEqual(list(e)[:2], ["dev", "dev/console"])
        f, p = e["init"]
        self.assertEqual(f["mode"], 0o100755)
        self.assertEqual(p, b"#!/bin/sh\necho hi\n")
        f, p = e["bin/sh"]
        self.assertEqual(f["mode"], 0o120777)
        self.assertEqual(p, b"busybox")
        f, _ = e["dev/console"]
        self.assertEqual((f["mode"], f["rdevmajor"], f["rdevminor"]),
                         (0o020600, 5, 1))
        f, _ = e["dev/sda"]
        self.assertEqual((f["mode"], f["gid"], f["rdevmajor"]),
                         (0o060660, 6, 8))
        self.assertEqual(e["dev"][0]["mode"], 0o040755)
        self.assertEqual(e["fifo"][0]["mode"], 0o010644)
        self.assertIn("TRAILER!!!", e)
        self.assertTrue(all(f["mtime"] == 0 for f, _ in e.values()))

    def test_inodes_unique(self):
        inos = [f["ino"] for n, (f, _) in self.entries().items()
                if n != "TRAILER!!!"]
        self.assertEqual(len(inos), len(set(inos)))

    def test_gzip_output_is_deterministic(self):
        a = os.path.join(self.tmp, "a.cpio.gz")
        b = os.path.join(self.tmp, "b.cpio.gz")
        gen_init_cpio.write_archive(self.spec, a)
        os.utime(self.payload, (12345, 12345))
        gen_init_cpio.write_archive(self.spec, b)
        with open(a, "rb") as fa, open(b, "rb") as fb:
            da, db = fa.read(), fb.read()
        self.assertEqual(da, db)
        self.assertEqual(gzip.decompress(da), gen_init_cpio.build(self.spec))

    @unittest.skipUnless(shutil.which("cpio"), "needs cpio")
    def test_gnu_cpio_extracts_it(self):
        out = os.path.join(self.tmp, "root")
        os.mkdir(out)
        p = subprocess.run(["cpio", "-i", "--quiet", "--no-absolute-filenames",
                            "--nonmatching", "dev/*"],
                           input=gen_init_cpio.build(self.spec), cwd=out,
                           stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(os.path.join(out, "init"), "rb") as f:
            self.assertEqual(f.read(), b"#!/bin/sh\necho hi\n")
        self.assertEqual(os.readlink(os.path.join(out, "bin/sh")), "busybox")

    def test_hard_links_share_inode_data_on_last(self):
        self.spec = ["file /a %s 0644 0 0 /b /c" % self.payload]
        e = self.entries()
        inos = {e[n][0]["ino"] for n in "abc"}
        self.assertEqual(len(inos), 1)
        self.assertTrue(all(e[n][0]["nlink"] == 3 for n in "abc"))
        self.assertEqual((e["a"][1], e["b"][1]), (b"", b""))
        self.assertEqual(e["c"][1], b"#!/bin/sh\necho hi\n")
        self.assertEqual(e["c"][0]["filesize"], len(e["c"][1]))

    def test_env_var_in_location(self):
        os.environ["GEN_INIT_CPIO_TEST_DIR"] = self.tmp
        self.spec = ["file /x ${GEN_INIT_CPIO_TEST_DIR}/payload 0644 0 0"]
        self.assertEqual(self.entries()["x"][1], b"#!/bin/sh\necho hi\n")

    def test_spec_errors(self):
        for bad in ["frob /x 0755 0 0", "dir /x 0755 0", "dir /x 9999 0 0",
                    "nod /x 0600 0 0 q 1 1", "file /x /no/such 0644 0 0",
                    "dir /x 0755 0 0\ndir /x 0755 0 0"]:
            with self.assertRaises(gen_init_cpio.SpecError, msg=bad):
                gen_init_cpio.build(bad.splitlines())


if __name__ == "__main__":
    sys.exit(ktap_unittest.main(__name__))

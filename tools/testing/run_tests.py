#!/usr/bin/env python3
"""Run Linnet's test layers: host, ktest, user, release (what `make test`
runs).

The last line printed is always "N passed, N failed"; the exit status is
1 on any failure (or when no test ran at all).

Layers (DESIGN.md section 7):

  host   tests/host/*_test.c, each built with the kernel sources it names
         under ASan/UBSan and run on the host; and the harness's own
         tests, tools/testing/*_test.py.  A C test names what it needs in
         comment lines:
             host-test-sources: lib/a.c lib/b.c   kernel sources to link
             host-test-cflags: -DFOO              flags for every compile
             host-test-lib-cflags: -Dvsnprintf=k_vsnprintf
                                                  flags for the lib sources
  ktest  boots build/linnet with "ktest=all" on each -smp in --smp; the
         kernel runs its in-kernel suites, prints KTAP on ttyS0 and leaves
         QEMU through isa-debug-exit.
  user   builds tests/user/*.c with musl-gcc -static into an initramfs with
         busybox, the tests/user/*.sh scenarios and tests/user/init.sh as
         /init, and boots it on each -smp.
         USER_APPEND is the command line: today it asks the kernel for its
         "initrd" suite; the test /init's KTAP is read from the same log,
         so the user programs count as soon as the kernel runs /init.
         Then, once /init runs (the smoke test reported), tools/testing/
         shell_test.py boots `make run`'s busybox shell once (on the
         largest --smp) and drives it through the console ("shell").
  release
         build/release/linnet, the kernel without the debug options
         (make KCONFIG=release) that `make bench` measures: the ktest
         suites and the user programs on -smp 2, then one quick run of
         every tools/bench program on it (the bench smoke test on
         Linnet; figures are not judged, only that each one came out).

Every boot has a timeout; console logs are kept under build/test/.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "usr"))
import ktap  # noqa: E402
import run_qemu  # noqa: E402

KERNEL = "build/linnet"
# The production configuration (make KCONFIG=release): no lockdep, no
# might_sleep checks; what `make bench` measures.
RELEASE_KERNEL = "build/release/linnet"
RELEASE_SMP = 2
BENCH_BIN = "build/bench/bin"
# ktest_env=1 and ktest_arg are unknown to the kernel: x86_boot checks
# that they reach init's environment and arguments.
KTEST_APPEND = "console=ttyS0 ktest=all panic=-1 ktest_env=1 ktest_arg"
USER_APPEND = "console=ttyS0 panic=-1"
BOOT_TIMEOUT = 120
HOST_RUN_TIMEOUT = 120

HOST_CC = ["gcc", "-std=gnu11", "-g", "-O1",
           "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
           "-Iinclude", "-Iinclude/uapi", "-Itests/host/include",
           "-D__HOST_TEST__",
           # The host build is configured without lock debugging.
           "-DCONFIG_LOCKDEP=0", "-DCONFIG_DEBUG_ATOMIC_SLEEP=0"]
HOST_LDFLAGS = ["-fsanitize=address,undefined"]
# stdbuf makes a test's stdout line-buffered, so the results printed
# before a sanitizer abort are not lost in a stdio buffer; it works by
# LD_PRELOAD, which ASan would otherwise refuse.
STDBUF = ["stdbuf", "-oL"] if shutil.which("stdbuf") else []
HOST_ENV = {"ASAN_OPTIONS": "detect_leaks=1:abort_on_error=0:"
            "verify_asan_link_order=0",
            "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1"}
USER_CC = ["musl-gcc", "-static", "-O2", "-g", "-Wall", "-Wextra",
           "-Itests/user/include"]

# tools/testing/*_test.py that boot a kernel: run by a boot layer, not
# as harness self-tests by the host layer.
BOOTING_SCRIPTS = {"shell_test.py"}

_SANITIZER_LINE = re.compile(r"ERROR: \w+Sanitizer|runtime error:|SUMMARY:")


class Layer:
    """Results of one layer: KTAP leaves plus details to print."""

    def __init__(self, name):
        self.name = name
        self.leaves = []
        self.notes = []         # extra lines printed under the failures
        self.start = time.monotonic()
        self.seconds = 0.0

    def add(self, prefix, leaves):
        self.leaves += ktap.prefixed(prefix, leaves)

    def fail(self, path, reason):
        self.leaves.append(ktap.Leaf(path, ktap.FAIL, reason))

    def done(self):
        self.seconds = time.monotonic() - self.start
        return self


# -- host layer ---------------------------------------------------------

def read_directives(path):
    """The host-test-* comment lines of a test source, as word lists."""
    keys = {"sources": [], "cflags": [], "lib-cflags": []}
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r"host-test-(sources|cflags|lib-cflags):(.*)",
                          line)
            if m:
                text = m.group(2).split("*/")[0]
                keys[m.group(1)] += shlex.split(text)
    return keys


def _up_to_date(obj, cmd):
    """True when @obj was built by @cmd and no dependency is newer."""
    try:
        with open(obj + ".cmd") as f:
            if f.read() != " ".join(cmd):
                return False
        mtime = os.path.getmtime(obj)
        with open(obj + ".d") as f:
            deps = f.read().replace("\\\n", " ").split(":", 1)[1].split()
        return all(os.path.getmtime(d) <= mtime for d in deps
                   if not d.endswith(":"))
    except (OSError, IndexError):
        return False


def _compile(src, obj, flags):
    cmd = HOST_CC + flags + ["-c", src, "-o", obj]
    if _up_to_date(obj, cmd):
        return None
    os.makedirs(os.path.dirname(obj), exist_ok=True)
    p = subprocess.run(cmd + ["-MMD", "-MF", obj + ".d"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if p.returncode:
        return p.stdout.strip() or "gcc failed"
    with open(obj + ".cmd", "w") as f:
        f.write(" ".join(cmd))
    return None


def build_host_test(src):
    """Compile and link one host test; return (binary, error text)."""
    name = os.path.basename(src)[:-2]
    outdir = os.path.join("build", "host", name)
    d = read_directives(src)
    objs = []
    units = [(src, d["cflags"])] + \
        [(s, d["cflags"] + d["lib-cflags"]) for s in d["sources"]]
    for s, flags in units:
        obj = os.path.join(outdir, s[:-2] + ".o")
        err = _compile(s, obj, flags)
        if err:
            return None, err
        objs.append(obj)
    binary = os.path.join(outdir, name)
    p = subprocess.run(["gcc"] + HOST_LDFLAGS + objs + ["-o", binary],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if p.returncode:
        return None, p.stdout.strip() or "link failed"
    return binary, None


def run_program(name, argv, layer_leaves, notes, timeout=HOST_RUN_TIMEOUT):
    """Run one KTAP-printing program; add its leaves as name.case."""
    env = dict(os.environ, **HOST_ENV)
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env)
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        status = p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = "timeout after %ds" % timeout
        status = None
    leaves = ktap.prefixed(name, ktap.parse_text(out))
    layer_leaves += leaves
    failed = any(l.status == ktap.FAIL for l in leaves)
    if status is None:
        layer_leaves.append(ktap.Leaf(name, ktap.FAIL, err))
    elif status != 0 and not failed:
        why = "exited with status %d" % status
        if status < 0:
            why = "killed by signal %d" % -status
        layer_leaves.append(ktap.Leaf(name, ktap.FAIL, why))
    if status != 0:
        lines = err.splitlines()
        key = [l for l in lines if _SANITIZER_LINE.search(l)]
        for l in (key or lines[-10:])[:10]:
            notes.append("  %s| %s" % (name, l))


def host_one(src):
    """Build and run tests/host/<name>_test.c; return (leaves, notes)."""
    name = os.path.basename(src)[:-2]
    leaves, notes = [], []
    binary, err = build_host_test(src)
    if err:
        leaves.append(ktap.Leaf(name, ktap.FAIL, "build failed"))
        notes += ["  %s| %s" % (name, l) for l in err.splitlines()[:20]]
        return leaves, notes
    run_program(name, STDBUF + [binary], leaves, notes)
    return leaves, notes


def python_one(path):
    name = os.path.basename(path)[:-3]
    leaves, notes = [], []
    run_program(name, [sys.executable, path], leaves, notes)
    return leaves, notes


def host_layer(jobs, only=None):
    layer = Layer("host")
    tasks = [(host_one, s) for s in sorted(glob.glob("tests/host/*_test.c"))]
    tasks += [(python_one, s)
              for s in sorted(glob.glob("tools/testing/*_test.py"))
              if os.path.basename(s) not in BOOTING_SCRIPTS]
    if only:
        tasks = [t for t in tasks if only in os.path.basename(t[1])]
    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
        futures = [pool.submit(fn, arg) for fn, arg in tasks]
        for fut in futures:
            leaves, notes = fut.result()
            layer.leaves += leaves
            layer.notes += notes
    return layer.done()


# -- boot layers ----------------------------------------------------------

def boot_into(layer, tag, timeout, **kw):
    """Boot once and file its results under @tag ("smp1")."""
    r = run_qemu.boot(timeout=timeout, **kw)
    layer.add(tag, r.leaves)
    for f in r.failures:
        layer.fail(tag + ".boot", f)
    layer.notes += ["  %s| %s" % (tag, l) for l in r.panic]
    if not r.ok:
        layer.notes.append("  %s: console log %s" % (tag, r.log_path))
    return r


def ktest_layer(kernel, smps, icount, timeout, echo):
    layer = Layer("ktest")
    if not os.path.exists(kernel):
        layer.fail("ktest", "%s is missing (run make)" % kernel)
        return layer.done()
    for smp in smps:
        boot_into(layer, "smp%d" % smp, timeout, kernel=kernel,
                  append=KTEST_APPEND, smp=smp, icount=icount,
                  log_path="build/test/ktest-smp%d.log" % smp, echo=echo)
    # Once more with every slab cache in debug mode (poison, red zones,
    # freelist checks), so the whole kernel runs under them.
    boot_into(layer, "smp1-slub_debug", timeout, kernel=kernel,
              append=KTEST_APPEND + " slub_debug", smp=1, icount=icount,
              log_path="build/test/ktest-slub_debug.log", echo=echo)
    control_ktest_negative(layer, kernel, timeout, echo)
    control_panic_demo(layer, kernel, timeout, echo)
    control_stack_canary(layer, kernel, timeout, echo)
    return layer.done()


# Negative controls: boots that must fail, and fail in the expected way.
# Each passes only if the harness sees the failure it was built to show.
NEGATIVE_CASE = "ktest_negative.negative_fails_on_purpose"
POSITIVE_CASE = "ktest_negative.negative_passes"
OOPS_MUST_SHOW = ["BUG: kernel NULL pointer dereference",
                  "RIP: 0010:panic_demo_null_deref",
                  "panic_demo_oops+", "Kernel panic - not syncing"]


def control_ktest_negative(layer, kernel, timeout, echo):
    r = run_qemu.boot(kernel=kernel, timeout=timeout, echo=echo,
                      append="console=ttyS0 panic=-1 ktest=ktest_negative",
                      log_path="build/test/control-negative.log")
    got = {l.path: l.status for l in r.leaves}
    if got.get(NEGATIVE_CASE) == ktap.FAIL and \
            got.get(POSITIVE_CASE) == ktap.PASS and not r.ok:
        layer.add("control", [ktap.Leaf("failing_case_fails_the_run",
                                         ktap.PASS)])
    else:
        layer.fail("control.failing_case_fails_the_run",
                   "a deliberately failing case went unnoticed (%s)"
                   % r.log_path)


def control_panic_demo(layer, kernel, timeout, echo):
    r = run_qemu.boot(kernel=kernel, timeout=timeout, echo=echo,
                      append="console=ttyS0 panic=-1 ktest=panic_demo",
                      log_path="build/test/control-panic.log")
    with open(r.log_path, errors="replace") as f:
        log = f.read()
    missing = [m for m in OOPS_MUST_SHOW if m not in log]
    if r.ok or r.timed_out or missing:
        layer.fail("control.null_deref_oops_names_function",
                   "oops report lacks %s (%s)" % (missing, r.log_path))
    else:
        layer.add("control", [ktap.Leaf("null_deref_oops_names_function",
                                         ktap.PASS)])


def control_stack_canary(layer, kernel, timeout, echo):
    r = run_qemu.boot(kernel=kernel, timeout=timeout, echo=echo,
                      append="console=ttyS0 panic=-1 ktest=stack_canary_demo",
                      log_path="build/test/control-canary.log")
    with open(r.log_path, errors="replace") as f:
        log = f.read()
    want = "corrupted stack end detected inside scheduler: task stack_smasher"
    if want in log and not r.timed_out:
        layer.add("control", [ktap.Leaf("stack_overflow_canary_panics",
                                         ktap.PASS)])
    else:
        layer.fail("control.stack_overflow_canary_panics",
                   "no canary panic naming the task (%s)" % r.log_path)


def build_user_initramfs(layer):
    """Compile tests/user/*.c and pack the test initramfs; return its
    path, or None when that failed (the failures are in @layer)."""
    import gen_initramfs
    outdir = os.path.join("build", "user")
    bindir = os.path.join(outdir, "bin")
    os.makedirs(bindir, exist_ok=True)
    extra = []
    for src in sorted(glob.glob("tests/user/*.c")):
        name = os.path.basename(src)[:-2]
        binary = os.path.join(bindir, name)
        p = subprocess.run(USER_CC + [src, "-o", binary],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        if p.returncode:
            layer.fail("build." + name, "musl-gcc failed")
            layer.notes += ["  %s| %s" % (name, l)
                            for l in p.stdout.splitlines()[:20]]
            continue
        extra.append(("/tests/" + name, binary, 0o755))
    for script in sorted(glob.glob("tests/user/*.sh")):
        if os.path.basename(script) != "init.sh":
            extra.append(("/tests/" + os.path.basename(script), script,
                          0o755))
    # What the scripts source, beside them as in the source tree.
    for helper in sorted(glob.glob("tests/user/include/*.sh")):
        extra.append(("/tests/include/" + os.path.basename(helper), helper,
                      0o644))
    out = os.path.join(outdir, "initramfs.cpio.gz")
    try:
        spec = gen_initramfs.make_spec("tests/user/init.sh", extra=extra)
        with open(os.path.join(outdir, "initramfs.list"), "w") as f:
            f.write("\n".join(spec) + "\n")
        import gen_init_cpio
        gen_init_cpio.write_archive(spec, out)
    except Exception as e:      # a broken rootfs fails the layer, not us
        layer.fail("build.initramfs", str(e))
        return None
    return out


def user_layer(kernel, smps, icount, timeout, echo):
    layer = Layer("user")
    if not os.path.exists(kernel):
        layer.fail("user", "%s is missing (run make)" % kernel)
        return layer.done()
    initrd = build_user_initramfs(layer)
    if initrd is None:
        return layer.done()
    for smp in smps:
        boot_into(layer, "smp%d" % smp, timeout, kernel=kernel,
                  initrd=initrd, append=USER_APPEND, smp=smp,
                  icount=icount, log_path="build/test/user-smp%d.log" % smp,
                  echo=echo)
    # The interactive shell, like `make run` (no icount: its steps wait
    # on real time, and sleep=off would end `sleep 100` at once).  Only
    # once the kernel runs /init at all: the smoke test's results show it.
    if not any(".smoke_test." in l.path for l in layer.leaves):
        layer.add("shell", [ktap.Leaf("session", ktap.SKIP,
                                      "the user boots ran no /init")])
        return layer.done()
    import shell_test
    smp = max(smps) if smps else 1
    log = "build/test/shell-smp%d.log" % smp
    leaves = shell_test.run(kernel, smp=smp, log_path=log, echo=echo)
    layer.add("shell", leaves)
    if any(l.status == ktap.FAIL for l in leaves):
        layer.notes.append("  shell: console log %s" % log)
    return layer.done()


def release_layer(kernel, icount, timeout, echo):
    layer = Layer("release")
    if not os.path.exists(kernel):
        layer.fail("release", "%s is missing (run make KCONFIG=release)"
                   % kernel)
        return layer.done()
    smp = RELEASE_SMP
    boot_into(layer, "ktest-smp%d" % smp, timeout, kernel=kernel,
              append=KTEST_APPEND, smp=smp, icount=icount,
              log_path="build/test/release-ktest-smp%d.log" % smp, echo=echo)
    initrd = build_user_initramfs(layer)
    if initrd is not None:
        boot_into(layer, "user-smp%d" % smp, timeout, kernel=kernel,
                  initrd=initrd, append=USER_APPEND, smp=smp,
                  icount=icount,
                  log_path="build/test/release-user-smp%d.log" % smp,
                  echo=echo)
    bench_smoke(layer, kernel)
    return layer.done()


def bench_smoke(layer, kernel):
    """Every benchmark figure, once, from a --quick run on @kernel."""
    out = os.path.join("build", "test", "bench")
    cmd = [sys.executable, "tools/bench/run_bench.py", "--only", "linnet",
           "--mode", "icount", "--smp", "1", "--quick", "--no-chart",
           "--bin", BENCH_BIN, "--linnet", kernel, "--out", out]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    try:
        with open(os.path.join(out, "results.json")) as f:
            boot = json.load(f)["configs"]["icount smp1"]["linnet"]
    except (OSError, ValueError, KeyError) as e:
        layer.fail("bench.run", "no results: %s" % e)
        layer.notes += ["  bench| " + l for l in p.stdout.splitlines()[-20:]]
        return
    leaves = [ktap.Leaf(name, ktap.PASS, "")
              for name in sorted(boot["figures"])]
    leaves += [ktap.Leaf("failure%d" % i, ktap.FAIL, why)
               for i, why in enumerate(boot["failures"])]
    if not boot["figures"]:
        leaves.append(ktap.Leaf("figures", ktap.FAIL, "none reported"))
    layer.add("bench", leaves)
    if p.returncode or boot["failures"]:
        layer.notes.append("  bench: console log %s" % boot.get("log"))


def log_layer(paths):
    """Judge saved console logs (re-checking a run, or a control)."""
    layer = Layer("log")
    for path in paths:
        with open(path, errors="replace") as f:
            lines = f.read().splitlines()
        layer.add(os.path.basename(path), ktap.parse_lines(lines))
        panic = run_qemu.find_panic(lines)
        if panic:
            layer.fail(os.path.basename(path) + ".boot", panic[0].strip())
            layer.notes += ["  | " + l for l in panic[1:]]
    return layer.done()


# -- report -----------------------------------------------------------------

def print_layer(layer, out=sys.stdout):
    """Failed cases with their reasons, then the layer's summary."""
    p, f, s = ktap.counts(layer.leaves)
    for l in layer.leaves:
        if l.status == ktap.FAIL:
            out.write("FAIL %s: %s%s\n" % (
                layer.name, l.path, ": " + l.reason if l.reason else ""))
    for n in layer.notes:
        out.write(n + "\n")
    out.write("== %s: %d passed, %d failed, %d skipped (%.1fs)\n"
              % (layer.name, p, f, s, layer.seconds))
    out.flush()


def final_line(layers, out=sys.stdout):
    """Print the one final line; return the exit status."""
    passed = sum(ktap.counts(l.leaves)[0] for l in layers)
    failed = sum(ktap.counts(l.leaves)[1] for l in layers)
    if passed + failed == 0:
        out.write("no test ran\n")
    out.write("%d passed, %d failed\n" % (passed, failed))
    out.flush()
    return 1 if failed or passed == 0 else 0


def int_list(s):
    return [int(x) for x in s.split(",") if x]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--layer", action="append",
                    choices=["host", "ktest", "user", "release"],
                    help="run only this layer (repeatable)")
    ap.add_argument("--smp", type=int_list, default=[1, 2, 4],
                    help="comma list of CPU counts to boot (default 1,2,4)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel host test builds")
    ap.add_argument("--only", metavar="NAME",
                    help="host layer: only test programs whose file name "
                    "contains NAME")
    ap.add_argument("--no-icount", dest="icount", action="store_false",
                    help="boot in plain TCG instead of -icount shift=0,sleep=off "
                    "(DESIGN.md section 7: boots with time-dependent tests "
                    "use icount, so host load cannot make them flaky)")
    ap.add_argument("--icount", action="store_true", default=True,
                    help="boot with -icount shift=0,sleep=off")
    ap.add_argument("--timeout", type=float, default=BOOT_TIMEOUT,
                    help="seconds per boot (default %d)" % BOOT_TIMEOUT)
    ap.add_argument("--kernel", default=KERNEL,
                    help="kernel to boot (default %s)" % KERNEL)
    ap.add_argument("--from-log", action="append", default=[],
                    metavar="FILE", help="judge a saved console log "
                    "(with no --layer, only the logs are judged)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="copy the consoles to stdout")
    args = ap.parse_args(argv)
    # Paths given on the command line are the caller's; we run from ROOT.
    args.from_log = [os.path.abspath(p) for p in args.from_log]
    if args.kernel != KERNEL:
        args.kernel = os.path.abspath(args.kernel)
    os.chdir(ROOT)
    chosen = args.layer or ([] if args.from_log else
                            ["host", "ktest", "user", "release"])
    layers = []
    for name in ["host", "ktest", "user", "release"]:
        if name not in chosen:
            continue
        print("== %s ..." % name, flush=True)
        if name == "host":
            layer = host_layer(args.jobs, args.only)
        elif name == "ktest":
            layer = ktest_layer(args.kernel, args.smp, args.icount,
                                args.timeout, args.verbose)
        elif name == "user":
            layer = user_layer(args.kernel, args.smp, args.icount,
                               args.timeout, args.verbose)
        else:
            layer = release_layer(RELEASE_KERNEL, args.icount,
                                  args.timeout, args.verbose)
        print_layer(layer)
        layers.append(layer)
    if args.from_log:
        layers.append(log_layer(args.from_log))
        print_layer(layers[-1])
    return final_line(layers)


if __name__ == "__main__":
    sys.exit(main())

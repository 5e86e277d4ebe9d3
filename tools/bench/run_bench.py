#!/usr/bin/env python3
"""make bench: Linnet against Debian's Linux 6.1 in the same QEMU.

Steps (tools/bench/README.md says more):

  1. Linux: `apt-get download linux-image-amd64` (the metapackage), then
     the image package it depends on; vmlinuz is taken out with dpkg-deb
     and kept in build/bench/cache/ with linux.json, so later runs work
     offline and always measure the same Linux.
  2. One initramfs: busybox-static, the programs of tools/bench under
     /bench, /dev/zero, and tools/bench/init.sh as /init.
  3. For each mode (icount: `-icount shift=0,sleep=off`, guest time is
     the instruction count, so figures repeat run to run; tcg: plain TCG,
     guest time follows the host's clock) and each -smp: boot Linux, then
     Linnet, with the same QEMU command and initramfs.  Linnet also gets
     "loglevel=7 ktest=bench_mm,bench_sched ktest_then_init" (quiet would hide its
     KERN_INFO figures).  The icount boots may run side by side (-j):
     the host's load does not change an instruction count.  The tcg boots
     run one at a time.
  4. build/bench/results.json (the previous one moves to
     results.prev.json), the table with the change since that previous
     run, and build/bench/ratios.png if matplotlib or gnuplot is there.

Console lines read: "BENCH <name> <value> <unit>", "BENCH_FAIL <name>
<why>", "BENCH_INFO ...", "BENCH_END" from the bench /init, and
"# bench_<suite>: <name> <value> <unit>" from Linnet's ktest suites.
"""

import argparse
import concurrent.futures
import datetime
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tools", "testing"))
sys.path.insert(0, os.path.join(ROOT, "usr"))
import chart  # noqa: E402
import ktap  # noqa: E402
import report  # noqa: E402
import run_qemu  # noqa: E402

OUT = "build/bench"
MEM = "1G"
COMMON_APPEND = "console=ttyS0 quiet panic=-1"
LINNET_EXTRA = "loglevel=7 ktest=bench_mm,bench_sched ktest_then_init"
QUICK_EXTRA = "BENCH_TIME=0.02 BENCH_REPS=1"
MODES = ["icount", "tcg"]
LINUX_TIMEOUT = 1200
LINNET_TIMEOUT = 300
METAPACKAGE = "linux-image-amd64"

# Boots that cannot work, skipped unless --force (README.md, "Known
# limits"): under -icount QEMU runs every vCPU in one round-robin thread,
# and with -smp 2 Linux 6.1 never finishes bringing up CPU 1 (CPU 1 spins
# in cpu_init() waiting for a callout bit CPU 0 has set, and is given no
# instructions to see it: QEMU 7.2, tried for 10 minutes).
KNOWN_HANGS = {
    ("linux", "icount smp2"): "Linux 6.1 hangs bringing up CPU 1 under "
    "-icount -smp 2 (QEMU runs the vCPUs round-robin and starves CPU 1)",
}

_BENCH = re.compile(r"(?:^|\W)BENCH (\S+) ([-+0-9.eE]+) (\S+)\s*$")
_BENCH_FAIL = re.compile(r"(?:^|\W)BENCH_FAIL (\S+) ?(.*)$")
_BENCH_INFO = re.compile(r"(?:^|\W)BENCH_INFO (.*)$")
_BENCH_END = re.compile(r"(?:^|\W)BENCH_END\s*$")
_KTEST_BENCH = re.compile(r"# (bench_\w+): (\S+) ([-+0-9.eE]+) (\S+)\s*$")


def log(msg):
    print(msg, flush=True)


# -- 1. the Linux kernel ---------------------------------------------------

class FetchError(Exception):
    pass


def _run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if p.returncode:
        raise FetchError("%s failed:\n%s" % (" ".join(cmd),
                                             p.stdout.strip()))
    return p.stdout


def apt_download(package, dest):
    """`apt-get download @package` into @dest; return the .deb's path.
    A machine that never ran apt-get update has no lists: as root we run
    it once and retry."""
    for attempt in (0, 1):
        try:
            # As root, apt warns that its _apt user cannot write @dest;
            # the download works all the same.
            _run(["apt-get", "download", package], cwd=dest)
            break
        except FetchError as e:
            if attempt or os.geteuid() != 0:
                raise FetchError("%s\n(try: apt-get update)" % e)
            log("bench: apt-get download failed; running apt-get update")
            _run(["apt-get", "update"])
    debs = glob.glob(os.path.join(dest, "%s_*.deb" % package))
    if not debs:
        raise FetchError("apt-get download %s left no .deb" % package)
    return debs[0]


def image_package(meta_deb):
    """The linux-image-<release> package the metapackage depends on."""
    depends = _run(["dpkg-deb", "-f", meta_deb, "Depends"])
    m = re.match(r"\s*(linux-image-[\w.+-]+)", depends)
    if not m:
        raise FetchError("no linux-image in Depends: %s" % depends.strip())
    return m.group(1)


def extract_vmlinuz(deb, dest):
    """Take /boot/vmlinuz-* out of @deb into @dest; return its path."""
    dpkg = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", deb],
                            stdout=subprocess.PIPE)
    tar = subprocess.run(["tar", "-x", "-C", dest, "--wildcards",
                          "./boot/vmlinuz-*"], stdin=dpkg.stdout,
                         stderr=subprocess.PIPE)
    dpkg.stdout.close()
    dpkg.wait()
    err = tar.stderr
    found = glob.glob(os.path.join(dest, "boot", "vmlinuz-*"))
    if dpkg.returncode or tar.returncode or not found:
        raise FetchError("extracting vmlinuz from %s failed: %s"
                         % (deb, err.decode(errors="replace").strip()))
    return found[0]


def fetch_linux(cache, refresh=False):
    """Return the cached Linux (a dict: file, release, package, version),
    fetching it first if the cache is empty or @refresh."""
    info_path = os.path.join(cache, "linux.json")
    if not refresh and os.path.exists(info_path):
        with open(info_path) as f:
            info = json.load(f)
        if os.path.exists(info["file"]):
            return info
    for tool in ("apt-get", "dpkg-deb", "tar"):
        if not shutil.which(tool):
            raise FetchError("%s is missing: make bench fetches Linux "
                             "from Debian's archive" % tool)
    os.makedirs(cache, exist_ok=True)
    log("bench: fetching Debian's %s into %s" % (METAPACKAGE, cache))
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        os.chmod(tmp, 0o755)
        meta = apt_download(METAPACKAGE, tmp)
        package = image_package(meta)
        deb = apt_download(package, tmp)
        version = _run(["dpkg-deb", "-f", deb, "Version"]).strip()
        vmlinuz = extract_vmlinuz(deb, tmp)
        release = os.path.basename(vmlinuz)[len("vmlinuz-"):]
        dest = os.path.join(cache, os.path.basename(vmlinuz))
        shutil.move(vmlinuz, dest)
    info = {"file": dest, "release": release, "package": package,
            "version": version}
    with open(info_path, "w") as f:
        json.dump(info, f, indent=1)
    log("bench: Linux %s (%s %s)" % (release, package, version))
    return info


# -- 2. the initramfs ------------------------------------------------------

def build_initramfs(bin_dir, out):
    """Pack busybox, /bench/* and init.sh; return @out."""
    import gen_init_cpio
    import gen_initramfs
    progs = sorted(p for p in glob.glob(os.path.join(bin_dir, "*"))
                   if os.access(p, os.X_OK) and os.path.isfile(p))
    if not any(os.path.basename(p) == "hello" for p in progs):
        raise FetchError("no benchmark programs in %s (make bench-progs)"
                         % bin_dir)
    extra = [("/bench/" + os.path.basename(p), p, 0o755) for p in progs]
    spec = gen_initramfs.make_spec(os.path.join(HERE, "init.sh"),
                                   extra=extra)
    # The programs read /dev/zero; /init mounts no devtmpfs, so that a
    # kernel without one runs them too.
    spec.append("nod /dev/zero 0666 0 0 c 1 5")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out[:-len(".cpio.gz")] + ".list", "w") as f:
        f.write("\n".join(spec) + "\n")
    gen_init_cpio.write_archive(spec, out)
    return out


# -- 3. booting ------------------------------------------------------------

class Boot:
    """What one boot of one kernel gave."""

    def __init__(self, kernel, config):
        self.kernel = kernel            # "linux" or "linnet"
        self.config = config            # "icount smp1"
        self.figures = {}               # name -> {"value", "unit"}
        self.failures = []              # why figures are missing
        self.info = []                  # BENCH_INFO lines
        self.reached_init = False       # the boot-time marker came
        self.ended = False              # BENCH_END came
        self.status = None
        self.seconds = 0.0
        self.log = None
        self.skipped = False

    def add(self, name, value, unit):
        self.figures[name] = {"value": float(value), "unit": unit}

    def to_json(self):
        return {"figures": self.figures, "failures": self.failures,
                "info": self.info, "reached_init": self.reached_init,
                "status": self.status, "seconds": round(self.seconds, 1),
                "log": self.log, "skipped": self.skipped}


def run_qemu_timed(cmd, log_path, timeout):
    """Run QEMU; return ([(host seconds, console line)], status,
    timed_out, seconds, stderr)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read()))
    reader.daemon = True
    reader.start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    lines = []
    with open(log_path, "wb") as logf:
        logf.write(("# %s\n" % shlex.join(cmd)).encode())
        for raw in proc.stdout:
            lines.append((time.monotonic() - start,
                          raw.decode("utf-8", "replace")))
            logf.write(raw)
            logf.flush()
        proc.wait()
        killer.cancel()
        reader.join(5)
        stderr = (err[0] if err else b"").decode("utf-8", "replace")
        if stderr:
            logf.write(b"\n---- qemu stderr ----\n" + stderr.encode())
    timed_out = proc.returncode == -9 and \
        time.monotonic() - start >= timeout
    return lines, proc.returncode, timed_out, time.monotonic() - start, \
        stderr


def parse_console(boot, lines):
    """Fill @boot from the console lines [(host seconds, text)]."""
    for t, raw in lines:
        line = ktap.clean_line(raw)
        m = _BENCH.search(line)
        if m:
            boot.add(m.group(1), m.group(2), m.group(3))
            if m.group(1) == "boot_to_init":
                boot.reached_init = True
                boot.add("boot_to_init_host", "%.2f" % t, "s")
            continue
        m = _KTEST_BENCH.search(line)
        if m:
            boot.add("%s.%s" % (m.group(1), m.group(2)), m.group(3),
                     m.group(4))
            continue
        m = _BENCH_FAIL.search(line)
        if m:
            boot.failures.append("%s: %s" % (m.group(1), m.group(2)))
        elif _BENCH_INFO.search(line):
            boot.info.append(_BENCH_INFO.search(line).group(1).strip())
        elif _BENCH_END.search(line):
            boot.ended = True
    text = [l for _, l in lines]
    has_ktap = any("KTAP version" in l for l in text)
    for leaf in ktap.parse_lines(text) if has_ktap else []:
        if leaf.status == ktap.FAIL:
            boot.failures.append("ktest %s: %s" % (leaf.path, leaf.reason))
    panic = run_qemu.find_panic(text)
    if panic:
        boot.failures.append(panic[0].strip())


def boot_kernel(kernel, path, initrd, config, append, timeout, logdir):
    """Boot @path once in @config ("icount smp2"); return a Boot."""
    mode, smp = config.split()
    boot = Boot(kernel, config)
    boot.log = os.path.join(logdir, "%s-%s-%s.log" % (kernel, mode, smp))
    cmd = run_qemu.qemu_command(path, initrd, append, int(smp[3:]), MEM,
                                icount=(mode == "icount"))
    lines, boot.status, timed_out, boot.seconds, stderr = \
        run_qemu_timed(cmd, boot.log, timeout)
    parse_console(boot, lines)
    if timed_out:
        boot.failures.append("timeout after %ds" % timeout)
    elif boot.status not in (0, 1):
        boot.failures.append("qemu exited with status %s %s" % (
            boot.status, stderr.strip()[-200:]))
    if kernel == "linux" and not boot.ended and not timed_out:
        boot.failures.append("the bench /init did not finish")
    return boot


# -- 4. results ------------------------------------------------------------

def qemu_version():
    try:
        out = subprocess.run([run_qemu.QEMU, "--version"],
                             stdout=subprocess.PIPE, text=True).stdout
        return out.splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def git_version():
    p = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       text=True)
    return p.stdout.strip() or "unknown"


def host_cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def save_results(results, out_dir):
    """Write results.json, keeping the last one as results.prev.json;
    return the previous results (or None)."""
    path = os.path.join(out_dir, "results.json")
    prev_path = os.path.join(out_dir, "results.prev.json")
    prev = None
    if os.path.exists(path):
        os.replace(path, prev_path)
    if os.path.exists(prev_path):
        with open(prev_path) as f:
            prev = json.load(f)
    with open(path, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    return prev


# -- main ------------------------------------------------------------------

def plan(modes, smps, kernels):
    """The boots to make, [(kernel, config)]: Linux before Linnet."""
    return [(k, "%s smp%d" % (m, s)) for m in modes for s in smps
            for k in kernels]


def skipped(kernel, config, why):
    b = Boot(kernel, config)
    b.failures.append("skipped: " + why)
    b.skipped = True
    return b


def run_boots(todo, paths, initrd, appends, timeouts, logdir, jobs,
              force=False):
    """Make the boots of @todo; icount ones @jobs at a time, tcg ones
    alone.  Return {(kernel, config): Boot}."""
    def one(item):
        kernel, config = item
        if item in KNOWN_HANGS and not force:
            return item, skipped(kernel, config, KNOWN_HANGS[item])
        b = boot_kernel(kernel, paths[kernel], initrd, config,
                        appends[kernel], timeouts[kernel], logdir)
        log("  %-6s %-11s %6.1fs  %2d figures%s" % (
            kernel, config, b.seconds, len(b.figures),
            "  (" + "; ".join(b.failures) + ")" if b.failures else ""))
        return item, b

    done = {}
    icount = [t for t in todo if t[1].startswith("icount")]
    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
        for item, b in pool.map(one, icount):
            done[item] = b
    for t in todo:
        if t not in done:
            item, b = one(t)
            done[item] = b
    return done


def int_list(s):
    return [int(x) for x in s.split(",") if x]


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(OUT, "bin"),
                    help="the built tools/bench programs")
    ap.add_argument("--out", help="results folder (default %s, or "
                    "%s/quick with --quick)" % (OUT, OUT))
    ap.add_argument("--linnet", default="build/release/linnet",
                    help="Linnet kernel image (default: the production "
                    "build, make KCONFIG=release)")
    ap.add_argument("--mode", type=lambda s: s.split(","),
                    default=MODES, help="icount,tcg (default both)")
    ap.add_argument("--smp", type=int_list, default=[1, 2],
                    help="CPU counts (default 1,2)")
    ap.add_argument("--only", choices=["linux", "linnet"],
                    help="boot one kernel only")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="icount boots run side by side (default: CPUs)")
    ap.add_argument("--quick", action="store_true",
                    help="repetitions of 0.02 s, one each: checks the "
                    "run, the figures mean little")
    ap.add_argument("--timeout", type=float, default=LINUX_TIMEOUT,
                    help="seconds per Linux boot (default %d)"
                    % LINUX_TIMEOUT)
    ap.add_argument("--refresh-linux", action="store_true",
                    help="fetch Linux again even if it is cached")
    ap.add_argument("--force", action="store_true",
                    help="also make the boots known to hang")
    ap.add_argument("--no-chart", action="store_true")
    args = ap.parse_args(argv)
    for m in args.mode:
        if m not in MODES:
            ap.error("unknown mode %s" % m)
    args.out = args.out or (os.path.join(OUT, "quick") if args.quick
                            else OUT)
    return args


def main(argv=None):
    args = parse_args(argv)
    os.chdir(ROOT)
    started = time.monotonic()
    kernels = [args.only] if args.only else ["linux", "linnet"]
    paths, appends = {}, {}
    common = COMMON_APPEND + (" " + QUICK_EXTRA if args.quick else "")
    try:
        if "linux" in kernels:
            linux = fetch_linux(os.path.join(OUT, "cache"),
                                args.refresh_linux)
            paths["linux"] = linux["file"]
            appends["linux"] = common
        if "linnet" in kernels:
            if not os.path.exists(args.linnet):
                raise FetchError("%s is missing (run make KCONFIG=release)"
                                 % args.linnet)
            paths["linnet"] = args.linnet
            appends["linnet"] = common + " " + LINNET_EXTRA
        initrd = build_initramfs(args.bin,
                                 os.path.join(args.out, "initramfs.cpio.gz"))
    except (FetchError, OSError) as e:
        print("bench: %s" % e, file=sys.stderr)
        return 1
    logdir = os.path.join(args.out, "logs")
    os.makedirs(logdir, exist_ok=True)
    todo = plan(args.mode, args.smp, kernels)
    log("bench: %d boots (%s); console logs in %s"
        % (len(todo), ", ".join(args.mode), logdir))
    boots = run_boots(todo, paths, initrd, appends,
                      {"linux": args.timeout, "linnet": LINNET_TIMEOUT},
                      logdir, args.jobs, args.force)

    results = {
        "format": 1,
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "quick": args.quick,
        "qemu": qemu_version(),
        "host": {"cpu": host_cpu(), "cpus": os.cpu_count()},
        "kernels": {},
        "configs": {},
    }
    if "linux" in kernels:
        results["kernels"]["linux"] = dict(linux, append=appends["linux"])
    if "linnet" in kernels:
        results["kernels"]["linnet"] = {"git": git_version(),
                                        "append": appends["linnet"]}
    for kernel, config in todo:
        cfg = results["configs"].setdefault(config, {})
        cfg[kernel] = boots[(kernel, config)].to_json()
    results["seconds"] = round(time.monotonic() - started, 1)
    prev = save_results(results, args.out)
    print()
    print(report.format_report(results, prev), end="")
    if not args.no_chart:
        log(chart.make_chart(results, os.path.join(args.out, "ratios.png")))
    log("bench: %s/results.json written in %.0f s"
        % (args.out, results["seconds"]))
    failed = any(b.failures for b in boots.values() if not b.skipped)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The `make bench` table: each figure for Linnet and Linux, their ratio,
and how each moved since the previous run.

The ratio is Linnet's cost over Linux's, so < 1 means Linnet is faster,
whatever the unit: for a rate ("MiB/s", "files/s": larger is better) it
is Linux/Linnet.  In icount mode a figure that moved more than 2% since
the previous run is marked "!": icount figures should repeat.

usage: report.py [RESULTS [PREVIOUS]] [--markdown]
       (default build/bench/results.json and results.prev.json)
"""

import argparse
import json
import os
import sys

REPEAT_TOLERANCE = 2.0          # percent, for icount figures
NO_USER_SPACE = "n/a (no user space yet)"


def is_rate(unit):
    return unit.endswith("/s")


def ratio(linnet, linux, unit):
    """Linnet's cost over Linux's (< 1: Linnet is faster), or None."""
    if linnet is None or linux is None or linnet <= 0 or linux <= 0:
        return None
    return linux / linnet if is_rate(unit) else linnet / linux


def change(cur, prev):
    """Percent change from @prev to @cur, or None."""
    if cur is None or prev is None or prev == 0:
        return None
    return (cur - prev) / prev * 100.0


def figure(side, name):
    """A figure's value from one side of a config, or None."""
    f = (side or {}).get("figures", {}).get(name)
    return f["value"] if f else None


def row_names(*cfgs):
    """Figures in the order they came, Linux's before Linnet's own, over
    every config given (so that a config where a boot was skipped still
    lists what the others measured)."""
    names = []
    for kernel in ("linux", "linnet"):
        for cfg in cfgs:
            for n in (cfg.get(kernel) or {}).get("figures", {}):
                if n not in names:
                    names.append(n)
    return names


def unit_of(name, *cfgs):
    for kernel in ("linux", "linnet"):
        for cfg in cfgs:
            f = (cfg.get(kernel) or {}).get("figures", {}).get(name)
            if f:
                return f["unit"]
    return ""


def fmt_value(v):
    if v is None:
        return "n/a"
    return "%.1f" % v if abs(v) >= 100 else "%.3f" % v


def fmt_change(pct, icount):
    if pct is None:
        return "-"
    mark = "!" if icount and abs(pct) > REPEAT_TOLERANCE else ""
    return "%+.1f%%%s" % (pct, mark)


def missing_text(side, name):
    """What an empty cell says: why a side has no figure."""
    if side is None:
        return "not run"
    if side.get("skipped"):
        return "skipped"
    if not name.startswith("bench_") and not side.get("reached_init"):
        return NO_USER_SPACE
    return "n/a"


def config_rows(config, cfg, prev_cfg, all_cfgs):
    """Rows of cells for one config, and how many icount figures moved."""
    icount = config.startswith("icount")
    rows, moved = [], 0
    for name in row_names(*all_cfgs):
        unit = unit_of(name, *all_cfgs)
        cells = [name]
        values = {}
        for kernel in ("linnet", "linux"):
            values[kernel] = figure(cfg.get(kernel), name)
            cells.append(fmt_value(values[kernel])
                         if values[kernel] is not None
                         else missing_text(cfg.get(kernel), name))
        r = ratio(values["linnet"], values["linux"], unit)
        cells += ["%.2f" % r if r is not None else "n/a", unit]
        for kernel in ("linnet", "linux"):
            pct = change(values[kernel],
                         figure((prev_cfg or {}).get(kernel), name))
            # Host-side seconds are wall-clock even under icount.
            strict = icount and not name.endswith("_host")
            if strict and pct is not None and abs(pct) > REPEAT_TOLERANCE:
                moved += 1
            cells.append(fmt_change(pct, strict))
        rows.append(cells)
    return rows, moved


HEADER = ["benchmark", "Linnet", "Linux", "ratio", "unit", "Linnet chg",
          "Linux chg"]


def format_table(rows, markdown=False):
    if markdown:
        out = ["| " + " | ".join(HEADER) + " |",
               "|" + "|".join(["---"] + ["---:"] * 3 + ["---"] +
                              ["---:"] * 2) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out) + "\n"
    widths = [max(len(r[i]) for r in [HEADER] + rows)
              for i in range(len(HEADER))]
    out = []
    for r in [HEADER] + rows:
        cells = [r[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(r[1:4], widths[1:4])]
        cells += [r[4].ljust(widths[4])]
        cells += [c.rjust(w) for c, w in zip(r[5:], widths[5:])]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out) + "\n"


def describe(results, prev):
    """The lines above the tables: what ran, against what."""
    k = results.get("kernels", {})
    out = []
    if "linux" in k:
        out.append("Linux:  %s (Debian %s %s), append \"%s\"" % (
            k["linux"]["release"], k["linux"]["package"],
            k["linux"]["version"], k["linux"]["append"]))
    if "linnet" in k:
        out.append("Linnet: %s, append \"%s\"" % (k["linnet"]["git"],
                                                  k["linnet"]["append"]))
    out.append("%s; -m 1G; host %s, %s CPUs; %s%s" % (
        results.get("qemu", "qemu"), results.get("host", {}).get("cpu"),
        results.get("host", {}).get("cpus"), results.get("date"),
        "; QUICK run (figures mean little)" if results.get("quick")
        else ""))
    out.append("ratio = Linnet cost / Linux cost: < 1 means Linnet is "
               "faster; chg = change since the previous run (%s)"
               % (prev.get("date") if prev else "none kept"))
    return "\n".join(out) + "\n"


def failures(config, cfg):
    out = []
    for kernel in ("linnet", "linux"):
        for f in (cfg.get(kernel) or {}).get("failures", []):
            out.append("  %s %s: %s" % (kernel, config, f))
    return out


def format_report(results, prev=None, markdown=False):
    """The whole report as text: a table per config, then notes."""
    out = [describe(results, prev)]
    prev_configs = (prev or {}).get("configs", {})
    notes = []
    configs = results.get("configs", {})
    for config, cfg in configs.items():
        rows, moved = config_rows(config, cfg, prev_configs.get(config),
                                  list(configs.values()))
        out.append("\n%s%s\n" % ("### " if markdown else "== ", config))
        out.append(format_table(rows, markdown))
        if moved:
            notes.append("%s: %d figure(s) moved more than %.0f%% since "
                         "the previous run (marked !); icount figures "
                         "should repeat" % (config, moved,
                                            REPEAT_TOLERANCE))
        notes += failures(config, cfg)
    if notes:
        out.append("\n" + "\n".join(notes) + "\n")
    return "".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results", nargs="?",
                    default="build/bench/results.json")
    ap.add_argument("previous", nargs="?")
    ap.add_argument("--markdown", action="store_true",
                    help="Markdown tables (for README.md)")
    args = ap.parse_args(argv)
    prev_path = args.previous or os.path.join(
        os.path.dirname(args.results), "results.prev.json")
    with open(args.results) as f:
        results = json.load(f)
    prev = None
    if os.path.exists(prev_path):
        with open(prev_path) as f:
            prev = json.load(f)
    sys.stdout.write(format_report(results, prev, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())

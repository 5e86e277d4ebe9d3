#!/usr/bin/env python3
"""The `make bench` chart: a PNG bar chart of the ratios Linnet/Linux
(cost over cost, < 1 is better; report.py) per benchmark, one bar per
configuration, with lines at 1.0 (parity) and 0.9 (the target).

matplotlib (Debian: python3-matplotlib) draws it; without it gnuplot
does; without either the chart is skipped with the command that installs
one.  Neither is a dependency of `make test`.

usage: chart.py [RESULTS] [-o OUT.png]
       (default build/bench/results.json -> build/bench/ratios.png)
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402

INSTALL = "apt-get install -y python3-matplotlib"
TARGET = 0.9
# Debian's python3-matplotlib lives in the system Python; the python3 on
# PATH may be another one (pyenv, a venv) that does not see it.
SYSTEM_PYTHON = "/usr/bin/python3"


def ratios(results):
    """(benchmarks, configs, {config: {benchmark: ratio}}) for the
    figures both kernels have."""
    table, names = {}, []
    for config, cfg in results.get("configs", {}).items():
        for name in report.row_names(cfg):
            r = report.ratio(report.figure(cfg.get("linnet"), name),
                             report.figure(cfg.get("linux"), name),
                             report.unit_of(name, cfg))
            if r is None:
                continue
            table.setdefault(config, {})[name] = r
            if name not in names:
                names.append(name)
    return names, list(table), table


def draw_matplotlib(names, configs, table, out, title):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    height = 0.8 / len(configs)
    fig, ax = plt.subplots(figsize=(9, 1.5 + 0.25 * len(names) *
                                    len(configs)))
    for i, config in enumerate(configs):
        ys = [n + i * height for n in range(len(names))]
        ax.barh(ys, [table[config].get(n, 0) for n in names], height,
                label=config)
    ax.set_yticks([n + 0.4 - height / 2 for n in range(len(names))])
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.axvline(1.0, color="black", linewidth=1)
    ax.axvline(TARGET, color="green", linestyle="--", linewidth=1,
               label="target %.1f" % TARGET)
    ax.set_xlabel("Linnet / Linux (cost ratio, < 1 is better)")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    plt.close(fig)


def draw_gnuplot(names, configs, table, out, title):
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "ratios.dat")
        with open(data, "w") as f:
            f.write("name " + " ".join('"%s"' % c for c in configs) + "\n")
            for n in names:
                f.write('"%s" ' % n + " ".join(
                    "%.4f" % table[c][n] if n in table[c] else "0"
                    for c in configs) + "\n")
        plot = ", ".join("'%s' using %d:xtic(1) title columnhead"
                         % (data, i + 2) for i in range(len(configs)))
        script = "\n".join([
            "set terminal png noenhanced size %d,600"
            % (300 + 40 * len(names)),
            "set output '%s'" % out,
            "set title '%s'" % title.replace("'", ""),
            "set style data histograms",
            "set style fill solid",
            "set xtics rotate by -45",
            "set yrange [0:*]",
            "set ylabel 'Linnet / Linux (cost ratio, < 1 is better)'",
            "set arrow from graph 0, first 1 to graph 1, first 1 nohead",
            "set arrow from graph 0, first %g to graph 1, first %g nohead "
            "dt 2" % (TARGET, TARGET),
            "plot " + plot, ""])
        subprocess.run(["gnuplot"], input=script, text=True, check=True,
                       stdout=subprocess.DEVNULL)


def have_matplotlib(python=None):
    if python is None:
        try:
            import matplotlib  # noqa: F401
            return True
        except ImportError:
            return False
    return subprocess.run([python, "-c", "import matplotlib"],
                          stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def draw_with_system_python(results, out):
    """Run this script under the system Python, which has matplotlib."""
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(results, f)
        f.flush()
        subprocess.run([SYSTEM_PYTHON, os.path.abspath(__file__), f.name,
                        "-o", out], check=True, stdout=subprocess.DEVNULL)


def make_chart(results, out):
    """Draw the chart to @out if possible; return a line saying what
    happened."""
    names, configs, table = ratios(results)
    if not names:
        return ("chart: skipped, no benchmark has figures from both "
                "kernels yet")
    title = "Linnet / Linux, %s" % results.get("date", "")
    other = os.path.exists(SYSTEM_PYTHON) and \
        os.path.realpath(SYSTEM_PYTHON) != os.path.realpath(sys.executable)
    try:
        if have_matplotlib():
            draw_matplotlib(names, configs, table, out, title)
        elif other and have_matplotlib(SYSTEM_PYTHON):
            draw_with_system_python(results, out)
        elif shutil.which("gnuplot"):
            draw_gnuplot(names, configs, table, out, title)
        else:
            return "chart: skipped, matplotlib is missing (%s)" % INSTALL
    except (OSError, subprocess.CalledProcessError) as e:
        return "chart: failed: %s" % e
    return "chart: %s" % out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results", nargs="?",
                    default="build/bench/results.json")
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)
    with open(args.results) as f:
        results = json.load(f)
    out = args.output or os.path.join(os.path.dirname(args.results),
                                      "ratios.png")
    print(make_chart(results, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

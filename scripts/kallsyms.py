#!/usr/bin/env python3
"""Generate the kernel's symbol table (kernel/kallsyms.c reads it).

Reads `nm -n` output on stdin and writes assembly for the .kallsyms
section: the sorted addresses of every text symbol, the offsets of their
names, and the names.  The last entry is _etext's end-of-text marker, so
every symbol's size is the distance to its successor.

With --check FILE, regenerates the table and fails if FILE differs: the
second link must not have moved any text (see the Makefile).
"""
import sys

TEXT_TYPES = set("TtWw")
# Ends of text ranges, kept whatever nm calls them: they bound the
# size of the last function before them.
END_MARKERS = ("_etext", "_einittext")


def read_symbols(lines):
    syms = []
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        addr, kind, name = parts
        if name in END_MARKERS:
            pass
        elif kind not in TEXT_TYPES or name.startswith(".L"):
            continue
        syms.append((int(addr, 16), name))
    syms.sort()
    return syms


def emit(syms):
    out = [".section .kallsyms, \"a\"", ".balign 8"]
    out.append(".globl kallsyms_num_syms")
    out.append("kallsyms_num_syms: .quad %d" % len(syms))
    out.append(".globl kallsyms_addresses")
    out.append("kallsyms_addresses:")
    out += ["\t.quad 0x%x" % a for a, _ in syms]
    out.append(".globl kallsyms_name_offsets")
    out.append("kallsyms_name_offsets:")
    off = 0
    for _, name in syms:
        out.append("\t.long %d" % off)
        off += len(name) + 1
    out.append(".globl kallsyms_names")
    out.append("kallsyms_names:")
    out += ['\t.asciz "%s"' % name for _, name in syms]
    if not syms:
        out.append("\t.byte 0")
    return "\n".join(out) + "\n"


def main():
    text = emit(read_symbols(sys.stdin))
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2]) as f:
            if f.read() != text:
                sys.exit("kallsyms: text moved between link passes")
        return
    sys.stdout.write(text)


if __name__ == "__main__":
    main()

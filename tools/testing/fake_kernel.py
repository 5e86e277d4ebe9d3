#!/usr/bin/env python3
"""Build tiny bootable "kernels" that the harness's own tests boot.

Each is a Multiboot1 ELF32 (QEMU's -kernel loads it directly) that prints
a given text on COM1 and then ends the way it is told:

    exit=N      write N to the isa-debug-exit port 0xf4 (QEMU status 2N+1)
    reset       triple fault; with -no-reboot QEMU exits with status 0,
                as after an ACPI power-off or panic=-1
    hang        cli; hlt forever (the harness must time out)

They let run_qemu.py be tested on real QEMU runs -- a passing run, a
failing one, a crash mid-run, a panic, a hang -- without the real kernel.
"""

import os
import subprocess
import tempfile

MB1_MAGIC = 0x1BADB002

_ASM = """
	.code32
	.section .text
	.align 4
	.long 0x%(magic)08x
	.long 0
	.long -0x%(magic)08x
	.globl _start
_start:
	mov $msg, %%esi
	mov $msg_end, %%ecx
1:	cmp %%ecx, %%esi
	je 3f
	mov $0x3fd, %%dx	/* LSR: wait for THR empty */
2:	inb %%dx, %%al
	test $0x20, %%al
	jz 2b
	mov $0x3f8, %%dx
	lodsb
	outb %%al, %%dx
	jmp 1b
3:
%(end)s
msg:
	.ascii "%(text)s"
msg_end:
"""

_ENDS = {
    "exit": "\tmov $%d, %%al\n\toutb %%al, $0xf4\n\tcli\n4:\thlt\n\tjmp 4b\n",
    "reset": "\tlidt zero_idt\n\tint3\nzero_idt:\n\t.word 0\n\t.long 0\n",
    "hang": "\tcli\n4:\thlt\n\tjmp 4b\n",
}


def _escape(text):
    out = []
    for ch in text.encode():
        if ch in (ord('"'), ord("\\")) or not 32 <= ch < 127:
            out.append("\\%03o" % ch)
        else:
            out.append(chr(ch))
    return "".join(out)


def build(path, text, end="exit", code=0):
    """Write a fake kernel to @path that prints @text, then ends as @end."""
    if end == "exit":
        tail = _ENDS["exit"] % code
    else:
        tail = _ENDS[end]
    asm = _ASM % {"magic": MB1_MAGIC, "end": tail, "text": _escape(text)}
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "fake.S")
        obj = os.path.join(tmp, "fake.o")
        with open(src, "w") as f:
            f.write(asm)
        subprocess.run(["gcc", "-m32", "-c", src, "-o", obj], check=True)
        subprocess.run(["ld", "-m", "elf_i386", "-Ttext=0x100000",
                        "-e", "_start", "-z", "max-page-size=4096",
                        "--build-id=none", "-o", path, obj], check=True)
    return path

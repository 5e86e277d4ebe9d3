# gdb -x tools/gdb/linnet.gdb, after `make debug` in another terminal.
file build/linnet
target remote :1234
# A hardware breakpoint: it holds across the switch from 32-bit protected
# mode to long mode, where a software one planted early would not.
hbreak start_kernel
continue

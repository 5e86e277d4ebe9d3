# Benchmarks: Linnet against Debian's Linux 6.1 in the same QEMU
# (DESIGN.md section 8, tools/bench/README.md).
#
#   make bench                   both kernels, icount and plain TCG,
#                                -smp 1 and 2: a table, results.json, a chart
#   make bench BENCHFLAGS="--mode icount --smp 1"    one configuration
#   make bench BENCHFLAGS=--quick                    a fast check of the run
#   make bench-progs             only build the programs (the smoke test does)
#   make bench-profile           the programs and the QEMU plugin that
#                                tools/bench/profile.py profiles them with
#
# Results go to build/bench/ (results.json, the previous run in
# results.prev.json, ratios.png, logs/); Debian's Linux is cached in
# build/bench/cache/ (`make clean` drops it: the next run fetches it again).

BENCHFLAGS ?=
BENCH_BIN ?= build/bench/bin
BENCH_CC := musl-gcc
BENCH_CFLAGS := -static -std=gnu11 -O2 -g -D_GNU_SOURCE -pthread \
	-Wall -Wextra -Werror -Wno-unused-parameter

# Every tools/bench/*.c is a program, but bench.c, which each one links.
bench_progs := $(filter-out bench,$(basename $(notdir \
	$(wildcard tools/bench/*.c))))

$(BENCH_BIN)/%: tools/bench/%.c tools/bench/bench.c tools/bench/bench.h
	$(quiet) MUSLCC $@
	@mkdir -p $(dir $@)
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) $< tools/bench/bench.c -o $@

# hello is what the exec benchmarks start: nothing linked in but libc.
$(BENCH_BIN)/hello: tools/bench/hello.c
	$(quiet) MUSLCC $@
	@mkdir -p $(dir $@)
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) $< -o $@

bench-progs: $(addprefix $(BENCH_BIN)/,$(bench_progs))

# Linnet is measured as built for production (KCONFIG=release: no lock
# validator, no might_sleep checks), as Debian builds its Linux.
bench: deps
	$(Q)$(MAKE) --no-print-directory KCONFIG=release all bench-progs
	$(Q)$(PYTHON) tools/bench/run_bench.py --bin $(BENCH_BIN) \
		--linnet build/release/linnet $(BENCHFLAGS)

# The instruction-count plugin is a host .so that QEMU dlopen()s.
BENCH_PROFILE_SO := build/bench/profile/insn_profile.so

$(BENCH_PROFILE_SO): tools/bench/profile/insn_profile.c \
		tools/bench/profile/qemu-plugin-abi.h
	$(quiet) HOSTCC $@
	@mkdir -p $(dir $@)
	$(Q)gcc -shared -fPIC -O2 -fvisibility=hidden -pthread -Wall -Wextra \
		-Wno-unused-parameter -Werror $< -o $@

bench-profile: bench-progs $(BENCH_PROFILE_SO)

.PHONY: bench bench-progs bench-profile

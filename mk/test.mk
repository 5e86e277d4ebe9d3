# Tests and checks.
#
#   make test                    all layers; last line "N passed, N failed"
#   make test TESTFLAGS="--layer ktest --smp 1,2,4 -v"
#   make host-test               layer 1 only (no kernel build, no QEMU)
#   make check                   formatting, clang build, lone headers
#
# Host tests need no rule here: tests/host/<name>_test.c names the kernel
# sources it links in its "host-test-sources:" comment line, and
# tools/testing/run_tests.py builds it into build/host/<name>/.

TESTFLAGS ?=

# The release layer boots the production kernel (KCONFIG=release, in
# build/release/) and runs the benchmark programs once on it.
test: deps
	$(Q)$(MAKE) --no-print-directory -s all
	$(Q)$(MAKE) --no-print-directory -s KCONFIG=release all bench-progs
	$(Q)$(PYTHON) tools/testing/run_tests.py $(TESTFLAGS)

host-test:
	$(Q)$(PYTHON) tools/testing/run_tests.py --layer host $(TESTFLAGS)

check:
	$(Q)scripts/check.sh

# The kernel's compiler flags, for scripts/check.sh.
print-kflags:
	@echo $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS)

.PHONY: print-kflags

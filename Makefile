# Linnet: a Linux-compatible kernel.  `make help` lists the targets.
#
# The build is Kbuild-shaped: every directory in $(dirs) has a Makefile
# fragment that appends its objects to obj-y; objects land under build/.

VERSION := 0.1.0
ARCH := x86
# KCONFIG picks the debug options, as Kconfig would set them: "debug"
# (the default, in build/) is the development kernel, with the lock
# validator, the sleep-in-atomic checks and the memory manager's
# self-checks (CONFIG_LOCKDEP, CONFIG_DEBUG_ATOMIC_SLEEP, CONFIG_DEBUG_VM);
# "release" (in build/release/) leaves them out, as distributions build
# Linux, and is what `make bench` measures.
KCONFIG ?= debug
ifeq ($(KCONFIG),release)
BUILD := build/release
KCONFIG_CFLAGS := -DCONFIG_LOCKDEP=0 -DCONFIG_DEBUG_ATOMIC_SLEEP=0 \
	-DCONFIG_DEBUG_VM=0
else
BUILD := build
KCONFIG_CFLAGS :=
endif

CC := gcc
LD := ld
NM := nm
OBJCOPY := objcopy
PYTHON := python3
QEMU := qemu-system-x86_64

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-8s %s\n'
endif

dirs := init kernel kernel/futex kernel/printk kernel/irq kernel/time kernel/sched \
	kernel/locking kernel/rcu \
	mm fs fs/ramfs fs/proc fs/kernfs fs/sysfs lib lib/ktest \
	arch/x86/boot arch/x86/entry arch/x86/entry/vdso \
	arch/x86/kernel arch/x86/kernel/cpu \
	arch/x86/kernel/acpi arch/x86/kernel/apic arch/x86/kernel/fpu \
	arch/x86/lib arch/x86/mm \
	drivers/char drivers/tty drivers/tty/serial fs/devpts drivers/base

KBUILD_CPPFLAGS := -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -Iarch/x86/include -Iinclude/uapi -I$(BUILD)/generated \
	-D__KERNEL__ -DLINNET_VERSION='"$(VERSION)"' $(KCONFIG_CFLAGS)
KBUILD_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pie -fno-pic \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -mno-sse -mno-mmx \
	-fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing -fno-common \
	-fno-delete-null-pointer-checks -fno-jump-tables \
	-Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	-Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers
KBUILD_AFLAGS := -D__ASSEMBLY__ -g
LDFLAGS_linnet := -nostdlib -z max-page-size=4096 -z noexecstack \
	--no-warn-rwx-segments -T $(BUILD)/vmlinux.lds

.DEFAULT_GOAL := all
objs :=
define include-dir
obj-y :=
include $(1)/Makefile
objs += $$(addprefix $(BUILD)/$(1)/,$$(obj-y))
endef
$(foreach d,$(dirs),$(eval $(call include-dir,$(d))))

.PHONY: all run test debug clean check iso help deps host-test
all: $(BUILD)/linnet

# The syscall numbers come from the UAPI header (scripts/syscalltbl.py);
# every object may include them, so all wait for the generated headers.
SYSCALL_UNISTD := /usr/include/x86_64-linux-gnu/asm/unistd_64.h
SYSCALL_HDRS := $(BUILD)/generated/asm/syscalls_64.h \
	$(BUILD)/generated/asm/unistd_64.h
$(SYSCALL_HDRS) &: scripts/syscalltbl.py $(SYSCALL_UNISTD)
	$(quiet) GEN $(SYSCALL_HDRS)
	@mkdir -p $(BUILD)/generated/asm
	$(Q)$(PYTHON) scripts/syscalltbl.py $(SYSCALL_UNISTD) \
		--table $(BUILD)/generated/asm/syscalls_64.h \
		--unistd $(BUILD)/generated/asm/unistd_64.h
$(objs): | $(SYSCALL_HDRS)

$(BUILD)/%.o: %.c
	$(quiet) CC $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/%.o: %.S
	$(quiet) AS $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KBUILD_CPPFLAGS) $(KBUILD_AFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/vmlinux.lds: arch/x86/kernel/vmlinux.lds.S
	$(quiet) LDS $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) -E -P $(KBUILD_CPPFLAGS) -D__ASSEMBLY__ -D__LINKER__ -MMD -MP -MT $@ $< -o $@

# Symbols are embedded in two passes (kallsyms): link with an empty table,
# read the text symbols back, link again with the real table.  The table
# sits after all text, so no text address moves between the passes;
# scripts/kallsyms.py --check proves it on every build.
$(BUILD)/.tmp_kallsyms0.S:
	@mkdir -p $(BUILD)
	$(Q)$(PYTHON) scripts/kallsyms.py < /dev/null > $@

$(BUILD)/.tmp_linnet0: $(objs) $(BUILD)/.tmp_kallsyms0.o $(BUILD)/vmlinux.lds
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS_linnet) -o $@ $(objs) $(BUILD)/.tmp_kallsyms0.o

$(BUILD)/.tmp_kallsyms1.S: $(BUILD)/.tmp_linnet0 scripts/kallsyms.py
	$(quiet) KSYMS $@
	$(Q)$(NM) -n $< | $(PYTHON) scripts/kallsyms.py > $@

$(BUILD)/linnet: $(objs) $(BUILD)/.tmp_kallsyms1.o $(BUILD)/vmlinux.lds
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS_linnet) -o $@ $(objs) $(BUILD)/.tmp_kallsyms1.o
	$(Q)$(NM) -n $@ | $(PYTHON) scripts/kallsyms.py --check $(BUILD)/.tmp_kallsyms1.S

$(BUILD)/.tmp_kallsyms%.o: $(BUILD)/.tmp_kallsyms%.S
	$(Q)$(CC) $(KBUILD_AFLAGS) -c $< -o $@

-include mk/run.mk
-include mk/test.mk
-include mk/bench.mk

clean:
	rm -rf $(BUILD)

help:
	@echo 'make          build build/linnet'
	@echo 'make run      boot Linnet in QEMU on the serial console (Ctrl-A X quits)'
	@echo 'make test     run every test layer; ends with "N passed, N failed"'
	@echo 'make debug    boot halted with the gdb stub; see tools/gdb/README'
	@echo 'make check    format, clang build and header self-containment checks'
	@echo 'make iso      GRUB (Multiboot2) image for other machines'
	@echo 'make host-test  host unit tests only'
	@echo 'make bench    Linnet against Linux 6.1 in the same QEMU (tools/bench)'
	@echo 'make V=1      show the commands'

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

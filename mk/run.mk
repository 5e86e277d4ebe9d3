# Booting Linnet by hand: make run, make debug, make iso.
#
#   make run                     busybox shell on the serial console
#   make run APPEND="ktest=all"  extra kernel command line
#   make run SMP=4 MEM=1G        machine size
#   make debug                   the same, halted for gdb on :1234
#
# Ctrl-A X quits QEMU; `poweroff -f` in the shell does too.

MEM ?= 512M
SMP ?= 1
APPEND ?=
QEMU_EXTRA ?=

INITRAMFS := $(BUILD)/initramfs.cpio.gz

QEMU_RUN = $(QEMU) -kernel $(BUILD)/linnet -initrd $(INITRAMFS) \
	-append "console=ttyS0 $(APPEND)" -nographic -m $(MEM) -smp $(SMP) \
	-no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 $(QEMU_EXTRA)

# isa-debug-exit with 0 (QEMU status 1) is a clean exit too.
QEMU_STATUS_OK = || { st=$$?; [ $$st -eq 1 ] || exit $$st; }

deps:
	$(Q)scripts/deps.sh

$(INITRAMFS): usr/init.sh usr/gen_initramfs.py usr/gen_init_cpio.py
	$(quiet) GEN $@
	@mkdir -p $(dir $@)
	$(Q)$(PYTHON) usr/gen_initramfs.py -o $@ --init usr/init.sh \
		--spec-out $(BUILD)/initramfs.list

run: deps
	$(Q)$(MAKE) --no-print-directory all $(INITRAMFS)
	$(QEMU_RUN) $(QEMU_STATUS_OK)

debug: deps
	$(Q)$(MAKE) --no-print-directory all $(INITRAMFS)
	@echo 'QEMU is halted, waiting for gdb on localhost:1234.  In another terminal:'
	@echo '    gdb -x tools/gdb/linnet.gdb'
	$(QEMU_RUN) -s -S $(QEMU_STATUS_OK)

# A GRUB (Multiboot2) rescue image, for machines other than QEMU -kernel.
ISO_DIR := $(BUILD)/iso
iso: all $(INITRAMFS)
	@command -v grub-mkrescue >/dev/null && command -v xorriso >/dev/null && \
		[ -d /usr/lib/grub/i386-pc ] || { \
		echo 'make iso needs GRUB and xorriso:' \
			'apt-get install -y grub-pc-bin grub-common xorriso'; exit 1; }
	@rm -rf $(ISO_DIR) && mkdir -p $(ISO_DIR)/boot/grub
	$(Q)cp $(BUILD)/linnet $(INITRAMFS) $(ISO_DIR)/boot/
	$(Q)printf '%s\n' 'set timeout=0' 'serial --unit=0 --speed=115200' \
		'terminal_input serial console' 'terminal_output serial console' \
		'menuentry "Linnet" {' \
		'	multiboot2 /boot/linnet console=ttyS0 $(APPEND)' \
		'	module2 /boot/initramfs.cpio.gz initramfs' '}' \
		> $(ISO_DIR)/boot/grub/grub.cfg
	$(quiet) ISO $(BUILD)/linnet.iso
	$(Q)grub-mkrescue -o $(BUILD)/linnet.iso $(ISO_DIR) 2>/dev/null

#!/bin/busybox sh
# /init of the `make run` initramfs: mount what the kernel offers, then a
# shell on the console.  `poweroff -f` ends QEMU.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc 2>/dev/null
mount -t sysfs sysfs /sys 2>/dev/null
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "Linnet: busybox shell; 'poweroff -f' quits"
# The shell is init's child, not init itself: a job whose parent is
# PID 1 is in an orphaned process group, where Ctrl-Z (SIGTSTP) is
# ignored.  A shell that exits is started again.
while :; do
	setsid cttyhack sh
done

#!/bin/busybox sh
# /init of the user-test initramfs (tools/testing/run_tests.py, layer
# "user").  It runs every program in /tests in name order and reports
# KTAP: one top-level result per program; each program prints its own
# cases as a subtest indented two spaces (tests/user/include/ktest_user.h).
# *.sh scenarios run under busybox sh the same way.  Exit status 0 is ok,
# 77 is a skip, anything else a failure.  Then it powers off, which ends
# QEMU with status 0.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
# Tells the tests they own the machine (tests/user/include/ut_util.h).
export UT_VM=1
mount -t proc proc /proc 2>/dev/null
mount -t sysfs sysfs /sys 2>/dev/null
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts 2>/dev/null
mount -t devpts devpts /dev/pts 2>/dev/null
mount -t tmpfs tmpfs /tmp 2>/dev/null
cd /tmp 2>/dev/null

# Every file of /tests (not /tests/include, the scripts' helpers).
set --
for t in /tests/*; do
	[ -f "$t" ] && set -- "$@" "$t"
done
echo "KTAP version 1"
echo "1..$#"
i=0
for t in "$@"; do
	i=$((i + 1))
	name=${t##*/}
	case "$t" in
	*.sh)	sh "$t" ;;
	*)	"$t" ;;
	esac
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "ok $i $name"
	elif [ "$rc" -eq 77 ]; then
		echo "ok $i $name # SKIP"
	else
		echo "# $name: exit status $rc"
		echo "not ok $i $name"
	fi
done
sync
poweroff -f
# Still here: poweroff failed; say so, then init exits and the kernel panics.
echo "# init: poweroff -f failed"

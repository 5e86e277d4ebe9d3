#!/bin/busybox sh
# /init of the `make bench` initramfs (run_bench.py packs it with busybox
# and the programs under /bench).  Every figure is one console line
#
#	BENCH <name> <value> <unit>
#
# and the run ends with BENCH_END and a power-off.  The first line is the
# boot-time marker: the uptime when /init began, read as early as possible.
# BENCH_TIME=<seconds per repetition> and BENCH_REPS=<n> on the kernel
# command line reach us through the environment (run_bench.py --quick).
/bin/busybox mount -t proc proc /proc
read up idle </proc/uptime
echo "BENCH boot_to_init $up s"

export PATH=/bin:/sbin:/usr/bin:/usr/sbin
echo "BENCH_INFO kernel $(uname -r) cpus $(nproc)"
# Linux's CPU-vulnerability mitigations cost on every entry and switch;
# the report shows which were on (Linnet has none, and no such files).
mount -t sysfs sysfs /sys 2>/dev/null
for f in /sys/devices/system/cpu/vulnerabilities/*; do
	[ -f "$f" ] && echo "BENCH_INFO vulnerability ${f##*/}: $(cat "$f")"
done
mount -t tmpfs -o mode=1777 tmpfs /tmp
cd /tmp

# Every program of tools/bench but hello, in the report's order.
for prog in syscall proc ipc vm signal file memcpy; do
	/bench/$prog ${BENCH_TIME:+-t $BENCH_TIME} ${BENCH_REPS:+-r $BENCH_REPS} ||
		echo "BENCH_FAIL $prog exit status $?"
done

echo BENCH_END
poweroff -f

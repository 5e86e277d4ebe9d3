#!/bin/sh
# Busybox tools that read procfs and friends: ps, free, mount, dmesg, df,
# uptime, top, kill, uname, sysctl, and the /proc files the shell's
# users look at.  Outputs are parsed and compared with what the kernel
# says elsewhere.  KTAP subtests as in busybox_shell_test.sh.

suite=busybox_tools
. "$(dirname "$0")/include/ktap.sh"

t_ps() {
	sleep 77 &
	pid=$!
	# The child may not have exec'd sleep yet: look a few times.
	for i in 1 2 3 4 5 6 7 8 9 10; do
		out=$(ps)
		echo "$out" | grep -q "^ *$pid .*sleep 77" && break
		sleep 0.1
	done
	kill "$pid"
	echo "$out" | awk '$1 == 1 { found = 1 } END { exit !found }' ||
		{ echo "no pid 1 in ps"; echo "$out" | head -n 3; return 1; }
	echo "$out" | grep -q "^ *$pid .*sleep 77" ||
		{ echo "ps lacks our sleep $pid:"; echo "$out" | tail -n 3; return 1; }
}
t_free() {
	total=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
	got=$(free | awk '/^Mem:/ { print $2 }')
	expect "free total" "$got" "$total"
}
t_mount() {
	mount | grep -q "^proc on /proc type proc" ||
		{ mount | head -n 5; return 1; }
}
t_dmesg() {
	lines=$(dmesg | head -n 5 | wc -l | tr -d ' ')
	[ "$lines" -ge 1 ] || { echo "dmesg printed nothing"; return 1; }
}
t_df() {
	# (/tmp: the initramfs root "/" is no mount df can name)
	out=$(df /tmp) || return 1
	expect lines "$(echo "$out" | wc -l | tr -d ' ')" 2 || return 1
	echo "$out" | tail -n 1 | awk '$2 > 0 && $NF ~ /^\// { ok = 1 }
		END { exit !ok }' || { echo "$out"; return 1; }
}
t_uptime() {
	out=$(uptime)
	echo "$out" | grep -q "load average:" || { echo "$out"; return 1; }
}
t_top() {
	out=$(top -b -n 1)
	echo "$out" | head -n 5 | grep -q '^Mem:' || { echo "no Mem: line"; return 1; }
	echo "$out" | head -n 5 | grep -q 'PID' || { echo "no PID header"; return 1; }
	echo "$out" | grep -q ' top -b' || { echo "top does not list itself"; return 1; }
}
t_kill() {
	sleep 100 &
	pid=$!
	kill -TERM "$pid"
	wait "$pid"
	expect status "$?" 143 || return 1
	kill -l | grep -q HUP || return 1
	kill -0 99999 2> /dev/null && { echo "kill -0 99999 worked"; return 1; }
	return 0
}
t_uname_id() {
	expect sysname "$(uname -s)" Linux || return 1
	expect machine "$(uname -m)" x86_64 || return 1
	expect uid "$(id -u)" 0
}
t_sysctl() { expect ostype "$(sysctl -n kernel.ostype)" Linux; }
t_cpuinfo() {
	expect cpus "$(grep -c '^processor' /proc/cpuinfo)" "$(nproc)"
}
t_proc_live() {
	grep -q "zone" /proc/buddyinfo || { echo "buddyinfo"; return 1; }
	grep -q "^slabinfo - version" /proc/slabinfo || { echo "slabinfo"; return 1; }
	grep -q "CPU0" /proc/interrupts || { echo "interrupts"; return 1; }
	[ "$(wc -l < /proc/slabinfo)" -gt 10 ] || { echo "few slabs"; return 1; }
}
t_dev_nodes() {
	ls -l /dev/null | grep -q '^crw.* 1, *3 ' || { ls -l /dev/null; return 1; }
	expect zero "$(head -c 4 /dev/zero | od -An -tx1 | tr -d ' ')" 00000000
}
t_date() {
	now=$(date +%s)
	[ "$now" -gt 1577836800 ] || { echo "date says $now"; return 1; }
}
t_stat() {
	printf '12345' > f
	expect size "$(stat -c %s f)" 5
}

check ps_lists_init_and_our_job t_ps
check free_matches_meminfo t_free
check mount_shows_proc t_mount
check dmesg_prints_the_log t_dmesg
check df_tmp t_df
check uptime_load_average t_uptime
check top_batch_once t_top
check kill_applet t_kill
check uname_and_id t_uname_id
check sysctl_reads_proc_sys t_sysctl
check cpuinfo_matches_nproc t_cpuinfo
check proc_buddyinfo_slabinfo_interrupts t_proc_live
check dev_null_and_zero t_dev_nodes
check date_is_set t_date
check stat_size t_stat
exit $failed

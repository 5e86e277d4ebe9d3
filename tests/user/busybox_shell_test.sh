#!/bin/sh
# Busybox sh scenarios: commands, pipelines, redirections, subshells,
# background jobs and kill, traps, sleep timing, file tools.  Each check
# prints a KTAP result (a subtest of this script's own result line);
# the script exits 1 if any failed.  Outside the test VM (no UT_VM) the
# busybox applets are put first in PATH, so the host runs them too.

suite=busybox_shell
. "$(dirname "$0")/include/ktap.sh"

t_sh_c() {
	out=$(sh -c 'echo hi; ls /; cat /proc/self/status')
	echo "$out" | grep -qx hi || { echo "no hi"; return 1; }
	echo "$out" | grep -qx proc || { echo "ls / lacks proc"; return 1; }
	echo "$out" | grep -q '^Name:' || { echo "status lacks Name:"; return 1; }
}
t_arith() { expect '$((6*7))' "$((6 * 7))" 42; }
t_pipeline() { expect "seq|wc" "$(seq 1 1000 | wc -l | tr -d ' ')" 1000; }
t_long_pipeline() {
	expect pipeline "$(seq 1 2000 | grep 7 | sort -rn | head -n 1)" 1997
}
t_redirect() {
	echo a > f && echo b >> f || return 1
	expect lines "$(wc -l < f | tr -d ' ')" 2 || return 1
	ls /nonexistent 2> err
	[ -s err ] || { echo "stderr not redirected"; return 1; }
	exec 3> g && echo x >&3 && exec 3>&-
	expect fd3 "$(cat g)" x
}
t_status() {
	false
	expect false "$?" 1 || return 1
	sh -c 'exit 7'
	expect exit "$?" 7
}
t_subst() { expect nested "$(echo "$(echo nested)")" nested; }
t_env() { expect env "$(FOO=bar sh -c 'echo $FOO')" bar; }
t_background_kill() {
	sleep 100 &
	pid=$!
	kill -0 "$pid" || { echo "background job not running"; return 1; }
	kill "$pid"
	wait "$pid"
	expect "wait status" "$?" 143
}
t_wait_many() {
	sh -c 'exit 3' &
	a=$!
	sh -c 'exit 4' &
	b=$!
	wait "$a"
	ra=$?
	wait "$b"
	rb=$?
	expect statuses "$ra $rb" "3 4"
}
uptime_cs() { read -r up _ < /proc/uptime && echo "${up%.*}${up#*.}"; }
t_sleep_timing() {
	t0=$(uptime_cs)
	sleep 1
	t1=$(uptime_cs)
	d=$((t1 - t0))
	[ "$d" -ge 90 ] && [ "$d" -lt 1000 ] && return 0
	echo "sleep 1 took ${d}0 ms"
	return 1
}
t_trap() {
	out=$(sh -c 'trap "echo caught" USR1; kill -USR1 $$; echo after')
	expect trap "$(echo $out)" "caught after"
}
t_read_loop() {
	sum=0
	while read -r x; do sum=$((sum + x)); done <<EOF
1
2
39
EOF
	expect sum "$sum" 42
}
t_xargs() { expect words "$(seq 1 10 | xargs echo | wc -w | tr -d ' ')" 10; }
t_dd_gzip_tar() {
	dd if=/dev/zero of=z bs=1024 count=100 2> /dev/null || return 1
	expect size "$(wc -c < z | tr -d ' ')" 102400 || return 1
	seq 1 5000 > s
	gzip -c s > s.gz && gunzip -c s.gz > s2 || return 1
	cmp s s2 || return 1
	mkdir -p tree/a/b && echo leaf > tree/a/b/f
	tar cf t.tar tree && rm -r tree && tar xf t.tar || return 1
	expect leaf "$(cat tree/a/b/f)" leaf
}
t_find_ln_mv() {
	mkdir -p a/b/c && touch a/b/c/f
	expect find "$(find a -name f)" a/b/c/f || return 1
	ln -s a/b/c/f link && expect readlink "$(readlink link)" a/b/c/f || return 1
	mv a/b/c/f a/moved && [ ! -e link ] && [ -f a/moved ] || return 1
	rm -r a && [ ! -e a ]
}
t_md5() {
	expect md5 "$(printf 'abc' | md5sum | cut -d' ' -f1)" \
		900150983cd24fb0d6963f7d28e17f72
}

check sh_c_echo_ls_status t_sh_c
check arithmetic t_arith
check pipeline_seq_wc t_pipeline
check long_pipeline t_long_pipeline
check redirections t_redirect
check exit_status t_status
check command_substitution t_subst
check environment t_env
check background_job_and_kill t_background_kill
check wait_for_several_jobs t_wait_many
check sleep_1_takes_a_second t_sleep_timing
check trap_catches_a_signal t_trap
check here_document_read_loop t_read_loop
check xargs t_xargs
check dd_gzip_tar_round_trip t_dd_gzip_tar
check find_ln_mv_rm t_find_ln_mv
check md5sum t_md5
exit $failed

#!/bin/sh
# make check: what review would otherwise catch by eye.
#   1. clang-format (.clang-format) on the C lines changed since HEAD, and
#      on new files not yet known to git;
#   2. the kernel built with clang (into build/clang);
#   3. every header under include/ and arch/x86/include/ compiled alone.
# Reports every failure and exits 1 if there was any.

cd "$(dirname "$0")/.." || exit 1
fail=0
note() { printf '%s\n' "$*"; }
bad() { note "FAIL $*"; fail=1; }

# -- 1. formatting ---------------------------------------------------------
check_format() {
	if ! command -v clang-format >/dev/null; then
		bad "format: clang-format missing (apt-get install -y clang-format)"
		return
	fi
	if git rev-parse -q --verify HEAD >/dev/null 2>&1; then
		if command -v git-clang-format >/dev/null; then
			out=$(git clang-format --diff HEAD -- '*.c' '*.h' 2>&1)
			case "$out" in
			""|*"no modified files"*|*"did not modify"*) ;;
			*) note "$out"; bad "format: changed lines differ from .clang-format" ;;
			esac
		else
			files=$(git diff --name-only --diff-filter=AM HEAD -- '*.c' '*.h')
			format_files $files
		fi
		new=$(git ls-files --others --exclude-standard -- '*.c' '*.h')
	else
		# No commit yet: every file is new.
		new=$(git ls-files --cached --others --exclude-standard -- '*.c' '*.h')
	fi
	format_files $new
}

format_files() {
	for f in "$@"; do
		[ -f "$f" ] || continue
		clang-format --dry-run -Werror "$f" 2>/dev/null ||
			bad "format: $f (clang-format -i $f)"
	done
}

# -- 2. clang build --------------------------------------------------------
check_clang() {
	if ! command -v clang >/dev/null; then
		bad "clang build: clang missing (apt-get install -y clang)"
		return
	fi
	log=build/clang/build.log
	mkdir -p build/clang
	if make --no-print-directory CC=clang BUILD=build/clang \
		build/clang/linnet >"$log" 2>&1; then
		note "ok   clang build"
	else
		grep -E 'error|warning' "$log" | head -20
		bad "clang build (full log: $log)"
	fi
}

# -- 3. headers compile alone -------------------------------------------------
check_headers() {
	kflags=$(make --no-print-directory -s print-kflags) || {
		bad "headers: cannot get the kernel flags"; return; }
	n=0
	for h in $(find include arch/x86/include -name '*.h' 2>/dev/null | sort); do
		n=$((n + 1))
		# shellcheck disable=SC2086
		out=$(echo "#include \"$PWD/$h\"" |
			gcc $kflags -x c -c -o /dev/null - 2>&1) ||
			{ echo "$out" | head -5; bad "header $h does not compile alone"; }
	done
	note "checked $n headers"
}

check_format
check_clang
check_headers
[ $fail -eq 0 ] && note "check: all passed" || note "check: FAILED"
exit $fail

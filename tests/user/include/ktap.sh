# KTAP helpers for the busybox scenario scripts (tests/user/*_test.sh),
# sourced with the subtest's name in $suite:
#
#	suite=busybox_shell
#	. "$(dirname "$0")/include/ktap.sh"
#
# (in the test VM the file sits at /tests/include/ktap.sh).
#
# It makes a scratch directory under /tmp and cds there (removed on
# exit), puts the busybox applets first in PATH outside the test VM (no
# UT_VM) so the host runs the same tools, and prints the subtest header:
# the plan is the number of "check" lines in the script.

if [ -z "$UT_VM" ]; then
	bbdir=$(mktemp -d) && busybox --install -s "$bbdir" && PATH=$bbdir:$PATH
fi
work=$(mktemp -d "/tmp/$suite.XXXXXX") || exit 1
cd "$work" || exit 1
trap 'cd /; rm -rf "$work" ${bbdir:+"$bbdir"}' EXIT

n=0
failed=0
echo "  KTAP version 1"
echo "  # Subtest: $suite"
echo "  1..$(grep -c '^check ' "$0")"

# check NAME FUNCTION: ok when FUNCTION returns 0; its output is shown
# as diagnostics when it fails.  The script ends with "exit $failed".
check() {
	n=$((n + 1))
	if out=$("$2" 2>&1); then
		echo "  ok $n $1"
	else
		echo "$out" | tail -n 5 | sed 's/^/    # /'
		echo "  not ok $n $1"
		failed=1
	fi
}

# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] && return 0
	echo "$1: got '$2', want '$3'"
	return 1
}

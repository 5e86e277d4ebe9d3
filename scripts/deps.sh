#!/bin/sh
# Check that the Debian packages Linnet builds and tests with are installed;
# install the missing ones when root, otherwise print the command and fail.
# Quiet and fast (one dpkg-query) when everything is there.

set -u

pkgs="gcc binutils make qemu-system-x86 musl-tools busybox-static cpio \
e2fsprogs python3 gdb"

# A command each package provides, for machines without dpkg.
probe() {
	case "$1" in
	binutils)		echo ld ;;
	qemu-system-x86)	echo qemu-system-x86_64 ;;
	musl-tools)		echo musl-gcc ;;
	busybox-static)		echo busybox ;;
	e2fsprogs)		echo mke2fs ;;
	*)			echo "$1" ;;
	esac
}

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
	# One call for all packages; a package never installed is absent from
	# the output (dpkg-query complains on stderr), a removed one shows a
	# status other than "ii".
	installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' \
		$pkgs 2>/dev/null | awk '$1 == "ii" { print $2 }')
	for p in $pkgs; do
		case " $(echo $installed) " in
		*" $p "*) ;;
		*) missing="$missing $p" ;;
		esac
	done
else
	for p in $pkgs; do
		command -v "$(probe "$p")" >/dev/null 2>&1 || missing="$missing $p"
	done
fi

[ -z "$missing" ] && exit 0
missing=${missing# }

if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing Debian packages: $missing" >&2
	echo "install them with:" >&2
	echo "  sudo apt-get install -y $missing" >&2
	exit 1
fi

echo "deps.sh: installing $missing"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y $missing </dev/null; then
	# A fresh machine has no package lists yet.
	apt-get update </dev/null && apt-get install -y $missing </dev/null || {
		echo "deps.sh: apt-get install failed for: $missing" >&2
		exit 1
	}
fi

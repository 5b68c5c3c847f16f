#!/usr/bin/env bash
# Prove a built .deb:
#   packaging/deb/check-deb.sh dist/casebook_<version>_amd64.deb [--chroot BASE_ROOT]
# 1. metadata and file list: paths, root ownership, launcher, desktop entry, icon;
# 2. `dpkg -x` into a fresh directory and run the extracted bundle's selftest;
# 3. with --chroot BASE_ROOT (a clean Debian 12 root, e.g. made once with
#    `debootstrap --variant=minbase bookworm BASE_ROOT`; needs root and network for the
#    dependencies): copy the root, `apt-get install ./casebook.deb` in it, run
#    `casebook selftest` and `casebook --version` as a normal user from /usr/bin, then
#    `apt-get remove` and check that the bundle is gone and the user's data is still there.
set -euo pipefail
deb=$(readlink -f "$1"); shift
base=""
if [ "${1:-}" = "--chroot" ]; then base=$(readlink -f "$2"); fi
work=$(mktemp -d)
cleanup() {
  if [ -n "$base" ] && mountpoint -q "$work/root/proc"; then umount "$work/root/proc"; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== 1. metadata"
dpkg-deb --field "$deb" Package Version Architecture Depends Installed-Size
contents=$(dpkg-deb --contents "$deb")
for path in ./opt/casebook/casebook ./usr/bin/casebook ./usr/share/applications/casebook.desktop \
  ./usr/share/icons/hicolor/256x256/apps/casebook.png ./usr/share/icons/hicolor/scalable/apps/casebook.svg \
  ./opt/casebook/_internal/app/storage/migrations/env.py; do
  grep -q " $path\$" <<<"$contents" || { echo "missing in package: $path" >&2; exit 1; }
done
if awk '{print $2}' <<<"$contents" | grep -v '^root/root$' | grep -q .; then
  echo "files not owned by root/root in the package" >&2; exit 1
fi
echo "ok: $(wc -l <<<"$contents") entries, all root/root"

echo "== 2. dpkg -x into a fresh directory, selftest of the extracted bundle"
dpkg -x "$deb" "$work/x"
mkdir -p "$work/home"
env -i HOME="$work/home" PATH=/nonexistent CASEBOOK_DATA_DIR="$work/home/data" \
  "$work/x/opt/casebook/casebook" selftest
[ -z "$base" ] && exit 0

echo "== 3. apt-get install in a copy of $base"
root="$work/root"
cp -a "$base" "$root"
cp "$deb" "$root/tmp/casebook.deb"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }
in_root apt-get update -qq
in_root /bin/sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/casebook.deb'
in_root dpkg -s casebook | grep -E '^(Status|Version):'
in_root useradd -m investigator
as_user() { chroot --userspec=investigator:investigator "$root" /usr/bin/env -i \
  PATH=/usr/bin:/bin HOME=/home/investigator "$@"; }
as_user casebook --version
as_user casebook selftest
as_user casebook --json case new --title "После установки" --region MSK --tz Europe/Moscow
if in_root /bin/sh -c 'command -v python3'; then echo "(the root has a python3)"; else echo "no python3 in the root: the bundle needs none"; fi
in_root /bin/sh -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq casebook'
[ ! -e "$root/opt/casebook" ] || { echo "/opt/casebook left behind after remove" >&2; exit 1; }
[ -f "$root/home/investigator/.local/share/casebook/casebook.sqlite3" ] \
  || { echo "the user's database did not survive the removal" >&2; exit 1; }
echo "ok: installed with apt, selftest passed as a user, removed cleanly, user data kept"

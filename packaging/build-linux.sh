#!/usr/bin/env bash
# Build CCEMA Desktop for Linux from a clean clone, with no Python needed on the machines it will run on:
#   dist/ccema-desktop/                                 one folder: ccema-desktop (app), ccema (command), _internal/
#   dist/ccema-desktop-VERSION-linux-x86_64.tar.gz      that folder, to unpack anywhere (or on a USB stick)
#   dist/ccema-desktop_VERSION_amd64.deb                with --deb: the same under /opt (xz, about 1 minute more)
# then checks the folder starts with an empty environment and no network. About a minute on this machine.
#
#     bash packaging/build-linux.sh [--deb]
# The full checks: CCEMA_TEST_PACKAGING=1 .venv/bin/python -m pytest -m packaging (see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
want_deb=0
for arg in "$@"; do
  case "$arg" in
    --deb) want_deb=1 ;;
    *) echo "usage: bash packaging/build-linux.sh [--deb]" >&2; exit 2 ;;
  esac
done

bash .ci/setup
.venv/bin/python -m pip install -q -e '.[dev,packaging]'
VERSION=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("ccema-desktop"))')
ARCH=$(uname -m)
DIST=dist/ccema-desktop

rm -rf build/pyinstaller "$DIST"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/ccema-desktop.spec
cp packaging/README-bundle.txt "$DIST/README.txt"

# Quick check: no variables but the offscreen screen and a home, and (when allowed) no network at all.
check_home=$(mktemp -d)
trap 'rm -rf "$check_home"' EXIT
isolate=()
if unshare -n true 2>/dev/null; then isolate=(unshare -n); fi
run_clean() { env -i HOME="$check_home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "${isolate[@]}" "$@"; }
run_clean "$DIST/ccema" --version
if ! smoke=$(run_clean "$DIST/ccema-desktop" --smoke-test --data-dir "$check_home/data" --lang ru 2>&1); then
  echo "$smoke" >&2
  echo "The built app failed its smoke test." >&2
  exit 1
fi
grep "smoke test passed" <<<"$smoke"

tarball="dist/ccema-desktop-$VERSION-linux-$ARCH.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner -C dist -czf "$tarball" ccema-desktop

deb=""
if ((want_deb)); then
  command -v dpkg-deb >/dev/null 2>&1 || { echo "--deb needs dpkg-deb" >&2; exit 1; }
  [ "$ARCH" = x86_64 ] || { echo "--deb is set up for x86_64 only" >&2; exit 1; }
  root=build/deb
  rm -rf "$root"
  mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications"
  cp -a "$DIST" "$root/opt/ccema-desktop"
  ln -s /opt/ccema-desktop/ccema-desktop "$root/usr/bin/ccema-desktop"
  ln -s /opt/ccema-desktop/ccema "$root/usr/bin/ccema"
  cp packaging/linux/ccema-desktop.desktop "$root/usr/share/applications/"
  size_kb=$(du -sk "$root" | cut -f1)
  # libraries copied from this machine need its glibc or newer
  glibc=$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)
  sed -e "s/@VERSION@/$VERSION/" -e "s/@SIZE@/$size_kb/" -e "s/@GLIBC@/$glibc/" \
    packaging/linux/control.in >"$root/DEBIAN/control"
  deb="dist/ccema-desktop_${VERSION}_amd64.deb"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
fi

echo
echo "Built CCEMA Desktop $VERSION in $(($(date +%s) - started)) s:"
echo "  $DIST/  $(du -sm "$DIST" | cut -f1) MiB"
echo "  $tarball  $(du -sm "$tarball" | cut -f1) MiB"
if [ -n "$deb" ]; then echo "  $deb  $(du -sm "$deb" | cut -f1) MiB"; fi
echo "Portable mode: create an empty file named ccema-portable next to ccema-desktop."

#!/usr/bin/env bash
# Writes THIRD_PARTY_LICENSES.txt to standard output: every module compiled
# into hoidong for the given targets, with the full text of each license
# file at the root of the module in the module cache, and those of Go,
# whose standard library and runtime are in every binary. Fails, naming
# each, when a module has no license file.
#
#   scripts/third-party-licenses.sh GOOS/GOARCH... > THIRD_PARTY_LICENSES.txt
#
# scripts/release.sh --licenses runs it for the release targets.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
  echo "usage: $0 GOOS/GOARCH..." >&2
  exit 2
fi

# Module path, version and folder of every package the program is built
# from, for every target: some packages are for one system only.
modules=$(
  for target in "$@"; do
    CGO_ENABLED=0 GOOS=${target%/*} GOARCH=${target#*/} go list -deps \
      -f '{{with .Module}}{{if not .Main}}{{.Path}}{{"\t"}}{{.Version}}{{"\t"}}{{.Dir}}{{end}}{{end}}' .
  done | LC_ALL=C sort -u
)

# licenseFiles lists the license files at the root of a folder: LICENSE,
# LICENCE, COPYING, NOTICE and PATENTS, with any suffix (LICENSE.txt,
# LICENSE-SQLITE).
licenseFiles() {
  find "$1" -maxdepth 1 -type f -printf '%f\n' |
    grep -iE '^(licen[cs]e|copying|notice|patents)([._-].*)?$' |
    LC_ALL=C sort || true
}

missing=0
while IFS=$'\t' read -r path version dir; do
  if [ -z "$dir" ] || [ -z "$(licenseFiles "$dir")" ]; then
    echo "error: module $path $version has no license file (in ${dir:-no folder: not downloaded})" >&2
    missing=1
  fi
done <<<"$modules"
goroot=$(go env GOROOT)
if [ ! -f "$goroot/LICENSE" ]; then
  echo "error: Go has no license file in $goroot" >&2
  missing=1
fi
if [ "$missing" -ne 0 ]; then
  echo "error: every module in the program must name its license; THIRD_PARTY_LICENSES.txt not written" >&2
  exit 1
fi

rule() { printf '%s\n' "$(printf '%*s' 78 '' | tr ' ' "$1")"; }

# section writes the license files of one folder under a title.
section() {
  local title=$1 dir=$2 file
  while IFS= read -r file; do
    echo
    rule '='
    echo "$title — $file"
    rule '-'
    cat "$dir/$file"
    # A file that does not end its last line.
    [ -z "$(tail -c 1 "$dir/$file")" ] || echo
  done < <(licenseFiles "$dir")
}

cat <<EOF
GIẤY PHÉP CỦA PHẦN MỀM BÊN THỨ BA — THIRD-PARTY LICENSES

Chương trình hoidong gồm mã của chính hoidong (giấy phép MIT, xem tệp
LICENSE) và mã của các phần mềm dưới đây, mỗi phần mềm theo giấy phép của
mình; toàn văn các giấy phép ở sau danh sách.

The hoidong program holds the code of hoidong itself (MIT license, see
LICENSE) and the code of the software listed below, each under its own
license; the full text of every license follows the list.

Bản dựng cho / built for: $*

  Go (thư viện chuẩn, runtime — standard library, runtime)
EOF
while IFS=$'\t' read -r path version dir; do
  echo "  $path $version"
done <<<"$modules"

section "Go (standard library, runtime)" "$goroot"
while IFS=$'\t' read -r path version dir; do
  section "$path $version" "$dir"
done <<<"$modules"

#!/usr/bin/env bash
# Builds the release of hoidong into dist/: for each target, an archive
# holding the program, LICENSE, THIRD_PARTY_LICENSES.txt and DOC-TRUOC.txt
# (how to start it, in Vietnamese) — a .zip for Windows, a .tar.gz for
# Linux — the bare program beside it, and SHA256SUMS for them all.
#
#   scripts/release.sh [VERSION]   build the committed HEAD as VERSION
#                                  (1.2.0; default: HEAD's tag v1.2.0)
#   scripts/release.sh --licenses  rewrite THIRD_PARTY_LICENSES.txt
#   scripts/release.sh --check     fail if THIRD_PARTY_LICENSES.txt is
#                                  out of date (quick; CI runs it)
#
# The programs are built from a fresh clone of HEAD, never from the work
# tree, so each holds exactly the commit it names: CGO_ENABLED=0,
# -trimpath, -ldflags "-s -w -X main.version=VERSION", and the commit and
# its time recorded by go build (hoidong --version shows them). Archives
# are dated at the commit's time, so the same commit gives the same bytes.
set -euo pipefail

targets=(windows/amd64 windows/arm64 linux/amd64 linux/arm64)

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"

die() {
  echo "release: $*" >&2
  exit 1
}

# licenses writes THIRD_PARTY_LICENSES.txt for the targets to a file,
# only when the generator succeeds.
licenses() {
  local out=$1
  scripts/third-party-licenses.sh "${targets[@]}" >"$out.tmp" || {
    rm -f "$out.tmp"
    die "THIRD_PARTY_LICENSES.txt could not be made (see above)"
  }
  mv "$out.tmp" "$out"
}

# checkLicenses fails when the committed THIRD_PARTY_LICENSES.txt is not
# what the generator makes now.
checkLicenses() {
  local fresh
  fresh=$(mktemp)
  licenses "$fresh"
  if ! cmp -s "$fresh" THIRD_PARTY_LICENSES.txt; then
    diff -u THIRD_PARTY_LICENSES.txt "$fresh" | head -40 >&2 || true
    rm -f "$fresh"
    die "THIRD_PARTY_LICENSES.txt is out of date: run scripts/release.sh --licenses and commit it"
  fi
  rm -f "$fresh"
}

case "${1:-}" in
--licenses)
  licenses THIRD_PARTY_LICENSES.txt
  echo "THIRD_PARTY_LICENSES.txt written"
  exit 0
  ;;
--check)
  checkLicenses
  echo "release: THIRD_PARTY_LICENSES.txt is up to date"
  exit 0
  ;;
-*)
  die "unknown option $1 (usage: scripts/release.sh [VERSION | --licenses | --check])"
  ;;
esac

for tool in git go zip tar gzip sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is needed (Debian: apt-get install $tool)"
done

version=${1:-}
if [ -z "$version" ]; then
  tag=$(git describe --tags --exact-match --match 'v[0-9]*' HEAD 2>/dev/null) ||
    die "HEAD has no version tag (v1.2.0): tag it, or name the version: scripts/release.sh 1.2.0"
  version=$tag
fi
version=${version#v}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
  die "version $version is not of the form 1.2.0 or 1.2.0-rc.1"

if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  die "the work tree has uncommitted changes; the release is built from HEAD alone: commit or stash them"
fi
checkLicenses

commit=$(git rev-parse HEAD)
epoch=$(git show -s --format=%ct HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-checkout "$root" "$work/src"
git -C "$work/src" checkout --quiet --detach "$commit"

# docTruoc writes DOC-TRUOC.txt, how to start the program, for one target.
docTruoc() {
  local goos=$1 goarch=$2
  echo "hoidong $version — điều hành phiên họp Hội đồng Thi đua – Khen thưởng"
  echo
  if [ "$goos" = windows ]; then
    cat <<'EOF'
Cần Windows 10 hoặc 11.

BẮT ĐẦU

1. Giải nén cả tệp zip vào một thư mục trên ổ đĩa của máy, ví dụ
   C:\HoiDong (nhấp phải vào tệp zip > Extract All / Giải nén tất cả).
   Đừng chạy chương trình ngay trong tệp zip, và đừng đặt thư mục này
   trên ổ mạng.
2. Nhấp đúp hoidong.exe. Chương trình mở phiên họp trong tệp hoidong.db
   ở cùng thư mục; lần đầu, tệp được tạo và chương trình hỏi dùng kế
   hoạch mẫu hay tệp kế hoạch của đơn vị.
   Nếu Windows báo "Windows đã bảo vệ PC của bạn" (chương trình chưa có
   chữ ký số): hãy kiểm tra mã SHA-256 (dưới đây), rồi chọn "Thông tin
   thêm" (More info) > "Vẫn chạy" (Run anyway).
3. Cách khác, để đọc được thông báo của chương trình sau khi nó đóng:
   mở thư mục, nhấp phải vào chỗ trống > "Mở trong Terminal" (Open in
   Terminal), rồi gõ:
       .\hoidong.exe demo                 thử với một phiên họp mẫu
       .\hoidong.exe --db hop-2026.db     mở (hoặc tạo) tệp hop-2026.db
       .\hoidong.exe help                 mọi lệnh
       .\hoidong.exe --version            phiên bản

KIỂM TRA TỆP TẢI VỀ

Trong Terminal, ở thư mục của chương trình:
    certutil -hashfile hoidong.exe SHA256
Dãy ký tự in ra phải trùng với dòng của tệp .exe cùng phiên bản trong
SHA256SUMS, tải từ cùng nơi phát hành.

TIẾNG VIỆT TRÊN MÀN HÌNH

Windows Terminal hiển thị đúng tiếng Việt. Trong cửa sổ dòng lệnh cũ,
chọn phông Unicode (Cascadia Mono hoặc Consolas): nhấp phải thanh tiêu
đề > Properties (Thuộc tính) > Font (Phông chữ).
EOF
  else
    cat <<EOF
BẮT ĐẦU

1. Giải nén trong một thư mục trên ổ đĩa của máy (không phải ổ mạng):
       tar -xzf hoidong_${version}_linux_${goarch}.tar.gz
       cd hoidong_${version}_linux_${goarch}
2. Rồi:
       ./hoidong demo                 thử với một phiên họp mẫu
       ./hoidong                      mở (hoặc tạo) phiên họp trong hoidong.db
       ./hoidong --db hop-2026.db     mở (hoặc tạo) tệp hop-2026.db
       ./hoidong help                 mọi lệnh
       ./hoidong --version            phiên bản

KIỂM TRA TỆP TẢI VỀ

    sha256sum hoidong
Dãy ký tự in ra phải trùng với dòng của chương trình cùng phiên bản
trong SHA256SUMS, tải từ cùng nơi phát hành (hoặc, trong thư mục chứa
các tệp tải về: sha256sum -c --ignore-missing SHA256SUMS).
EOF
  fi
  cat <<'EOF'

TỆP PHIÊN HỌP

Mỗi phiên họp là một tệp (mặc định hoidong.db, ở thư mục đang mở chương
trình); mọi thao tác được ghi ngay vào tệp, không cần lưu. Sao chép tệp
để lưu trữ sau khi đóng chương trình. Tài liệu xuất ra nằm trong thư mục
bien-ban cạnh tệp phiên họp.

LICENSE: giấy phép của hoidong (MIT).
THIRD_PARTY_LICENSES.txt: giấy phép của các phần mềm mà hoidong dùng.
EOF
}

rm -rf dist
mkdir -p dist
for target in "${targets[@]}"; do
  goos=${target%/*} goarch=${target#*/}
  name=hoidong_${version}_${goos}_${goarch}
  exe=hoidong
  if [ "$goos" = windows ]; then
    exe=hoidong.exe
  fi
  pkg=$work/pkg/$name
  mkdir -p "$pkg"
  echo "release: building $name"
  (cd "$work/src" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build \
    -buildvcs=true -trimpath -ldflags "-s -w -X main.version=$version" -o "$pkg/$exe" .)
  cp "$work/src/LICENSE" "$work/src/THIRD_PARTY_LICENSES.txt" "$pkg/"
  if [ "$goos" = windows ]; then
    # Notepad reads it as UTF-8 and breaks its lines.
    { printf '\xef\xbb\xbf'; docTruoc "$goos" "$goarch" | sed 's/$/\r/'; } >"$pkg/DOC-TRUOC.txt"
  else
    docTruoc "$goos" "$goarch" >"$pkg/DOC-TRUOC.txt"
  fi
  chmod 0755 "$pkg/$exe"
  chmod 0644 "$pkg/LICENSE" "$pkg/THIRD_PARTY_LICENSES.txt" "$pkg/DOC-TRUOC.txt"
  touch -d "@$epoch" "$pkg" "$pkg"/*
  if [ "$goos" = windows ]; then
    # The files at the top of the zip: Windows' Extract All makes the folder.
    (cd "$pkg" && TZ=UTC zip -q -X -9 "$root/dist/$name.zip" "$exe" DOC-TRUOC.txt LICENSE THIRD_PARTY_LICENSES.txt)
    cp "$pkg/$exe" "dist/$name.exe"
  else
    tar -C "$work/pkg" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
      -cf - "$name" | gzip -n -9 >"dist/$name.tar.gz"
    cp "$pkg/$exe" "dist/$name"
  fi
done

(cd dist && sha256sum -- * >SHA256SUMS && sha256sum --quiet -c SHA256SUMS)

# The program built for this machine, if any, must say what it is.
host=dist/hoidong_${version}_$(go env GOOS)_$(go env GOARCH)
if [ -x "$host" ]; then
  said=$("$host" --version)
  [[ $said == "hoidong $version (commit ${commit:0:7}, "* ]] ||
    die "$host --version says \"$said\", not hoidong $version (commit ${commit:0:7}, …)"
  echo "release: $host --version: $said"
fi
echo "release: hoidong $version, commit $commit, in dist/:"
ls -l dist

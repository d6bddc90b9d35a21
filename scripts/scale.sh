#!/usr/bin/env bash
# Measures the commands of a provincial sitting with /usr/bin/time: builds
# hoidong, generates a meeting (default 5,000 nominees, 31 members, four
# closed rounds of 500), verifies and exports it, and imports a
# registration table of 10,000 rows (CSV and XLSX) into a fresh meeting
# of the same plan. Prints each step's wall time and peak memory (maximum
# resident set size).
#
#   scripts/scale.sh [NOMINEES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."

nominees=${1:-5000}
rounds=${2:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
  echo "scale.sh needs /usr/bin/time (Debian: apt-get install time)" >&2
  exit 1
fi

go build -o "$work/hoidong" .
bin="$work/hoidong"

# measure NAME COMMAND…: runs the command and prints its figures.
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
    cat "$work/err.txt" >&2
    exit 1
  }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  printf '%-34s %10s s %8d MB\n' "$name" "$wall" $((rss / 1024))
}

echo "$(nproc) CPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
measure "demo --nominees $nominees (generate)" "$bin" demo --nominees "$nominees" --members 31 --rounds "$rounds" \
  --seed 1 --db "$work/hop.db" --no-open
measure "verify" "$bin" verify --db "$work/hop.db"
measure "export (every document, format)" "$bin" export --db "$work/hop.db" --out "$work/bien-ban"
echo "documents: $(find "$work/bien-ban" -type f | wc -l) files, $(du -sh "$work/bien-ban" | cut -f1)"

# A registration table of 10,000 rows for a meeting of the same plan.
go test . -run '^TestScaleImportFixture$' -count=1 -args -fixture-dir "$work" >/dev/null
for table in dang-ky.csv dang-ky.xlsx; do
  cp "$work/empty.db" "$work/import.db"
  measure "import 10,000 rows ($table)" "$bin" import --db "$work/import.db" "$work/$table"
done

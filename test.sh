#!/usr/bin/env bash
# ServicePlan's single test command.
#
#   ./test.sh           install missing system packages, build, run every test on SQLite, then the
#                       Database tests again on a throwaway PostgreSQL server
#   ./test.sh --quick   the same without the PostgreSQL run
#
# System packages (Debian): chromium, postgresql, libreoffice-writer, libreoffice-calc,
# poppler-utils, fonts-liberation, nodejs/npm. Installed with apt-get when missing and running
# as root; otherwise the script names what to install and stops.
#
# The last line of output is "N passed, N failed, N skipped" over all runs. The exit status is
# non-zero when a test failed or a step (install, build, a test run) failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "test.sh: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
deb_installed() {
  have dpkg-query && [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}
has_postgres_server() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then return 0; fi
  done
  # Not Debian's layout (Homebrew, source build): server binaries on PATH.
  have pg_ctl && have initdb && have postgres
}

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/serviceplan-test.XXXXXX")
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() { rm -rf "$RESULTS"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------- 1. system packages
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "$quick" -eq 0 ] && ! has_postgres_server; then missing+=(postgresql); fi
if ! have libreoffice && ! have soffice; then
  missing+=(libreoffice-writer libreoffice-calc)
elif have dpkg-query; then
  deb_installed libreoffice-writer || missing+=(libreoffice-writer)
  deb_installed libreoffice-calc || missing+=(libreoffice-calc)
fi
have pdftotext || missing+=(poppler-utils)
if ! deb_installed fonts-liberation && [ ! -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; then
  missing+=(fonts-liberation)
fi
have npm || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing system packages: ${missing[*]}" >&2
    echo "test.sh: install them, then run ./test.sh again:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  step "Installing missing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$RESULTS/apt.log"
  if ! apt-get -q update >"$apt_log" 2>&1; then
    echo "test.sh: warning: apt-get update reported errors; trying the install anyway" >&2
    tail -n 5 "$apt_log" >&2
  fi
  if ! apt-get -q install -y --no-install-recommends -o DPkg::Lock::Timeout=300 \
       -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
       "${missing[@]}" >>"$apt_log" 2>&1; then
    echo "test.sh: apt-get install failed; last lines of its output:" >&2
    tail -n 40 "$apt_log" >&2
    exit 1
  fi
  echo "installed."
fi

# Re-check after the install: a package that installed but did not provide the tool is an error.
problems=()
[ -x /usr/bin/chromium ] || problems+=("/usr/bin/chromium (package chromium)")
if [ "$quick" -eq 0 ] && ! has_postgres_server; then problems+=("PostgreSQL server binaries (package postgresql)"); fi
have libreoffice || have soffice || problems+=("libreoffice/soffice (packages libreoffice-writer, libreoffice-calc)")
have pdftotext || problems+=("pdftotext (package poppler-utils)")
have npm || problems+=("npm (packages nodejs, npm)")
if [ ${#problems[@]} -gt 0 ]; then
  printf 'test.sh: still missing after install: %s\n' "${problems[@]}" >&2
  exit 1
fi

# ---------------------------------------------------------------- counting
total_passed=0
total_failed=0
total_skipped=0
step_failures=()

# Adds the results of every .trx file in a directory to the totals; sets trx_files.
trx_files=0
count_results() {
  local dir=$1 f counters total executed passed failed
  trx_files=0
  for f in "$dir"/*.trx; do
    [ -e "$f" ] || continue
    trx_files=$((trx_files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -n1 || true)
    attr() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    total=$(attr total); executed=$(attr executed); passed=$(attr passed); failed=$(attr failed)
    total=${total:-0}; executed=${executed:-0}; passed=${passed:-0}; failed=${failed:-0}
    # error/timeout/aborted results count as failures too.
    local extra
    for extra in error timeout aborted; do
      local v; v=$(attr "$extra"); failed=$((failed + ${v:-0}))
    done
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    # xunit's skipped tests are in the total but never executed.
    total_skipped=$((total_skipped + total - executed))
  done
}

# run_tests NAME COMMAND... : runs one `dotnet test` (possibly wrapped), collects its .trx files.
run_tests() {
  local name=$1; shift
  local dir="$RESULTS/$name" rc=0
  mkdir -p "$dir"
  "$@" --no-build -c Debug -tl:off \
    --results-directory "$dir" \
    --logger "trx" \
    --logger "console;verbosity=minimal" \
    --blame-hang-timeout "${TEST_HANG_TIMEOUT:-15m}" --blame-hang-dump-type none \
    || rc=$?
  local failed_before=$total_failed
  count_results "$dir"
  if [ "$rc" -ne 0 ]; then
    if [ "$total_failed" -gt "$failed_before" ]; then
      step_failures+=("$name run: $((total_failed - failed_before)) test(s) failed (see 'Failed' above)")
    else
      # Counted as one failure so that the closing line agrees with the exit status.
      total_failed=$((total_failed + 1))
      step_failures+=("$name run: dotnet test exited with status $rc although no test result failed (crash, hang timeout or setup error: see above); counted as 1 failure")
    fi
  elif [ "$trx_files" -eq 0 ]; then
    echo "test.sh: note: the $name run produced no test results"
  fi
}

# ---------------------------------------------------------------- 2. build
step "Restoring packages exactly as packages.lock.json records them, then building ServicePlan.slnx (Debug)"
build_ok=1
dotnet restore ServicePlan.slnx --locked-mode -v minimal -tl:off || build_ok=0
if [ "$build_ok" -eq 1 ]; then
  dotnet build ServicePlan.slnx --no-restore -c Debug -v minimal -tl:off -nologo || build_ok=0
fi

if [ "$build_ok" -eq 1 ]; then
  # ------------------------------------------------------------ code style, as the build rules say
  step "Checking formatting (dotnet format --verify-no-changes)"
  if ! dotnet format ServicePlan.slnx --verify-no-changes --no-restore -v quiet; then
    total_failed=$((total_failed + 1))
    step_failures+=("format: dotnet format found changes to make; run 'dotnet format ServicePlan.slnx' and commit; counted as 1 failure")
  fi

  # ------------------------------------------------------------ 3. all tests on SQLite
  step "Running all tests (SQLite)"
  run_tests sqlite env -u SERVICEPLAN_TEST_POSTGRES dotnet test ServicePlan.slnx

  # ------------------------------------------------------------ 4. Database tests on PostgreSQL
  if [ "$quick" -eq 1 ]; then
    step "Skipping the PostgreSQL run (--quick)"
  else
    step "Running the Database tests on a throwaway PostgreSQL server"
    run_tests postgres bash scripts/postgres-test-cluster.sh \
      dotnet test tests/ServicePlan.IntegrationTests --filter "Category=Database"
  fi
else
  total_failed=$((total_failed + 1))
  step_failures+=("build: dotnet restore --locked-mode or dotnet build failed (errors above; a changed package needs 'dotnet restore ServicePlan.slnx' and the new packages.lock.json committed); no test was run; counted as 1 failure")
fi

# ---------------------------------------------------------------- 5. summary
echo
if [ ${#step_failures[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${step_failures[@]}"
fi
status=0
if [ "$total_failed" -gt 0 ] || [ ${#step_failures[@]} -gt 0 ]; then status=1; fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit "$status"

#!/usr/bin/env bash
# The test command: runs every test project in LoyaltyFunctions.sln against a private Azurite.
#   ./scripts/test.sh                      everything
#   ./scripts/test.sh --filter Ledger      extra arguments go to `dotnet test`
# Ends with one line "N passed, N failed, N skipped" summed from the TRX results, which stay in test-results/
# with the merchant console's screenshots. Exits non-zero
# when a test fails, the build fails, Azurite cannot start, or no test ran at all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/loyalty-test.XXXXXX")"
results_dir="$work_dir/results"
# The TRX files and the console's browser screenshots (console-screenshots/) are written to this run's own directory
# (so two runs never count each other's results) and copied to test-results/ when the run ends.
kept_results="$PWD/test-results"
export LOYALTY_TEST_RESULTS="$results_dir"
# A state dir of its own, so a developer's `scripts/azurite.sh start` instance is left alone.
export AZURITE_STATE_DIR="$work_dir/azurite"

cleanup() {
    scripts/azurite.sh stop 2>/dev/null || true
    if [[ -d "$results_dir" ]]; then
        rm -rf "$kept_results"
        cp -r "$results_dir" "$kept_results" || true
    fi
    rm -rf "$work_dir"
}
# On Ctrl+C dotnet test cancels its run itself; bash then runs the INT trap, and EXIT stops Azurite.
trap cleanup EXIT
trap 'echo "test.sh: interrupted." >&2; exit 130' INT
trap 'echo "test.sh: terminated." >&2; exit 143' TERM

if [[ ! -x node_modules/.bin/azurite ]]; then
    echo "test.sh: installing Azurite (npm ci)" >&2
    npm ci --no-audit --no-fund
fi

# PowerShell, pinned in .config/dotnet-tools.json: the hook tests run the Windows versions of the azd hooks with it.
if ! dotnet tool restore --verbosity quiet >/dev/null; then
    echo "test.sh: FAILED: dotnet tool restore (PowerShell for the azd hook tests) failed; no test was run." >&2
    exit 1
fi

if ! scripts/azurite.sh start >/dev/null; then
    echo "test.sh: FAILED: Azurite did not start; no test was run." >&2
    exit 1
fi
LOYALTY_TEST_STORAGE="$(scripts/azurite.sh connection-string)"
export LOYALTY_TEST_STORAGE

test_exit=0
dotnet test LoyaltyFunctions.sln \
    --logger "console;verbosity=normal" \
    --logger trx \
    --results-directory "$results_dir" \
    "$@" || test_exit=$?

summary="$(python3 - "$results_dir" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

totals = {"executed": 0, "passed": 0, "failed": 0, "skipped": 0}
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    counters = next(e for e in ET.parse(path).iter() if e.tag.endswith("Counters"))
    n = lambda name: int(counters.get(name, "0"))
    totals["executed"] += n("executed")
    totals["passed"] += n("passed")
    totals["failed"] += n("failed") + n("error") + n("timeout") + n("aborted")
    # Skipped tests are in total but not in executed (VSTest leaves notExecuted at 0).
    totals["skipped"] += n("total") - n("executed")
print(totals["executed"], f'{totals["passed"]} passed, {totals["failed"]} failed, {totals["skipped"]} skipped')
PY
)"
executed="${summary%% *}"

echo
echo "${summary#* }"

if ((test_exit != 0)); then
    exit "$test_exit"
fi
if ((executed == 0)); then
    echo "test.sh: FAILED: no test was executed." >&2
    exit 1
fi

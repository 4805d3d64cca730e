#!/usr/bin/env bash
# Runs the whole app locally without Azure Functions Core Tools: Azurite plus the dev host
# (functions/Loyalty.DevHost) on http://127.0.0.1:7071. See docs/devhost.md.
#
#   ./run.sh                 start; the first start creates a demo tenant and prints its keys
#   ./run.sh --seed-demo     also fill the demo tenant with members and 18 months of purchases
#   ./run.sh --reset         forget all local data (Azurite's, the demo keys, the local phone-hash key) first
#
# Other arguments go to the dev host, e.g. `./run.sh --urls http://127.0.0.1:7072`.
# Ctrl+C or SIGTERM stops everything this script started. Data lives in .devhost/ (git-ignored)
# and survives restarts; Durable orchestrations do not (they run in memory).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo_root="$PWD"
state_dir="$repo_root/.devhost"

log() { echo "run.sh: $*" >&2; }

host_args=()
for arg in "$@"; do
    if [[ "$arg" == "--reset" ]]; then
        log "removing local data in $state_dir"
        rm -rf "$state_dir/azurite" "$state_dir/demo-keys.json" "$state_dir/phone-hash-key"
    else
        host_args+=("$arg")
    fi
done
if [[ " ${host_args[*]-} " != *" --urls "* ]]; then
    host_args+=(--urls "http://127.0.0.1:7071")
fi

# Azurite comes from scripts/azurite.sh, its data kept in .devhost/azurite, on its usual ports when
# they are free, so UseDevelopmentStorage=true (and Storage Explorer) work as is.
export AZURITE_STATE_DIR="$state_dir/azurite-process"
export AZURITE_LOCATION="$state_dir/azurite"
export AZURITE_PORTS="10000 10001 10002"

child_pid=""
azurite_started=""
# A process and everything it started (a build's worker nodes, say), children first.
process_tree() {
    local child
    for child in $(pgrep -P "$1" 2>/dev/null); do
        process_tree "$child"
    done
    echo "$1"
}
stop_pid() {
    local pid="$1" tree
    [[ -n "$pid" ]] || return 0
    mapfile -t tree < <(process_tree "$pid")
    kill -TERM "${tree[@]}" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    log "pid $pid ignored SIGTERM for 10 s; killing it"
    kill -KILL "${tree[@]}" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    trap - EXIT INT TERM
    stop_pid "$child_pid"
    if [[ -n "$azurite_started" ]]; then
        scripts/azurite.sh stop 2>/dev/null || true
        log "stopped"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Each step runs in the background while this shell waits for it: bash runs a trap only once the
# foreground command has finished, but it interrupts a wait at once, so Ctrl+C or SIGTERM during
# a minute-long build still stops everything right away.
in_background() {
    "$@" &
    child_pid=$!
    local status=0
    wait "$child_pid" || status=$?
    child_pid=""
    return "$status"
}

start_azurite() { scripts/azurite.sh start >/dev/null; }
build_dev_host() { dotnet build functions/Loyalty.DevHost/Loyalty.DevHost.csproj --nologo >"$state_dir/build.log" 2>&1; }

mkdir -p "$state_dir"
azurite_started=1
if ! in_background start_azurite; then
    log "FAILED: Azurite did not start"
    exit 1
fi
# Every setting that says UseDevelopmentStorage=true is pointed here; the settings file stays as func start reads it.
DevHost__DevelopmentStorage="$(scripts/azurite.sh connection-string)"
export DevHost__DevelopmentStorage
export DevHost__StateDirectory="$state_dir"
log "Azurite's data is in $AZURITE_LOCATION"

log "building the dev host"
if ! in_background build_dev_host; then
    grep -E "error" "$state_dir/build.log" >&2 || cat "$state_dir/build.log" >&2
    log "FAILED: the build failed; full log in $state_dir/build.log"
    exit 1
fi
# Run the built app itself rather than `dotnet run`, so this script's TERM reaches it directly.
in_background dotnet functions/Loyalty.DevHost/bin/Debug/net10.0/Loyalty.DevHost.dll "${host_args[@]}"

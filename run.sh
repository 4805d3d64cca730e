#!/usr/bin/env bash
# Runs the whole app locally without Azure Functions Core Tools: Azurite plus the dev host
# (functions/Loyalty.DevHost) on http://127.0.0.1:7071. See docs/devhost.md.
#
#   ./run.sh                 start; the first start creates a demo tenant and prints its keys
#   ./run.sh --seed-demo     also fill the demo tenant with members and 18 months of purchases
#   ./run.sh --reset         forget all local data (Azurite's and the demo keys) first
#
# Other arguments go to the dev host, e.g. `./run.sh --urls http://127.0.0.1:7072`.
# Ctrl+C stops everything this script started. Data lives in .devhost/ (git-ignored) and
# survives restarts; Durable orchestrations do not (they run in memory).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo_root="$PWD"
state_dir="$repo_root/.devhost"
azurite_bin="$repo_root/node_modules/.bin/azurite"

# The well-known development account Azurite ships with; not a secret.
account_name="devstoreaccount1"
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

log() { echo "run.sh: $*" >&2; }

host_args=()
for arg in "$@"; do
    if [[ "$arg" == "--reset" ]]; then
        log "removing local data in $state_dir"
        rm -rf "$state_dir/azurite" "$state_dir/demo-keys.json"
    else
        host_args+=("$arg")
    fi
done
if [[ " ${host_args[*]-} " != *" --urls "* ]]; then
    host_args+=(--urls "http://127.0.0.1:7071")
fi

azurite_pid=""
host_pid=""
stop_pid() {
    local pid="$1"
    [[ -n "$pid" ]] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    log "pid $pid ignored SIGTERM for 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    trap - EXIT INT TERM
    stop_pid "$host_pid"
    stop_pid "$azurite_pid"
    [[ -z "$azurite_pid" ]] || log "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ ! -x "$azurite_bin" ]]; then
    log "installing Azurite (npm ci)"
    npm ci --no-audit --no-fund >&2
fi

# Azurite's usual ports when free, so UseDevelopmentStorage=true (and Storage Explorer) work as is.
if ! port_open 10000 && ! port_open 10001 && ! port_open 10002; then
    blob_port=10000 queue_port=10001 table_port=10002
else
    read -r blob_port queue_port table_port < <(node -e '
        const net = require("net");
        const servers = [0, 1, 2].map(() => net.createServer());
        Promise.all(servers.map(s => new Promise(r => s.listen(0, "127.0.0.1", () => r(s.address().port)))))
            .then(ports => { console.log(ports.join(" ")); servers.forEach(s => s.close()); });')
fi

mkdir -p "$state_dir/azurite"
# Started directly (not through npx) so that one PID is Azurite itself and one signal stops it.
"$azurite_bin" --silent --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry \
    --location "$state_dir/azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" \
    >"$state_dir/azurite.log" 2>&1 </dev/null &
azurite_pid=$!

deadline=$((SECONDS + 60))
until port_open "$blob_port" && port_open "$queue_port" && port_open "$table_port"; do
    if ! kill -0 "$azurite_pid" 2>/dev/null; then
        log "FAILED: Azurite exited during startup. Its log:"
        cat "$state_dir/azurite.log" >&2
        azurite_pid=""
        exit 1
    fi
    if ((SECONDS >= deadline)); then
        log "FAILED: Azurite did not open its ports within 60 s; log in $state_dir/azurite.log"
        exit 1
    fi
    sleep 0.2
done
log "Azurite (pid $azurite_pid) on blob $blob_port, queue $queue_port, table $table_port; data in $state_dir/azurite"

endpoint="http://127.0.0.1"
# Every setting that says UseDevelopmentStorage=true is pointed here; the settings file stays as func start reads it.
export DevHost__DevelopmentStorage="DefaultEndpointsProtocol=http;AccountName=$account_name;AccountKey=$account_key;BlobEndpoint=$endpoint:$blob_port/$account_name;QueueEndpoint=$endpoint:$queue_port/$account_name;TableEndpoint=$endpoint:$table_port/$account_name;"
export DevHost__StateDirectory="$state_dir"

log "building the dev host"
if ! dotnet build functions/Loyalty.DevHost/Loyalty.DevHost.csproj --nologo >"$state_dir/build.log" 2>&1; then
    grep -E "error" "$state_dir/build.log" >&2 || cat "$state_dir/build.log" >&2
    log "FAILED: the build failed; full log in $state_dir/build.log"
    exit 1
fi
# Run the built app itself rather than `dotnet run`, so Ctrl+C and this script's TERM reach it directly.
dotnet functions/Loyalty.DevHost/bin/Debug/net10.0/Loyalty.DevHost.dll "${host_args[@]}" &
host_pid=$!
host_exit=0
wait "$host_pid" || host_exit=$?
host_pid=""
exit "$host_exit"

#!/usr/bin/env bash
# Starts and stops a private Azurite (the Azure Storage emulator) for tests and local runs.
#
#   scripts/azurite.sh start    start on three free loopback ports; stdout gets only
#                               `export LOYALTY_TEST_STORAGE='...'` lines, so
#                               `eval "$(scripts/azurite.sh start)"` works
#   scripts/azurite.sh stop     stop it and remove its state
#   scripts/azurite.sh status   print the running instance's exports, or exit 1
#   scripts/azurite.sh connection-string
#
# State (pid, ports, connection string, log) lives in $AZURITE_STATE_DIR, default .azurite/
# (git-ignored). Give each concurrent instance its own state dir.
# Data is in memory unless $AZURITE_LOCATION names a folder to keep it in.
# $AZURITE_PORTS="blob queue table" asks for those ports (e.g. "10000 10001 10002", the ones
# UseDevelopmentStorage=true means); if one is taken, Azurite starts on free ports instead.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state_dir="${AZURITE_STATE_DIR:-$repo_root/.azurite}"
azurite_bin="$repo_root/node_modules/.bin/azurite"
start_timeout_seconds="${AZURITE_START_TIMEOUT:-60}"
data_location="${AZURITE_LOCATION:-}"
wanted_ports="${AZURITE_PORTS:-0 0 0}"

# The well-known development account key Azurite ships with; not a secret.
account_name="devstoreaccount1"
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

log() { echo "azurite.sh: $*" >&2; }

is_running() {
    [[ -f "$state_dir/pid" ]] && kill -0 "$(cat "$state_dir/pid")" 2>/dev/null
}

print_exports() {
    echo "export LOYALTY_TEST_STORAGE='$(cat "$state_dir/connection-string")'"
    echo "export AZURITE_PID=$(cat "$state_dir/pid")"
}

# The port a service reported in Azurite's log ("... service is successfully listening at http://127.0.0.1:PORT").
listening_port() {
    sed -n "s|^Azurite $1 service is successfully listening at http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p" "$state_dir/azurite.log" | head -n 1
}

# Starts Azurite on the given ports (0 = let the system pick a free one, so nothing can take it
# between choosing and binding) and waits until it reports all three. Exit status: 0 started,
# 2 a port was already in use, 1 anything else.
launch() {
    local blob_port="$1" queue_port="$2" table_port="$3"
    local persistence=(--inMemoryPersistence)
    [[ -z "$data_location" ]] || { mkdir -p "$data_location"; persistence=(--location "$data_location"); }

    # Started directly (exec, not npx) so this PID is Azurite itself and one kill stops it, in a
    # process group of its own (setsid) so a Ctrl+C meant for the caller does not pull the storage
    # from under an app that is still shutting down; the caller stops it when it is done.
    # Azurite runs in the state dir's workspace: anything it might write stays out of the repo.
    # Without --disableTelemetry it dials the cloud metadata endpoint, and those connections
    # keep it alive for long after SIGTERM.
    local detach=()
    if command -v setsid >/dev/null; then detach=(setsid); fi
    : >"$state_dir/azurite.log"
    (cd "$state_dir/workspace" && exec "${detach[@]}" nohup "$azurite_bin" \
        --silent "${persistence[@]}" --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry \
        --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
        --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" \
        >"$state_dir/azurite.log" 2>&1 </dev/null) &
    local pid=$!
    echo "$pid" >"$state_dir/pid"

    local deadline=$((SECONDS + start_timeout_seconds))
    while true; do
        blob_port="$(listening_port Blob)" queue_port="$(listening_port Queue)" table_port="$(listening_port Table)"
        if [[ -n "$blob_port" && -n "$queue_port" && -n "$table_port" ]]; then
            break
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            grep -q EADDRINUSE "$state_dir/azurite.log" && return 2
            log "FAILED: Azurite (pid $pid) exited during startup. Its log:"
            cat "$state_dir/azurite.log" >&2
            return 1
        fi
        if ((SECONDS >= deadline)); then
            log "FAILED: Azurite did not report its three ports within ${start_timeout_seconds}s. Its log:"
            cat "$state_dir/azurite.log" >&2
            stop_pid "$pid"
            return 1
        fi
        sleep 0.2
    done

    echo "$blob_port $queue_port $table_port" >"$state_dir/ports"
    local endpoint="http://127.0.0.1"
    printf '%s' "DefaultEndpointsProtocol=http;AccountName=$account_name;AccountKey=$account_key;BlobEndpoint=$endpoint:$blob_port/$account_name;QueueEndpoint=$endpoint:$queue_port/$account_name;TableEndpoint=$endpoint:$table_port/$account_name;" \
        >"$state_dir/connection-string"
}

stop_pid() {
    local pid="$1"
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "pid $pid ignored SIGTERM for 10 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}

cmd_start() {
    if is_running; then
        log "already running (pid $(cat "$state_dir/pid")); state in $state_dir"
        print_exports
        return 0
    fi
    rm -rf "$state_dir"

    if [[ ! -x "$azurite_bin" ]]; then
        log "node_modules/.bin/azurite missing; running npm ci"
        (cd "$repo_root" && npm ci --no-audit --no-fund >&2)
    fi
    if [[ ! -x "$azurite_bin" ]]; then
        log "FAILED: $azurite_bin still missing after npm ci"
        exit 1
    fi

    mkdir -p "$state_dir/workspace"
    local started=$SECONDS status=0 ports
    read -r -a ports <<<"$wanted_ports"
    launch "${ports[@]}" || status=$?
    if ((status == 2)) && [[ "$wanted_ports" != "0 0 0" ]]; then
        log "one of ports $wanted_ports is in use; starting on free ports instead"
        status=0
        launch 0 0 0 || status=$?
    fi
    if ((status != 0)); then
        ((status != 2)) || { log "FAILED: a port was in use. Its log:"; cat "$state_dir/azurite.log" >&2; }
        rm -rf "$state_dir"
        exit 1
    fi

    local pid blob_port queue_port table_port
    pid="$(cat "$state_dir/pid")"
    read -r blob_port queue_port table_port <"$state_dir/ports"
    log "started pid $pid in $((SECONDS - started))s: blob $blob_port, queue $queue_port, table $table_port; state in $state_dir"
    print_exports
}

cmd_stop() {
    if [[ -f "$state_dir/pid" ]]; then
        local pid
        pid="$(cat "$state_dir/pid")"
        stop_pid "$pid"
        log "stopped pid $pid"
    else
        log "not running (no $state_dir/pid)"
    fi
    rm -rf "$state_dir"
}

cmd_status() {
    if is_running; then
        print_exports
    else
        log "not running"
        return 1
    fi
}

cmd_connection_string() {
    is_running || { log "not running"; return 1; }
    cat "$state_dir/connection-string"
    echo
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    connection-string) cmd_connection_string ;;
    *)
        echo "usage: $0 start|stop|status|connection-string" >&2
        exit 2
        ;;
esac

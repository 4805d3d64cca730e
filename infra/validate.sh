#!/usr/bin/env bash
# Offline validation of the Bicep templates: restores the pinned Bicep CLI from NuGet,
# then builds and lints infra/main.bicep (which pulls in every infra/app/*.bicep module) and lints
# each module on its own. Fails on any error or warning. Leaves no build output in the repository.
set -euo pipefail

BICEP_VERSION=0.49.2
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
cd "$repo_root"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Bicep CLI from NuGet (restore-only project; its obj/ goes to the temp dir).
if ! dotnet restore infra/tools/BicepCli.csproj --nologo --verbosity quiet \
  "-p:BaseIntermediateOutputPath=$work/obj/" "-p:MSBuildProjectExtensionsPath=$work/obj/" \
  >"$work/restore.log" 2>&1; then
  cat "$work/restore.log" >&2
  echo "bicep: FAILED (could not restore Azure.Bicep.CommandLine.linux-x64 $BICEP_VERSION)" >&2
  exit 1
fi
bicep="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "bicep: FAILED (binary not found at $bicep)" >&2
  exit 1
fi
chmod +x "$bicep"
echo "bicep: $("$bicep" --version)"

# 2. Build and lint. Diagnostics go to stderr; any Error or Warning line fails the run.
failed=0
run() {
  local log="$work/diag.log"
  local rc=0
  "$@" >/dev/null 2>"$log" || rc=$?
  if [[ -s "$log" ]]; then
    cat "$log" >&2
  fi
  if (( rc != 0 )) || grep -Eq ' : (Error|Warning) ' "$log"; then
    failed=1
  fi
}

run "$bicep" build infra/main.bicep --no-restore --outfile "$work/main.json"
run "$bicep" lint infra/main.bicep --no-restore
for module in infra/app/*.bicep; do
  run "$bicep" lint "$module" --no-restore
done

# 3. The parameters file must be JSON and name only parameters that main.bicep declares.
if [[ -f "$work/main.json" ]] && command -v python3 >/dev/null 2>&1; then
  if ! python3 - "$work/main.json" infra/main.parameters.json <<'PY' >&2; then
import json, sys
declared = set(json.load(open(sys.argv[1]))["parameters"])
given = json.load(open(sys.argv[2]))["parameters"]
unknown = sorted(set(given) - declared)
for name in unknown:
    print(f"infra/main.parameters.json: parameter '{name}' is not declared in main.bicep")
sys.exit(1 if unknown else 0)
PY
    failed=1
  fi
fi

if (( failed )); then
  echo "bicep: FAILED" >&2
  exit 1
fi
echo "bicep: OK (build + lint of infra/main.bicep and $(ls infra/app/*.bicep | wc -l) modules, 0 warnings)"

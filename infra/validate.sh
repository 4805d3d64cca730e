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
if [[ -f "$work/main.json" ]]; then
  declared="$(python3 -c 'import json,sys; print("\n".join(sorted(json.load(open(sys.argv[1]))["parameters"])))' "$work/main.json" 2>/dev/null || true)"
  for p in $(python3 -c 'import json,sys; print("\n".join(sorted(json.load(open(sys.argv[1]))["parameters"])))' infra/main.parameters.json); do
    if ! grep -qx "$p" <<<"$declared"; then
      echo "infra/main.parameters.json: parameter '$p' is not declared in main.bicep" >&2
      failed=1
    fi
  done
fi

if (( failed )); then
  echo "bicep: FAILED" >&2
  exit 1
fi
echo "bicep: OK (build + lint of infra/main.bicep and $(ls infra/app/*.bicep | wc -l) modules, 0 warnings)"

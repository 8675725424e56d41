#!/usr/bin/env bash
# Runs this repository's build, build/build.csx, with the Pipeline runner: ./build.sh [targets] [options].
# The runner is rebuilt from src/ only when a source file is newer than the last build, so the usual
# start costs one `find` and the native client, which hands the run to a resident runner (PIPELINE_RUNNER).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runner_dir="$root/.pipeline/runner"
runner="$runner_dir/Pipeline.Runner.dll"
# Published with the runner (Native AOT, where a C toolchain is installed): see src/Pipeline.Runner/NativeClient.targets.
client="$runner_dir/pipeline-client"
stamp="$runner_dir/.built"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# How the user started the build, for the usage line of --help.
export PIPELINE_LAUNCHER=./build.sh

required_sdk() {
  sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$root/global.json" | head -n 1
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET SDK is not installed (no 'dotnet' on PATH)." >&2
    echo "Install .NET SDK $(required_sdk) or a later patch of it: https://dotnet.microsoft.com/download" >&2
    exit 2
  fi
}

require_sdk() {
  require_dotnet
  if ! (cd "$root" && dotnet --version >/dev/null 2>&1); then
    echo "error: no installed .NET SDK satisfies global.json, which asks for $(required_sdk) (or a later feature band)." >&2
    echo "Installed SDKs:" >&2
    dotnet --list-sdks >&2 || true
    echo "Install it from https://dotnet.microsoft.com/download" >&2
    exit 2
  fi
}

runner_is_stale() {
  [ -f "$stamp" ] && [ -f "$runner" ] || return 0
  [ -n "$(find "$root/src" "$root/global.json" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
    -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) \
    -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]
}

build_runner() {
  require_sdk
  echo "Building the Pipeline runner from src/ ..." >&2
  local building="$runner_dir/.building.$$"
  touch "$building"
  # A client of an earlier build must not outlive a publish that could not make one.
  rm -f "$client"
  # ReadyToRun for this machine: precompiled code starts faster and halves a cold script compile.
  if ! dotnet publish "$root/src/Pipeline.Runner/Pipeline.Runner.csproj" --configuration Release \
      --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
      --output "$runner_dir" --nologo --verbosity quiet >"$runner_dir/build.log" 2>&1; then
    rm -f "$building"
    cat "$runner_dir/build.log" >&2
    echo "error: building the Pipeline runner failed (log above, also in .pipeline/runner/build.log)." >&2
    exit 2
  fi
  if [ ! -x "$client" ]; then
    echo "note: the native client could not be published (Native AOT needs clang or gcc); ./build.sh starts the runner with dotnet." >>"$runner_dir/build.log"
  fi
  # The stamp is taken from the moment the build started, so an edit made during the build is seen next time.
  mv -f "$building" "$stamp"
}

if runner_is_stale; then
  mkdir -p "$runner_dir"
  if command -v flock >/dev/null 2>&1; then
    # One build at a time; whoever waited finds the runner fresh and goes straight on.
    exec 9>"$runner_dir/.lock"
    flock 9
    if runner_is_stale; then build_runner; fi
    exec 9>&-
  else
    build_runner
  fi
fi

# A runner built earlier still needs dotnet to start it (the client too: it starts the resident runner, or
# becomes `dotnet <runner>` when it cannot or should not use one).
require_dotnet
if [ -x "$client" ]; then
  exec "$client" "$runner" --script "$root/build/build.csx" "$@"
fi
exec dotnet "$runner" --script "$root/build/build.csx" "$@"

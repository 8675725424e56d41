#!/usr/bin/env bash
# Runs this repository's build, build/build.csx, with the Pipeline runner: ./build.sh [targets] [options].
# ./build.sh --help lists the targets and parameters. Works from any working directory.
#
# The runner is the pipeline.tool version pinned in .config/dotnet-tools.json. Once `dotnet tool restore`
# has put it in the NuGet packages folder, this script starts it directly, `dotnet <runner.dll>`: no
# process but that one (no `dotnet tool run`, no build). Otherwise it restores the tool once and looks again.
# The package for this platform also carries pipeline-client, a native program that hands the run to a resident
# runner kept warm between builds (PIPELINE_RUNNER=off: never); where it is, this script starts it instead.
set -euo pipefail

case "${BASH_SOURCE[0]}" in
  */*) root="${BASH_SOURCE[0]%/*}" ;;
  *) root=. ;;
esac
root="$(CDPATH='' cd -- "$root" && pwd)"
manifest="$root/.config/dotnet-tools.json"
script="$root/build/build.csx"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# How the user started the build, for the usage line of --help.
export PIPELINE_LAUNCHER=./build.sh

# The version of pipeline.tool pinned in the tool manifest, read with shell built-ins only.
version=''
if [ -f "$manifest" ]; then
  json=''
  IFS= read -r -d '' json <"$manifest" || true
  pattern='"pipeline\.tool"[[:space:]]*:[[:space:]]*[{][^}]*"version"[[:space:]]*:[[:space:]]*"([^"]+)"'
  shopt -s nocasematch
  if [[ $json =~ $pattern ]]; then version="${BASH_REMATCH[1]}"; fi
  shopt -u nocasematch
fi

# This machine's runtime identifier, for the ReadyToRun runner package (linux-x64, osx-arm64, ...).
rid=''
case "${OSTYPE:-}" in
  linux-musl*) os=linux-musl ;;
  linux*) os=linux ;;
  darwin*) os=osx ;;
  msys* | cygwin* | win32*) os=win ;;
  *) os='' ;;
esac
case "${HOSTTYPE:-}" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  arm*) arch=arm ;;
  i?86) arch=x86 ;;
  *) arch='' ;;
esac
if [ -n "$os" ] && [ -n "$arch" ]; then rid="$os-$arch"; fi

# Sets runner to the runner's DLL for the pinned version, looking where `dotnet tool restore` puts it:
# 1. the NuGet packages folder: the package for this platform (a linux-musl-x64 machine may also have
#    been given the linux-x64 one), then the portable package, then a tool packed without RIDs;
# 2. the .NET SDK's record of restored tools, which `dotnet tool run` reads (it can point elsewhere, for
#    example to a nuget.config globalPackagesFolder; it is an internal file of the SDK, so if its format
#    changes this lookup merely finds nothing).
find_runner() {
  runner=''
  [ -n "$version" ] || return 0
  local packages="${NUGET_PACKAGES:-${HOME:-}/.nuget/packages}" id
  for id in $rid ${rid/#linux-musl-/linux-} any; do
    if [ -f "$packages/pipeline.tool.$id/$version/tools/net10.0/$id/Pipeline.Runner.dll" ]; then
      runner="$packages/pipeline.tool.$id/$version/tools/net10.0/$id/Pipeline.Runner.dll"
      return 0
    fi
  done
  if [ -f "$packages/pipeline.tool/$version/tools/net10.0/any/Pipeline.Runner.dll" ]; then
    runner="$packages/pipeline.tool/$version/tools/net10.0/any/Pipeline.Runner.dll"
    return 0
  fi

  local restored="${DOTNET_CLI_HOME:-${HOME:-}}/.dotnet/toolResolverCache/1/pipeline.tool" json='' pattern executable
  [ -f "$restored" ] || return 0
  IFS= read -r -d '' json <"$restored" || true
  pattern="[{][^}]*\"Version\"[[:space:]]*:[[:space:]]*\"${version//./[.]}\"[^}]*\"PathToExecutable\"[[:space:]]*:[[:space:]]*\"([^\"]+)\""
  if [[ $json =~ $pattern ]]; then
    executable="${BASH_REMATCH[1]}"
    executable="${executable%.dll}"
    if [ -f "${executable%.exe}.dll" ]; then runner="${executable%.exe}.dll"; fi
  fi
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET SDK is not installed (no 'dotnet' on PATH)." >&2
    echo "Pipeline needs the .NET 10 SDK or later: https://dotnet.microsoft.com/download" >&2
    exit 2
  fi
}

find_runner
if [ -z "$runner" ]; then
  require_dotnet
  if [ -z "$version" ]; then
    echo "error: $manifest does not pin pipeline.tool." >&2
    echo "Add it with: dotnet new tool-manifest (if there is none), then dotnet tool install pipeline.tool" >&2
    exit 2
  fi
  echo "Restoring the Pipeline runner $version (dotnet tool restore) ..." >&2
  if ! (cd -- "$root" && dotnet tool restore) >&2; then
    echo "error: 'dotnet tool restore' failed (output above)." >&2
    exit 2
  fi
  find_runner
fi

if [ -n "$runner" ]; then
  require_dotnet
  client="${runner%/*}/pipeline-client"
  if [ -f "$client" ] && [ ! -x "$client" ]; then
    # NuGet extracts package files without their executable bit; the packages folder is the user's own.
    chmod u+x "$client" 2>/dev/null || true
  fi
  if [ -x "$client" ]; then
    exec "$client" "$runner" --script "$script" "$@"
  fi
  exec dotnet "$runner" --script "$script" "$@"
fi

# Last resort: the tool is restored into a packages folder this script does not know (a nuget.config
# globalPackagesFolder, say). `dotnet tool run` finds it, at some start-up cost; it needs the manifest
# in the current folder or a parent.
require_dotnet
case "$PWD/" in
  "$root"/*) ;;
  *) cd -- "$root" ;;
esac
exec dotnet tool run pipeline -- --script "$script" "$@"

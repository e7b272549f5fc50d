#!/usr/bin/env bash
# Prepare this machine for running the extension's mocha suite inside a real
# VS Code extension host without internet access (see
# shared notes "vscode-tests-offline.md"):
#
#   1. Debian packages: chromium (headless workbench), libkrb5-dev (headers for
#      code-server's kerberos module), ripgrep (replaces the rg download that
#      @vscode/ripgrep's postinstall would fetch from GitHub).
#   2. code-server@4.100.3 (= VS Code 1.100.3, the last line that runs on
#      node 20) installed into <repo>/.vscode-test/code-server/.
#
# Idempotent: packages are installed only when missing, and code-server only
# when the marker file does not name the wanted version. Non-interactive, so it
# is safe on CI (CI=true, no stdin). Must run as root (or with sudo available)
# for the apt step.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
APT_PACKAGES=(chromium libkrb5-dev ripgrep)

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
CACHE_DIR="$REPO_ROOT/.vscode-test/code-server"
MARKER="$CACHE_DIR/.installed-version"

log() { printf '[vscode-test setup] %s\n' "$*"; }

# Run a noisy command with its output in a log file; show the log's tail only
# when the command fails, so a normal run prints just the progress lines.
STEP_LOG="$(mktemp -t vscode-test-setup.XXXXXX.log)"
trap 'rm -f "$STEP_LOG"' EXIT
quiet() {
  if ! "$@" >"$STEP_LOG" 2>&1 </dev/null; then
    log "FAILED: $*"
    tail -n 40 "$STEP_LOG" >&2
    exit 1
  fi
}

# --- 1. Debian packages ------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  # dpkg-query prints "install ok installed" only for fully installed packages.
  if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  SUDO=""
  if [[ "$(id -u)" != "0" ]]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    SUDO="sudo"
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  quiet $SUDO apt-get update -q
  quiet $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi

for bin in /usr/bin/chromium /usr/bin/rg; do
  [[ -x "$bin" ]] || { log "expected $bin after installing packages"; exit 1; }
done

# --- 2. code-server -----------------------------------------------------------
if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$CODE_SERVER_VERSION" \
      && -f "$CACHE_DIR/node_modules/code-server/out/node/entry.js" ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in ${CACHE_DIR#"$REPO_ROOT"/}"
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION into ${CACHE_DIR#"$REPO_ROOT"/} (about a minute)"
rm -rf "$CACHE_DIR"
mkdir -p "$CACHE_DIR"
cd "$CACHE_DIR"

# A package.json of its own stops npm from walking up to the repo's
# package.json and adding code-server to it.
cat >package.json <<'JSON'
{ "name": "vscode-test-code-server", "private": true, "description": "cache for scripts/vscode-test (git-ignored)" }
JSON

NPM_QUIET=(--no-audit --no-fund --loglevel=error)

# --ignore-scripts: code-server's postinstall downloads from GitHub and needs
# the kerberos headers; we do its work by hand below.
quiet npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts "${NPM_QUIET[@]}"

cd "$CACHE_DIR/node_modules/code-server/lib/vscode"
log "installing VS Code server dependencies"
quiet npm install --omit=dev --ignore-scripts "${NPM_QUIET[@]}"

# @vscode/ripgrep's postinstall would download rg from GitHub: use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg

log "building native modules"
quiet env npm_config_yes=true npm rebuild "${NPM_QUIET[@]}"
# VS Code's server resolves modules through node_modules.asar.
ln -sfn node_modules node_modules.asar

cd "$CACHE_DIR"
quiet npm rebuild argon2 "${NPM_QUIET[@]}"

echo "$CODE_SERVER_VERSION" >"$MARKER"
log "code-server $CODE_SERVER_VERSION ready"

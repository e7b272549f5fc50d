#!/usr/bin/env bash
# Prepare this machine for the Word export tests (test/unit/export.test.ts):
#
#   libreoffice-writer-nogui  soffice --headless --convert-to pdf (Writer only,
#                             no GUI toolkit)
#   poppler-utils             pdfinfo (page count) and pdftoppm (PNG of a page)
#   fonts-liberation2         Liberation Sans/Serif, metric-compatible with
#                             Arial/Times New Roman (the export uses Arial);
#                             without a font LibreOffice renders nothing legible
#
# Idempotent: installs only what is missing, runs `apt-get update` at most once
# and only when something is missing. Non-interactive, so it is safe on CI
# (CI=true, no stdin). Needs root (or sudo) only when it has something to install.
# A cold install takes a few minutes (about 150 MB of packages).
set -euo pipefail

APT_PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-liberation2)

log() { printf '[export-test setup] %s\n' "$*"; }

STEP_LOG="$(mktemp -t export-test-setup.XXXXXX.log)"
trap 'rm -f "$STEP_LOG"' EXIT
quiet() {
  if ! "$@" >"$STEP_LOG" 2>&1 </dev/null; then
    log "FAILED: $*"
    tail -n 40 "$STEP_LOG" >&2
    exit 1
  fi
}

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
  start=$SECONDS
  # Other setup scripts (scripts/vscode-test/setup.sh) may hold the dpkg lock; wait for it.
  APT_OPTS=(-o DPkg::Lock::Timeout=600 -q)
  log "apt-get update"
  quiet $SUDO apt-get "${APT_OPTS[@]}" update
  log "installing Debian packages: ${missing[*]} (a few minutes on a new machine)"
  quiet $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "${missing[@]}"
  log "installed in $((SECONDS - start)) s"
else
  log "Debian packages already installed: ${APT_PACKAGES[*]}"
fi

for tool in soffice pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null || { log "FAILED: $tool not found on PATH after install"; exit 1; }
done
log "ready: $(soffice --version 2>/dev/null | head -n 1 || echo soffice), $(pdftoppm -v 2>&1 | head -n 1)"

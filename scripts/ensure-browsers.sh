#!/usr/bin/env bash
# Makes sure the browsers the end-to-end tests drive are installed (runs as npm `pretest`).
# Quick and silent when they are present; installs them when running as root (CI on Debian);
# otherwise prints the command to run and fails, so a newcomer knows what is missing.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
INSTALL='apt-get update && apt-get install -y chromium firefox-esr fonts-wqy-microhei'

if [[ -x "$CHROMIUM" && -x "$FIREFOX" ]]; then
  exit 0
fi

echo "ensure-browsers: missing $( [[ -x "$CHROMIUM" ]] || printf '%s ' "$CHROMIUM")$( [[ -x "$FIREFOX" ]] || printf '%s' "$FIREFOX")"
if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "ensure-browsers: installing: $INSTALL"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium firefox-esr fonts-wqy-microhei
  exit 0
fi

echo "ensure-browsers: the end-to-end tests need Debian's Chromium and Firefox ESR. Install them with:" >&2
echo "  sudo sh -c '$INSTALL'" >&2
exit 1

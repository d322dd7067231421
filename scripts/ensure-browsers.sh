#!/usr/bin/env bash
# Makes sure the browsers the end-to-end tests drive are installed (runs as npm `pretest` and
# `prestart`) and says which versions they are, and when one is too old for ChipLens. Installs
# them when running as root (CI on Debian); otherwise prints the command to run and fails, so a
# newcomer knows what is missing.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
INSTALL='apt-get update && apt-get install -y chromium firefox-esr fonts-wqy-microhei'
# The oldest each build runs in (wxt.config.ts): Chrome's minimum_chrome_version, Firefox's
# strict_min_version.
MIN_CHROMIUM=128
MIN_FIREFOX=140

# On Node 20, npm install warns EBADENGINE (wxt 0.21.4 declares Node 22): say here why that is
# expected, where a newcomer sees it (README, "Which Node").
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 22 )); then
  echo "ensure-browsers: Node $(node --version): npm's EBADENGINE warnings for wxt are expected; with the pinned versions every step of npm test passes on Node 20.19+. Node 20 is past its end of life: prefer Node 22 (README, \"Which Node\")."
fi

if [[ ! -x "$CHROMIUM" || ! -x "$FIREFOX" ]]; then
  echo "ensure-browsers: missing $( [[ -x "$CHROMIUM" ]] || printf '%s ' "$CHROMIUM")$( [[ -x "$FIREFOX" ]] || printf '%s' "$FIREFOX")"
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "ensure-browsers: installing: $INSTALL"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y chromium firefox-esr fonts-wqy-microhei
  else
    echo "ensure-browsers: the end-to-end tests need Debian's Chromium and Firefox ESR. Install them with:" >&2
    echo "  sudo sh -c '$INSTALL'" >&2
    exit 1
  fi
fi

# "Chromium 156.0.8078.129 built on Debian …", "Mozilla Firefox 140.12.0esr"
chromium_version="$("$CHROMIUM" --version 2>/dev/null | sed -E 's/ built on .*//; s/ +$//' | tail -n 1)"
firefox_version="$("$FIREFOX" --version 2>/dev/null | sed -E 's/^Mozilla //; s/ +$//' | tail -n 1)"
echo "ensure-browsers: ${chromium_version:-Chromium (version unknown)} at $CHROMIUM; ${firefox_version:-Firefox (version unknown)} at $FIREFOX"

# Too old a browser is named here (its e2e step will fail); the other steps still run.
at_least() { # name, version text, minimum major version
  if [[ "$2" =~ ([0-9]+)\.[0-9] ]] && (( BASH_REMATCH[1] < $3 )); then
    echo "ensure-browsers: ChipLens needs $1 $3 or later; this is $2: its end-to-end tests will fail" >&2
  fi
}
at_least Chromium "$chromium_version" "$MIN_CHROMIUM"
at_least Firefox "$firefox_version" "$MIN_FIREFOX"

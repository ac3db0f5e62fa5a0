#!/bin/sh
# Idempotent: installs Debian's chromium (used by test/runtimes/harness.ts via playwright-core)
# only when /usr/bin/chromium is missing. apt is serialised with flock because other scripts
# may run apt-get at the same time on this machine.
set -eu

CHROMIUM=/usr/bin/chromium
LOCK=/tmp/sigv4-apt.lock

if [ -x "$CHROMIUM" ]; then
  echo "install-chromium: $CHROMIUM present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-chromium: not root and no sudo; cannot install chromium" >&2
    exit 1
  fi
else
  SUDO=
fi

command -v flock >/dev/null 2>&1 || { echo "install-chromium: flock(1) missing (util-linux)" >&2; exit 1; }

echo "install-chromium: installing chromium via apt (serialised on $LOCK)"
# Re-check inside the lock: a concurrent run may have installed it meanwhile. DPkg::Lock::Timeout
# also waits for an apt/dpkg that did not take our flock.
$SUDO env DEBIAN_FRONTEND=noninteractive flock "$LOCK" sh -c \
  "if [ -x '$CHROMIUM' ]; then exit 0; fi; apt-get -o DPkg::Lock::Timeout=600 update && apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends chromium"

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: apt finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"

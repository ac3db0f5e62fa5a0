#!/usr/bin/env bash
# Installs the two S3-compatible servers the e2e tests sign against (OpenStack Swift + s3api,
# Ceph radosgw), from Debian 12's own packages: nothing else that verifies SigV4 is reachable
# here (see NOTES.md). Idempotent: does nothing when every binary the start scripts run exists.
# CI machines start fresh, so .ci/run must call this before the e2e tests.
set -euo pipefail

LOCK=/tmp/sigv4-apt.lock
# Packages, one apt call: swift-* for swift.sh; radosgw/ceph-mon/ceph-osd for radosgw.sh;
# uuid-runtime provides uuidgen (the cluster fsid); memcached is swift's proxy cache.
# --no-install-recommends keeps it to ~400 MB.
PACKAGES=(swift-proxy swift-account swift-container swift-object memcached radosgw ceph-mon ceph-osd uuid-runtime)
# What the start scripts execute. Swift's servers are Python scripts that must run under
# Debian's /usr/bin/python3 (a pyenv python3 earlier on PATH cannot import swift).
BINARIES=(
  /usr/bin/python3
  /usr/bin/swift-proxy-server /usr/bin/swift-account-server
  /usr/bin/swift-container-server /usr/bin/swift-object-server /usr/bin/memcached
  /usr/bin/ceph-mon /usr/bin/ceph-osd /usr/bin/radosgw /usr/bin/radosgw-admin
  /usr/bin/ceph-authtool /usr/bin/monmaptool /usr/bin/uuidgen
)

missing() {
  local b out=()
  for b in "${BINARIES[@]}"; do [[ -x "$b" ]] || out+=("$b"); done
  # Swift's ring builder is imported from Python, not run as a binary.
  if [[ -x /usr/bin/python3 ]] && ! /usr/bin/python3 -c 'import swift.common.ring' 2>/dev/null; then
    out+=("python3:swift.common.ring")
  fi
  echo "${out[@]+"${out[@]}"}"
}

todo=$(missing)
if [[ -z "$todo" ]]; then
  echo "provision: swift and radosgw already installed; nothing to do"
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "provision: missing ($todo) and not root; cannot apt-get install" >&2
  exit 1
fi
command -v flock >/dev/null || { echo "provision: flock(1) missing (util-linux)" >&2; exit 1; }

echo "provision: missing: $todo"
echo "provision: apt-get update + install ${PACKAGES[*]} (serialised on $LOCK)"
start=$(date +%s)
# flock: test/runtimes/install-chromium.sh may run apt at the same time, and two apt/dpkg runs
# fail on dpkg's own lock instead of waiting. DEBIAN_FRONTEND: no debconf prompts (CI has no stdin).
# Re-checking inside the lock is unnecessary: apt-get install of present packages is a no-op.
DEBIAN_FRONTEND=noninteractive flock "$LOCK" bash -c \
  'apt-get update && apt-get install -y --no-install-recommends "$@"' _ "${PACKAGES[@]}"
echo "provision: apt finished in $(( $(date +%s) - start )) s"

# The Debian packages enable their own systemd units; this machine has no systemd running, but
# on one that does, the packaged daemons would hold the default ports. We start our own copies
# on our own ports with our own configs, so nothing needs stopping for the tests.

todo=$(missing)
if [[ -n "$todo" ]]; then
  echo "provision: apt finished but still missing: $todo" >&2
  exit 1
fi
echo "provision: ok ($(/usr/bin/radosgw --version 2>/dev/null | head -n1); swift $(/usr/bin/python3 -c 'import swift; print(swift.__version__)'))"

#!/usr/bin/env bash
# Installs what `npm test` needs beyond node_modules, on a fresh Debian machine (as root):
# Chromium for the browser runtime tests, Swift and Ceph for the e2e tests. Idempotent: a machine
# that has them already spends well under a second here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/runtimes/install-chromium.sh"
bash "$here/e2e/servers/provision.sh"

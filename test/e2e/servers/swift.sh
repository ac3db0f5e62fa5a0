#!/usr/bin/env bash
# OpenStack Swift (Debian 12's 2.30) with the s3api middleware, as a strict SigV4 verifier for
# the e2e tests: it checks header and presigned-query signatures, the credential scope (date,
# region, service), expiry and payload hash, and answers with AWS's error codes.
#
#   swift.sh start <statedir> <port>   proxy (S3 endpoint) on 127.0.0.1:<port>; the account,
#                                      container and object servers take <port>+1..+3,
#                                      the proxy's memcached <port>+4
#   swift.sh stop  <statedir>
#
# Everything lives under <statedir>: etc/ (configs, rings), srv/d1 (the one device),
# logs/, pids, info.json. Each start wipes etc/, srv/ and logs/: a fresh, empty server.
# S3 credentials: access key test:tester, secret testing, region us-east-1;
# virtual-hosted host <bucket>.s3.localhost:<port>.
# Needs test/e2e/servers/provision.sh to have run.
set -euo pipefail

# Debian's python: the swift modules are installed for it only (a pyenv python3 earlier on
# PATH cannot import them), so never rely on PATH here.
PY=/usr/bin/python3
ACCESS_KEY=test:tester
SECRET=testing
REGION=us-east-1
STORAGE_DOMAIN=s3.localhost
SERVERS=(account container object proxy)
MEMCACHED=/usr/bin/memcached
START_TIMEOUT=${SWIFT_START_TIMEOUT:-60}

die() { echo "swift.sh: $*" >&2; exit 1; }
usage() { die "usage: swift.sh start <statedir> <port> | stop <statedir>"; }

# Prints the last lines of every log, so a failed start explains itself in CI output.
log_tails() {
  local f
  for f in "$STATE"/logs/*.log; do
    [[ -s "$f" ]] || continue
    echo "----- tail of $f" >&2
    tail -n 40 "$f" >&2 || true
  done
}

# One HTTP GET over bash's /dev/tcp, so readiness needs no curl on a fresh CI machine.
# Succeeds when the status line is 200.
http_ok() {
  local port=$1 path=$2 line
  # The braces confine 2>/dev/null to the connect; on a bare exec it would stick to the shell.
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
  # timeout on read: a half-started server may accept and never answer.
  IFS= read -r -t 5 line <&3 || line=
  exec 3<&- 3>&-
  [[ "$line" == "HTTP/1."?" 200"* ]]
}

# Kills exactly the PIDs listed in <statedir>/pids (one per line), then waits for them to exit
# (TERM, then KILL after 10 s). A PID is only signalled while its command line still names this
# state dir, so a stale pids file can never hit an unrelated process that reused the number.
stop_pids() {
  local pidfile="$STATE/pids" pid deadline alive
  [[ -f "$pidfile" ]] || return 0
  local pids=()
  while read -r pid; do
    [[ -n "$pid" ]] || continue
    if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -F -- "$STATE/" >/dev/null; then
      pids+=("$pid")
    fi
  done <"$pidfile"
  if ((${#pids[@]})); then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while :; do
      alive=()
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
      ((${#alive[@]})) || break
      if ((SECONDS >= deadline)); then
        kill -KILL "${alive[@]}" 2>/dev/null || true
        sleep 0.2
        break
      fi
      sleep 0.1
    done
  fi
  rm -f "$pidfile"
}

write_configs() {
  local etc="$STATE/etc" common
  # user = root: the default 'swift' user could not write into a state dir root created.
  # workers = 0: one process per server (no forked workers), so the PID we record is the
  # whole server. mount_check = false: the device is a plain directory, not a mount.
  # swift_dir: where the rings are read from. (swift.conf with the hash prefix/suffix is still
  # read from /etc/swift/swift.conf, which the Debian package ships; swift 2.30 servers do not
  # honour swift_dir for it. Its values only need to stay the same, which they do.)
  common="bind_ip = 127.0.0.1
workers = 0
user = root
swift_dir = $etc
devices = $STATE/srv
mount_check = false
log_level = INFO
# Ports are checked free before start; no point retrying a bind for the default 30 s.
bind_timeout = 5"

  cat >"$etc/account-server.conf" <<EOF
[DEFAULT]
bind_port = $((PORT + 1))
$common
log_name = account-server

[pipeline:main]
pipeline = account-server

[app:account-server]
use = egg:swift#account
EOF

  cat >"$etc/container-server.conf" <<EOF
[DEFAULT]
bind_port = $((PORT + 2))
$common
log_name = container-server

[pipeline:main]
pipeline = container-server

[app:container-server]
use = egg:swift#container
EOF

  cat >"$etc/object-server.conf" <<EOF
[DEFAULT]
bind_port = $((PORT + 3))
$common
log_name = object-server

[pipeline:main]
pipeline = object-server

[app:object-server]
use = egg:swift#object
EOF

  # s3api sits right before tempauth (it turns the S3 signature into a request tempauth
  # verifies against the user's key). copy/slo/dlo after it: s3api needs them for copy and
  # multipart. cache must be in the pipeline (tempauth refuses to run without it). It points
  # at this run's own memcached on <port>+4, started fresh with the servers (never a shared
  # 11211, which could hand us another run's cached account/container info). Without a
  # reachable memcached swift works, but the proxy asks the account and container servers on
  # every request: measured here, 15 ms of CPU per presigned GET and 22 ms per PUT instead of
  # 7 and 11, which made the e2e batch of 10,000 PUTs + GETs take minutes.
  cat >"$etc/proxy-server.conf" <<EOF
[DEFAULT]
bind_port = $PORT
$common
log_name = proxy-server

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
# The tempauth account (AUTH_test) does not exist yet: create it on first use.
account_autocreate = true
allow_account_management = true

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$((PORT + 4))

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:s3api]
use = egg:swift#s3api
# Region used to verify the credential scope; signing for another region fails.
location = $REGION
# Enables virtual-hosted-style requests: Host <bucket>.$STORAGE_DOMAIN[:port].
storage_domain = $STORAGE_DOMAIN
dns_compliant_bucket_names = true
s3_acl = false

[filter:tempauth]
use = egg:swift#tempauth
# S3 access key test:tester (account:user), secret testing; .admin lets it create buckets.
user_test_tester = $SECRET .admin

[filter:copy]
use = egg:swift#copy

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo
EOF
}

# One device, one replica, 2^6 partitions: the smallest ring that works. Rebuilt on every
# start because the servers' ports are part of the ring.
build_rings() {
  "$PY" - "$STATE/etc" "$PORT" <<'EOF'
import sys
from swift.common.ring import RingBuilder
etc, port = sys.argv[1], int(sys.argv[2])
for offset, name in ((1, 'account'), (2, 'container'), (3, 'object')):
    b = RingBuilder(6, 1, 1)
    b.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1',
               'port': port + offset, 'device': 'd1', 'weight': 100})
    b.rebalance()
    b.get_ring().save('%s/%s.ring.gz' % (etc, name))
EOF
}

start() {
  local s pid started=$SECONDS
  [[ "$PORT" =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT + 4 < 65536)) || die "bad port: $PORT"
  for s in "${SERVERS[@]}"; do
    [[ -x /usr/bin/swift-$s-server ]] || die "/usr/bin/swift-$s-server missing: run test/e2e/servers/provision.sh"
  done
  [[ -x "$MEMCACHED" ]] || die "$MEMCACHED missing: run test/e2e/servers/provision.sh"
  # A leftover run in this state dir (a crashed test) is stopped first rather than refused,
  # so a re-run after a crash just works.
  stop_pids
  # Logs of this run only (an error report must not show an older run's lines).
  rm -rf "$STATE/logs" "$STATE/info.json"
  mkdir -p "$STATE/logs"
  # Fail in a second on a taken port: otherwise each swift server retries its bind for
  # bind_timeout and the start fails ~30 s later with a less obvious message.
  local off
  for off in 0 1 2 3 4; do
    ! port_open $((PORT + off)) || die "127.0.0.1:$((PORT + off)) is already in use (swift needs <port>..<port>+4)"
  done
  # From here on, any failure (die or set -e) prints the logs and stops what was started.
  trap on_start_exit EXIT
  # Empty server on every start, like radosgw.sh (whose data lives in memory): buckets from
  # an earlier run would make CreateBucket answer BucketAlreadyOwnedByYou.
  rm -rf "$STATE/etc" "$STATE/srv"
  mkdir -p "$STATE/etc" "$STATE/srv/d1"
  write_configs
  build_rings

  : >"$STATE/pids"
  # The proxy's cache (see write_configs). -U 0: no UDP. -P (a pid file) is there to put the
  # state dir on memcached's command line: stop_pids only signals PIDs whose command line names it.
  "$MEMCACHED" -l 127.0.0.1 -p $((PORT + 4)) -U 0 -m 64 -u root -P "$STATE/logs/memcached.pid" \
    </dev/null >"$STATE/logs/memcached.log" 2>&1 &
  echo "$!" >>"$STATE/pids"
  for s in "${SERVERS[@]}"; do
    # -v keeps a console log handler on stderr (otherwise swift logs only to syslog, which
    # is absent here, and then closes stderr). stdin from /dev/null and output to files so
    # the caller's pipes (node's child_process) close when this script exits.
    "$PY" "/usr/bin/swift-$s-server" "$STATE/etc/$s-server.conf" -v \
      </dev/null >"$STATE/logs/$s.log" 2>&1 &
    pid=$!
    echo "$pid" >>"$STATE/pids"
  done

  # The proxy's /healthcheck answers as soon as the proxy itself listens, which can be before
  # the account/container/object servers do; so also wait until those accept connections.
  local deadline=$((SECONDS + START_TIMEOUT)) ready=0
  while ((SECONDS < deadline)); do
    while read -r pid; do
      kill -0 "$pid" 2>/dev/null || die "a swift server (pid $pid) exited during start"
    done <"$STATE/pids"
    if http_ok "$PORT" /healthcheck && backends_listen; then ready=1; break; fi
    sleep 0.3
  done
  ((ready)) || die "not ready on 127.0.0.1:$PORT after ${START_TIMEOUT}s"

  cat >"$STATE/info.json" <<EOF
{
  "kind": "swift",
  "port": $PORT,
  "accessKeyId": "$ACCESS_KEY",
  "secretAccessKey": "$SECRET",
  "region": "$REGION",
  "storageDomain": "$STORAGE_DOMAIN"
}
EOF
  trap - EXIT
  echo "swift.sh: ready on http://127.0.0.1:$PORT in $((SECONDS - started)) s (state $STATE)"
}

on_start_exit() {
  local rc=$?
  ((rc == 0)) && return
  log_tails
  stop_pids
  exit "$rc"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when the account, container and object servers and memcached accept TCP connections.
backends_listen() {
  port_open $((PORT + 1)) && port_open $((PORT + 2)) && port_open $((PORT + 3)) && port_open $((PORT + 4))
}

cmd=${1:-}
STATE=${2:-}
[[ -n "$cmd" && -n "$STATE" ]] || usage
mkdir -p "$STATE"
# Absolute path: the pids guard in stop_pids matches it against the servers' command lines.
STATE=$(cd "$STATE" && pwd -P)
case "$cmd" in
  start)
    PORT=${3:-}
    [[ -n "$PORT" ]] || usage
    start
    ;;
  stop)
    stop_pids
    echo "swift.sh: stopped (state $STATE)"
    ;;
  *) usage ;;
esac

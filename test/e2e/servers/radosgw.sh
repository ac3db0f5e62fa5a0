#!/usr/bin/env bash
# Ceph radosgw (Debian 12's Pacific, 16.2) as the second SigV4 verifier for the e2e tests: it
# checks header and presigned-query signatures, expiry, payload hash and aws-chunked chunk
# signatures, and (with STS on) issues real temporary credentials and verifies session tokens.
#
#   radosgw.sh start <statedir> <port>   S3 + STS endpoint on 127.0.0.1:<port>; the monitor
#                                        takes <port>+1, the OSD binds in <port>+2..<port>+21
#   radosgw.sh stop  <statedir>
#
# Pacific has no standalone backend, so this is a whole (tiny) cluster: one ceph-mon, one
# ceph-osd with the in-memory object store (memstore), one radosgw. Auth between them is off.
# Everything lives under <statedir>: ceph.conf, mon/, osd/, run/, logs/, pids, info.json.
# Data lives in the OSD's memory: a restart starts from an empty cluster.
# Needs test/e2e/servers/provision.sh to have run.
set -euo pipefail

# A fixed user, so tests and their snapshots can name the keys. 20/40 characters like AWS keys.
UID_NAME=sigv4e2e
ACCESS_KEY=SIGV4E2EACCESSKEY0001
SECRET=sigv4e2esecretkey000000000000000000000001
ROLE_NAME=sigv4e2e-role
REGION=us-east-1
DNS_NAME=s3.localhost
# rgw encrypts the session token with this; radosgw requires exactly 16 characters.
STS_KEY=sigv4e2estskey16
START_TIMEOUT=${RADOSGW_START_TIMEOUT:-120}

die() { echo "radosgw.sh: $*" >&2; exit 1; }
usage() { die "usage: radosgw.sh start <statedir> <port> | stop <statedir>"; }

log_tails() {
  local f
  # *.log: the daemons' own logs; *.out: their stdout/stderr and the mkfs/admin tools' output.
  for f in "$STATE"/logs/*.log "$STATE"/logs/*.out; do
    [[ -s "$f" ]] || continue
    echo "----- tail of $f" >&2
    tail -n 40 "$f" >&2 || true
  done
}

# The ceph CLIs are pointed at our conf explicitly; without -c they would read
# /etc/ceph/ceph.conf and talk to whatever cluster that names. --connect-timeout keeps a
# broken cluster from hanging a call forever (they otherwise retry without end).
ceph_() { timeout 60 ceph -c "$STATE/ceph.conf" --connect-timeout 30 "$@"; }
rgwadmin() { timeout 60 radosgw-admin -c "$STATE/ceph.conf" -n client.admin "$@"; }

# Same contract as swift.sh: kill exactly the PIDs in <statedir>/pids, only while their
# command line still names this state dir (a stale file never hits a reused PID), TERM then
# KILL after 15 s, and wait until they are gone. Reverse start order: radosgw, osd, mon, so
# no daemon spends its shutdown retrying a monitor that is already gone.
stop_pids() {
  local pidfile="$STATE/pids" pid deadline
  [[ -f "$pidfile" ]] || return 0
  local pids=()
  while read -r pid; do
    [[ -n "$pid" ]] || continue
    if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -F -- "$STATE/" >/dev/null; then
      pids=("$pid" ${pids[@]+"${pids[@]}"})
    fi
  done <"$pidfile"
  for pid in ${pids[@]+"${pids[@]}"}; do
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; break; fi
      sleep 0.1
    done
  done
  rm -f "$pidfile"
}

# A daemon in the background, its PID recorded; stdin/out/err detached from the caller so
# node's child_process returns when this script exits.
spawn() {
  local name=$1; shift
  "$@" </dev/null >>"$STATE/logs/$name.out" 2>&1 &
  echo $! >>"$STATE/pids"
}

# Fails the start (with log tails) when a recorded daemon has died.
check_alive() {
  local pid
  while read -r pid; do
    kill -0 "$pid" 2>/dev/null || die "a ceph daemon (pid $pid) exited during start"
  done <"$STATE/pids"
}

# wait_for <what> <command...>: retries the command until it succeeds or START_TIMEOUT passes.
wait_for() {
  local what=$1; shift
  while ! "$@" >/dev/null 2>&1; do
    check_alive
    ((SECONDS < DEADLINE)) || die "timed out waiting for $what"
    sleep 0.5
  done
}

# grep without -q (here and in stop_pids): -q stops reading at the first match, and the writer's
# SIGPIPE would then fail the pipeline under pipefail.
osd_up() { ceph_ osd dump 2>/dev/null | grep '^osd\.0 up' >/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

on_start_exit() {
  local rc=$?
  ((rc == 0)) && return
  log_tails
  stop_pids
  exit "$rc"
}

http_listening() {
  # Any HTTP status line will do: radosgw answers GET / anonymously.
  local line
  { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
  printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 5 line <&3 || line=
  exec 3<&- 3>&-
  [[ "$line" == "HTTP/1."* ]]
}

write_conf() {
  local fsid=$1
  # \$cluster/\$id/\$name stay literal: ceph expands them per daemon.
  cat >"$STATE/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$((PORT + 1))
# Without both addrs the OSD binds 0.0.0.0.
public addr = 127.0.0.1
cluster addr = 127.0.0.1
# The OSD's messenger ports (public, cluster, two heartbeats; msgr v1 and v2 each), kept in a
# band next to <port> rather than Ceph's default 6800-7300, so runs on other ports coexist.
ms bind port min = $((PORT + 2))
ms bind port max = $((PORT + 21))
auth cluster required = none
auth service required = none
auth client required = none
# With auth off, radosgw otherwise loops on "get_initial_auth_request returned -13".
ms mon client mode = crc secure
# One OSD: pools of one replica, placed per OSD rather than per host.
mon allow pool size one = true
osd pool default size = 1
osd pool default min size = 1
osd crush chooseleaf type = 0
# radosgw creates ~7 pools; the default 32 PGs each is wasted work on one OSD.
osd pool default pg num = 8
osd pool default pgp num = 8
mon warn on pool no redundancy = false
# Everything under the state dir; nothing in /var/lib/ceph, /var/log/ceph or /var/run/ceph.
run dir = $STATE/run
admin socket = $STATE/run/\$name.asok
log file = $STATE/logs/\$name.log
crash dir = $STATE/crash
keyring = $STATE/keyring
mon data = $STATE/mon/\$cluster-\$id
osd data = $STATE/osd/\$cluster-\$id
rgw data = $STATE/rgw/\$cluster-\$id

[osd]
# In RAM: no disk, no bluestore block file; ~1 GiB cap by default.
osd objectstore = memstore

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$PORT
# Virtual-hosted style: Host <bucket>.$DNS_NAME[:port].
rgw dns name = $DNS_NAME
rgw enable apis = s3, admin, sts
rgw s3 auth use sts = true
rgw sts key = $STS_KEY
EOF
}

# Every step ends in "|| return": this runs as "provision_user || die", and bash turns set -e
# off inside a function called on the left of ||, so a failed step would otherwise go unnoticed.
provision_user() {
  rgwadmin user create --uid="$UID_NAME" --display-name="sigv4 e2e" \
    --access-key="$ACCESS_KEY" --secret-key="$SECRET" >"$STATE/logs/user-create.json" || return
  # roles=* lets the user call rgw's IAM role APIs (CreateRole, PutRolePolicy...) should a
  # test want its own role. AssumeRole does not need it (checked: it works with no caps); the
  # role's trust policy below decides that.
  rgwadmin caps add --uid="$UID_NAME" --caps="roles=*" >/dev/null || return
  # Trust policy: the principal is the rgw user's IAM-style ARN (empty account/tenant part).
  rgwadmin role create --role-name="$ROLE_NAME" --path=/ \
    --assume-role-policy-doc="{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam:::user/$UID_NAME\"]},\"Action\":[\"sts:AssumeRole\"]}]}" \
    >"$STATE/logs/role-create.json" || return
  # The temporary credentials get exactly this policy: all of S3.
  rgwadmin role-policy put --role-name="$ROLE_NAME" --policy-name=s3-all \
    --policy-doc='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::*"]}]}' \
    >/dev/null || return
}

start() {
  local b started=$SECONDS fsid osd_uuid role_arn
  [[ "$PORT" =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT + 21 < 65536)) || die "bad port: $PORT"
  for b in ceph ceph-mon ceph-osd radosgw radosgw-admin monmaptool uuidgen; do
    command -v "$b" >/dev/null || die "$b missing: run test/e2e/servers/provision.sh"
  done
  stop_pids
  # Logs of this run only (an error report must not show an older run's lines).
  rm -rf "$STATE/logs" "$STATE/info.json"
  mkdir -p "$STATE/logs"
  # Fail at once on a taken endpoint or mon port (the OSD picks free ports in its band itself).
  ! port_open "$PORT" || die "127.0.0.1:$PORT is already in use"
  ! port_open $((PORT + 1)) || die "127.0.0.1:$((PORT + 1)) (mon) is already in use"
  # From here on, any failure (die or set -e) prints the logs and stops what was started.
  trap on_start_exit EXIT
  # Fresh cluster on every start: the OSD's data was in memory anyway, and a mon store left
  # from an old run would name an OSD that no longer exists.
  rm -rf "$STATE/mon" "$STATE/osd" "$STATE/rgw" "$STATE/run" "$STATE/crash" "$STATE/monmap" \
    "$STATE/keyring"
  mkdir -p "$STATE/mon/ceph-a" "$STATE/osd/ceph-0" "$STATE/rgw/ceph-rgw" "$STATE/run" "$STATE/crash"
  : >"$STATE/pids"
  DEADLINE=$((SECONDS + START_TIMEOUT))

  fsid=$(uuidgen)
  osd_uuid=$(uuidgen)
  write_conf "$fsid"
  # Tools warn (and some refuse) without a keyring file, even with auth off; an empty one is enough.
  : >"$STATE/keyring"

  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$((PORT + 1))]" "$STATE/monmap" \
    >"$STATE/logs/monmaptool.out" 2>&1 || die "monmaptool failed"
  ceph-mon -c "$STATE/ceph.conf" -i a --mkfs --monmap "$STATE/monmap" \
    >"$STATE/logs/mon-mkfs.out" 2>&1 || die "ceph-mon --mkfs failed"
  # -f: foreground (so $! is the daemon) but still logging to the log file.
  spawn mon.a ceph-mon -f -c "$STATE/ceph.conf" -i a
  wait_for "ceph-mon" ceph_ mon stat

  # Register the OSD with the mon (gets id 0 on a fresh cluster), then format its store.
  local id
  id=$(ceph_ osd new "$osd_uuid" 2>>"$STATE/logs/osd-new.out") || die "ceph osd new failed"
  [[ "$id" == 0 ]] || die "expected osd id 0, got '$id'"
  ceph-osd -c "$STATE/ceph.conf" -i 0 --mkfs --osd-uuid "$osd_uuid" \
    >"$STATE/logs/osd-mkfs.out" 2>&1 || die "ceph-osd --mkfs failed"
  spawn osd.0 ceph-osd -f -c "$STATE/ceph.conf" -i 0
  wait_for "osd.0 up" osd_up

  spawn client.rgw radosgw -f -c "$STATE/ceph.conf" -n client.rgw
  wait_for "radosgw on 127.0.0.1:$PORT" http_listening

  # After radosgw is up: it creates the default realm/zone/pools on start, and a concurrent
  # radosgw-admin would race it doing the same.
  provision_user || die "creating the user/role failed"
  role_arn=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Arn"])' \
    "$STATE/logs/role-create.json") || die "no Arn in role create output"

  cat >"$STATE/info.json" <<EOF
{
  "kind": "radosgw",
  "port": $PORT,
  "accessKeyId": "$ACCESS_KEY",
  "secretAccessKey": "$SECRET",
  "region": "$REGION",
  "storageDomain": "$DNS_NAME",
  "userId": "$UID_NAME",
  "roleArn": "$role_arn"
}
EOF
  trap - EXIT
  echo "radosgw.sh: ready on http://127.0.0.1:$PORT in $((SECONDS - started)) s (state $STATE)"
}

cmd=${1:-}
STATE=${2:-}
[[ -n "$cmd" && -n "$STATE" ]] || usage
mkdir -p "$STATE"
# Absolute: ceph.conf paths and the pids guard both need it.
STATE=$(cd "$STATE" && pwd -P)
case "$cmd" in
  start)
    PORT=${3:-}
    [[ -n "$PORT" ]] || usage
    start
    ;;
  stop)
    stop_pids
    echo "radosgw.sh: stopped (state $STATE)"
    ;;
  *) usage ;;
esac

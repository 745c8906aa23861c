#!/usr/bin/env bash
# Makes the binaries for the real-apiserver tests (test/k8s/) available:
#   - etcd: the machine's own (PATH), else Debian's etcd-server package, else built from the Go
#     module proxy (go.etcd.io/etcd/server/v3, pinned in test/k8s/apiserver/go.mod);
#   - kube-apiserver: built from the Go module proxy (k8s.io/kubernetes/cmd/kube-apiserver, pinned
#     in test/k8s/apiserver/go.mod) into a cache outside the repository:
#       ${CAPI_IONOS_K8S_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-capi-ionos/k8s}/<version>/
#
# Idempotent and quick (well under a second) when both are there. Quiet unless something fails:
# the build's output goes to <cache>/<version>/build.log.
#
# It never fails the caller: if a binary cannot be had, it prints why, writes the reason to
# <cache>/<version>/unavailable.txt (the tests print it when they skip) and exits 0.
#
# Environment: CAPI_IONOS_K8S_CACHE (cache root), CAPI_IONOS_K8S_BUILD_JOBS (go build -p, default 2),
# CAPI_IONOS_K8S_ETCD=build (build etcd from the Go module even if the machine has one),
# CAPI_IONOS_SKIP_K8S=1 (do nothing).
set -uo pipefail
trap 'exit 0' EXIT  # whatever happens, the rest of the suite runs

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MOD="$HERE/apiserver"
say() { printf 'test/k8s/setup.sh: %s\n' "$*" >&2; }

if [ "${CAPI_IONOS_SKIP_K8S:-}" = 1 ]; then
  say "CAPI_IONOS_SKIP_K8S=1: skipping"
  exit 0
fi

VERSION="$(sed -n 's/^\(require\)\{0,1\}[[:space:]]*k8s\.io\/kubernetes \(v[0-9]*\.[0-9]*\.[0-9]*\).*/\2/p' "$MOD/go.mod" | head -n 1)"
if [ -z "$VERSION" ]; then
  say "cannot read the Kubernetes version from $MOD/go.mod"
  exit 0
fi
MINOR="$(echo "$VERSION" | cut -d. -f2)"
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
ROOT="${CAPI_IONOS_K8S_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-capi-ionos/k8s}"
DIR="$ROOT/$VERSION"
REASON="$DIR/unavailable.txt"
LOG="$DIR/build.log"
if ! mkdir -p "$DIR" 2>/dev/null; then
  say "cannot create the cache directory $DIR; the kube-apiserver tests will be skipped"
  exit 0
fi

# One run at a time per cache (two test runs starting together must not build twice).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.lock"
  flock 9
fi

LOG_STARTED=""
start_log() { [ -n "$LOG_STARTED" ] || : >"$LOG"; LOG_STARTED=1; }  # one log per run that does work

fail() {
  # $1: the reason, one line. Printed with the end of the build log, recorded for the tests.
  say "$1"
  if [ -s "$LOG" ]; then
    say "last lines of $LOG:"
    tail -n 25 "$LOG" >&2
  fi
  say "the kube-apiserver tests will be skipped; the rest of the suite runs"
  printf '%s\n' "$1" >"$REASON"
  exit 0
}

# The inputs of the build: a different module or different flags make a different binary.
LDFLAGS="-s -w -X k8s.io/component-base/version.gitVersion=$VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$MINOR -X k8s.io/component-base/version.gitTreeState=clean"
stamp() {
  { cat "$MOD/go.mod" "$MOD/go.sum" "$MOD/tools.go"; echo "$1"; echo "$LDFLAGS"; } | sha256sum | cut -d' ' -f1
}

go_build() {
  # $1: package, $2: output path. Builds in a copy of the module outside the repository, so the
  # repository is never written to; the module cache and the build cache are Go's defaults.
  local pkg="$1" out="$2" src="$DIR/src"
  command -v go >/dev/null 2>&1 || return 127
  rm -rf "$src" && mkdir -p "$src" && cp "$MOD/go.mod" "$MOD/go.sum" "$MOD/tools.go" "$src/" || return 1
  (
    cd "$src" &&
      GOMAXPROCS="${GOMAXPROCS:-2}" CGO_ENABLED=0 GOFLAGS="-mod=mod -buildvcs=false" \
        nice -n 10 go build -p "${CAPI_IONOS_K8S_BUILD_JOBS:-2}" -ldflags "$LDFLAGS" -o "$out.tmp" "$pkg"
  ) >>"$LOG" 2>&1 && mv -f "$out.tmp" "$out"
}

# --- etcd -----------------------------------------------------------------------------------------
# kube-apiserver 1.33 speaks the etcd v3 API; etcd's own floor for it is 3.4 (3.4.22+ recommended).
etcd_ok() {
  local v
  v="$("$1" --version 2>/dev/null | sed -n 's/^etcd Version: \([0-9]*\)\.\([0-9]*\)\..*/\1 \2/p')" || return 1
  set -- $v
  [ "${1:-0}" -gt 3 ] || { [ "${1:-0}" -eq 3 ] && [ "${2:-0}" -ge 4 ]; }
}

apt_install_etcd() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else return 1; fi
  fi
  # Installing must not start a system etcd: the tests start their own on random ports.
  local policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod 755 /usr/sbin/policy-rc.d && policy=1
  fi
  local rc=0
  {
    echo "== apt-get install etcd-server"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends etcd-server </dev/null ||
      { $sudo apt-get update -qq </dev/null &&
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends etcd-server </dev/null; }
  } >>"$LOG" 2>&1 || rc=$?
  [ -n "$policy" ] && $sudo rm -f /usr/sbin/policy-rc.d
  return $rc
}

ETCD=""
if [ "${CAPI_IONOS_K8S_ETCD:-}" != build ]; then
  for c in "${CAPI_IONOS_ETCD:-}" "$(command -v etcd 2>/dev/null)" /usr/bin/etcd; do
    if [ -n "$c" ] && [ -x "$c" ] && etcd_ok "$c"; then ETCD="$c"; break; fi
  done
fi
if [ -z "$ETCD" ] && [ -x "$DIR/etcd" ] && [ "$(cat "$DIR/etcd.stamp" 2>/dev/null)" = "$(stamp etcd)" ] && etcd_ok "$DIR/etcd"; then
  ETCD="$DIR/etcd"
fi
if [ -z "$ETCD" ] && [ "${CAPI_IONOS_K8S_ETCD:-}" != build ]; then
  start_log
  if apt_install_etcd && etcd_ok /usr/bin/etcd; then
    ETCD=/usr/bin/etcd
    say "installed Debian's etcd-server ($(/usr/bin/etcd --version 2>/dev/null | head -1))"
  fi
fi
if [ -z "$ETCD" ]; then
  start_log
  say "building etcd from the Go module proxy (go.etcd.io/etcd/server/v3)…"
  start=$SECONDS
  if go_build go.etcd.io/etcd/server/v3 "$DIR/etcd" && etcd_ok "$DIR/etcd"; then
    stamp etcd >"$DIR/etcd.stamp"
    ETCD="$DIR/etcd"
    say "built etcd in $((SECONDS - start)) s"
  elif ! command -v go >/dev/null 2>&1; then
    fail "no etcd: not on PATH, apt-get install etcd-server failed or is not possible here (not root, no apt), and there is no Go toolchain to build it"
  else
    fail "no etcd: apt-get install etcd-server failed or is not possible here, and go build of go.etcd.io/etcd/server/v3 failed (see $LOG)"
  fi
fi

# --- kube-apiserver -------------------------------------------------------------------------------
BIN="$DIR/kube-apiserver"
want="$(stamp kube-apiserver)"
if [ -x "$BIN" ] && [ "$(cat "$BIN.stamp" 2>/dev/null)" = "$want" ] && "$BIN" --version >/dev/null 2>&1; then
  rm -f "$REASON"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  fail "no Go toolchain on PATH: kube-apiserver $VERSION is built from the Go module proxy (needs Go >= 1.24)"
fi
start_log
say "building kube-apiserver $VERSION from the Go module proxy with $(go version | cut -d' ' -f3) (a cold build takes several minutes on 2 cores; log: $LOG)…"
start=$SECONDS
if ! go_build k8s.io/kubernetes/cmd/kube-apiserver "$BIN"; then
  fail "go build of k8s.io/kubernetes/cmd/kube-apiserver $VERSION failed: $(grep -v '^go: downloading' "$LOG" | tail -n 1) (full log: $LOG)"
fi
if ! got="$("$BIN" --version 2>&1)"; then
  fail "the built kube-apiserver does not run: $got"
fi
echo "$want" >"$BIN.stamp"
rm -f "$REASON"
say "built $got in $((SECONDS - start)) s; etcd: $ETCD"
exit 0

#!/usr/bin/env bash
# Makes the real consumers of our manifests available to the tests of test/peers/, built into a
# cache outside the repository:
#   ${CAPI_IONOS_PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-capi-ionos/peers}/
#     bin/cluster-api-manager             Cluster API core v1.10.10       (go install, module proxy)
#     bin/kubeadm-bootstrap-manager       kubeadm bootstrap v1.10.10      (go install, module proxy)
#     bin/kubeadm-control-plane-manager   kubeadm control plane v1.10.10  (go install, module proxy)
#     bin/incluster-manager               In-Cluster IPAM provider v1.0.3 (go build of the source)
#     bin/capic-manager                   IONOS provider (CAPIC) de375f0  (go build of the source)
#     crds/<project>/*.yaml               each project's full config/crd/bases
#     webhooks/<project>/manifests.yaml   each project's config/webhook/manifests.yaml (if any)
#     cloud-init                          `cloud-init schema` (Debian package cloud-init, via apt)
#
# The two providers that the Go module proxy does not serve are built from source: from the
# snapshots in ../shared/upstream/*.tar.gz next to the repository when that directory exists (the
# project's build machine; CAPI_IONOS_UPSTREAM_DIR overrides it), otherwise from a shallow git
# clone of the same public commits. This fallback is the only place the repository refers to
# ../shared.
#
# Idempotent: a binary is rebuilt only when its pinned version or the Go version changes, so a
# warm run takes well under a second. Quiet unless something fails: the output of each build goes
# to <cache>/logs/<name>.log. It never fails the caller: a binary that cannot be had gets a line in
# <cache>/unavailable.txt (the tests print it when they skip), and the script exits 0.
# Cold, on 2 cores: about 25 minutes (the Go module and build caches dominate; they are Go's own,
# outside the repository). Warm Go caches, binaries missing: about a minute of linking.
#
# Environment: CAPI_IONOS_PEERS_CACHE (cache root), CAPI_IONOS_UPSTREAM_DIR (where the snapshots
# are), CAPI_IONOS_SKIP_PEERS=1 (do nothing), CAPI_IONOS_PEERS_BUILD_JOBS (go build -p, default 2),
# CAPI_IONOS_SKIP_CLOUD_INIT=1 (do not apt-get install cloud-init).
set -uo pipefail
trap 'exit 0' EXIT  # whatever happens, the rest of the suite runs

# The pins; test/peers/peers.ts reads CAPI_VERSION from here.
CAPI_VERSION=v1.10.10
INCLUSTER_VERSION=v1.0.3
INCLUSTER_COMMIT=cd1bebe8bc29ba7170c80575a975eca60475d648
INCLUSTER_REPO=https://github.com/kubernetes-sigs/cluster-api-ipam-provider-in-cluster.git
CAPIC_COMMIT=de375f0481a37b079527b396009c86ba517f5ebe
CAPIC_REPO=https://github.com/ionos-cloud/cluster-api-provider-ionoscloud.git

say() { printf 'test/peers/setup.sh: %s\n' "$*" >&2; }
if [ "${CAPI_IONOS_SKIP_PEERS:-}" = 1 ]; then
  say "CAPI_IONOS_SKIP_PEERS=1: skipping"
  exit 0
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
ROOT="${CAPI_IONOS_PEERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-capi-ionos/peers}"
UPSTREAM="${CAPI_IONOS_UPSTREAM_DIR:-$REPO/../shared/upstream}"
if ! mkdir -p "$ROOT/bin" "$ROOT/crds" "$ROOT/webhooks" "$ROOT/logs" "$ROOT/src" 2>/dev/null; then
  say "cannot create the cache directory $ROOT; the tests of test/peers/ will be skipped"
  exit 0
fi
# One run at a time per cache (two test runs starting together must not build twice).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$ROOT/.lock"
  flock 9
fi
REASONS="$ROOT/unavailable.txt"
: >"$REASONS.new"

# unavailable NAME REASON: one line for the tests, the end of the build log for the person.
unavailable() {
  say "$1: $2"
  if [ -s "$ROOT/logs/$1.log" ]; then
    say "last lines of $ROOT/logs/$1.log:"
    grep -v '^go: downloading' "$ROOT/logs/$1.log" | tail -n 15 >&2
  fi
  printf '%s: %s\n' "$1" "$2" >>"$REASONS.new"
}
finish() { mv -f "$REASONS.new" "$REASONS"; [ -s "$REASONS" ] || rm -f "$REASONS"; }

HAVE_GO=""
command -v go >/dev/null 2>&1 && HAVE_GO=1
GOVERSION="$([ -n "$HAVE_GO" ] && go env GOVERSION 2>/dev/null)"
# The build environment is Go's default (no -trimpath, no CGO override), so that the module and
# build caches a previous `go install` / `go build` of the same versions left behind are reused.
go_env() { GOMAXPROCS="${GOMAXPROCS:-2}" GOFLAGS="-mod=mod -buildvcs=false" nice -n 10 "$@"; }

# fresh NAME KEY: whether bin/NAME exists and was built from KEY (a version + the Go version).
fresh() { [ -x "$ROOT/bin/$1" ] && [ "$(cat "$ROOT/bin/$1.stamp" 2>/dev/null)" = "$2" ]; }

# --- Cluster API: core, kubeadm bootstrap, kubeadm control plane (Go module proxy) -----------------
# Each `go install` names its binary after the package's last path element, so each gets its own GOBIN.
capi_install() { # NAME PACKAGE
  local name="$1" pkg="$2" key="$2@$CAPI_VERSION $GOVERSION" gobin="$ROOT/src/gobin-$1"
  fresh "$name" "$key" && return 0
  [ -n "$HAVE_GO" ] || { unavailable "$name" "no Go toolchain on PATH (needs Go >= 1.23)"; return 0; }
  say "go install $pkg@$CAPI_VERSION (cold: several minutes on 2 cores; log: $ROOT/logs/$name.log)…"
  local start=$SECONDS
  rm -rf "$gobin"
  if GOBIN="$gobin" go_env go install -p "${CAPI_IONOS_PEERS_BUILD_JOBS:-2}" "$pkg@$CAPI_VERSION" >"$ROOT/logs/$name.log" 2>&1 &&
    mv -f "$gobin/$(basename "$pkg")" "$ROOT/bin/$name"; then
    echo "$key" >"$ROOT/bin/$name.stamp"
    say "built $name in $((SECONDS - start)) s"
  else
    unavailable "$name" "go install $pkg@$CAPI_VERSION failed (see $ROOT/logs/$name.log)"
  fi
  rm -rf "$gobin"
}
capi_install cluster-api-manager sigs.k8s.io/cluster-api
capi_install kubeadm-bootstrap-manager sigs.k8s.io/cluster-api/bootstrap/kubeadm
capi_install kubeadm-control-plane-manager sigs.k8s.io/cluster-api/controlplane/kubeadm

# The CRDs and webhook configurations of the three CAPI managers come from the same module.
copy_config() { # PROJECT DIR (a project root holding config/)
  local dest="$ROOT/crds/$1"
  [ -d "$2/config/crd/bases" ] || return 1
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp" && cp "$2"/config/crd/bases/*.yaml "$dest.tmp/" &&
    rm -rf "$dest" && mv "$dest.tmp" "$dest" || return 1
  rm -rf "$ROOT/webhooks/$1"
  if [ -f "$2/config/webhook/manifests.yaml" ]; then
    mkdir -p "$ROOT/webhooks/$1" && cp "$2/config/webhook/manifests.yaml" "$ROOT/webhooks/$1/"
  fi
}
CAPI_KEY="sigs.k8s.io/cluster-api@$CAPI_VERSION"
if [ "$(cat "$ROOT/crds/capi.stamp" 2>/dev/null)" != "$CAPI_KEY" ]; then
  MODDIR=""
  if [ -n "$HAVE_GO" ]; then
    MODDIR="$(cd "$ROOT/src" && GOFLAGS=-mod=mod go mod download -json "$CAPI_KEY" 2>>"$ROOT/logs/capi-crds.log" |
      sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')"
  fi
  if [ -n "$MODDIR" ] && copy_config capi-core "$MODDIR" && copy_config capi-kubeadm-bootstrap "$MODDIR/bootstrap/kubeadm" &&
    copy_config capi-kubeadm-control-plane "$MODDIR/controlplane/kubeadm"; then
    echo "$CAPI_KEY" >"$ROOT/crds/capi.stamp"
  elif [ -z "$HAVE_GO" ]; then
    unavailable capi-crds "no Go toolchain on PATH to download $CAPI_KEY (its config/crd/bases are the CRDs)"
  else
    unavailable capi-crds "cannot read config/crd/bases of $CAPI_KEY from the Go module cache (see $ROOT/logs/capi-crds.log)"
  fi
fi

# --- In-Cluster IPAM provider and CAPIC (source snapshots, or a clone of the same commits) ---------
# source NAME TARBALL REPO COMMIT: unpacks the project's source into src/NAME (once per commit).
source_tree() {
  local name="$1" tarball="$2" repo="$3" commit="$4" dir="$ROOT/src/$1"
  [ "$(cat "$dir.stamp" 2>/dev/null)" = "$commit" ] && [ -d "$dir" ] && return 0
  rm -rf "$dir" "$dir.tmp" && mkdir -p "$dir.tmp" || return 1
  if [ -f "$UPSTREAM/$tarball" ]; then
    tar xzf "$UPSTREAM/$tarball" -C "$dir.tmp" --strip-components=1 || return 1
  elif command -v git >/dev/null 2>&1; then
    say "no $UPSTREAM/$tarball: cloning $repo at $commit…"
    (cd "$dir.tmp" && git init -q && git fetch -q --depth 1 "$repo" "$commit" && git checkout -q FETCH_HEAD && rm -rf .git) \
      >>"$ROOT/logs/$name.log" 2>&1 || return 1
  else
    return 1
  fi
  mv "$dir.tmp" "$dir" && echo "$commit" >"$dir.stamp"
}

provider_build() { # NAME BINARY TARBALL REPO COMMIT PACKAGE
  local name="$1" bin="$2" tarball="$3" repo="$4" commit="$5" pkg="$6" key="$5 $GOVERSION"
  if ! source_tree "$name" "$tarball" "$repo" "$commit"; then
    unavailable "$bin" "no source of $name: neither $UPSTREAM/$tarball nor a git clone of $repo at $commit"
    return 0
  fi
  copy_config "$name" "$ROOT/src/$name" || unavailable "$name-crds" "no config/crd/bases in the source of $name"
  fresh "$bin" "$key" && return 0
  [ -n "$HAVE_GO" ] || { unavailable "$bin" "no Go toolchain on PATH (needs Go >= 1.24)"; return 0; }
  say "go build of $name at ${commit:0:7} (cold: several minutes on 2 cores; log: $ROOT/logs/$bin.log)…"
  local start=$SECONDS
  if (cd "$ROOT/src/$name" && go_env go build -p "${CAPI_IONOS_PEERS_BUILD_JOBS:-2}" -o "$ROOT/bin/$bin.tmp" "$pkg") \
    >"$ROOT/logs/$bin.log" 2>&1 && mv -f "$ROOT/bin/$bin.tmp" "$ROOT/bin/$bin"; then
    echo "$key" >"$ROOT/bin/$bin.stamp"
    say "built $bin in $((SECONDS - start)) s"
  else
    unavailable "$bin" "go build of $name at $commit failed (see $ROOT/logs/$bin.log)"
  fi
}
provider_build incluster incluster-manager "cluster-api-ipam-provider-in-cluster-$INCLUSTER_VERSION.tar.gz" \
  "$INCLUSTER_REPO" "$INCLUSTER_COMMIT" .
provider_build capic capic-manager "cluster-api-provider-ionoscloud-${CAPIC_COMMIT:0:7}.tar.gz" \
  "$CAPIC_REPO" "$CAPIC_COMMIT" ./cmd

# --- cloud-init (for `cloud-init schema` of the rendered bootstrap data) ---------------------------
if [ "${CAPI_IONOS_SKIP_CLOUD_INIT:-}" != 1 ] && ! command -v cloud-init >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; }; then
    say "installing Debian's cloud-init (for \`cloud-init schema\`)…"
    # Installing must not start or enable anything on this machine.
    policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod 755 /usr/sbin/policy-rc.d && policy=1
    fi
    {
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cloud-init </dev/null ||
        { $sudo apt-get update -qq </dev/null &&
          $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cloud-init </dev/null; }
    } >"$ROOT/logs/cloud-init.log" 2>&1
    [ -n "$policy" ] && $sudo rm -f /usr/sbin/policy-rc.d
    # Only its `schema` command is wanted: cloud-init must never configure this machine at boot.
    command -v cloud-init >/dev/null 2>&1 && $sudo mkdir -p /etc/cloud && $sudo touch /etc/cloud/cloud-init.disabled
  fi
  command -v cloud-init >/dev/null 2>&1 ||
    unavailable cloud-init "no cloud-init on PATH and apt-get install cloud-init failed or is not possible here (not root, no apt)"
fi

finish
if [ -s "$REASONS" ]; then
  say "the tests of test/peers/ that need the missing pieces will be skipped; the rest of the suite runs"
fi
exit 0

#!/usr/bin/env bash
# Makes the GitOps tools of test/gitops/ available, built from the Go module proxy into a cache
# outside the repository:
#   ${CAPI_IONOS_GITOPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-capi-ionos/gitops}/
#     kustomize-<version>/kustomize    `kustomize build` of every dist/ (go install, ~25 s cold)
#     flux-<version>/flux              `flux build kustomization`, `flux push/pull artifact`
#     flux-<version>/registry          an in-memory OCI registry for the push (go-containerregistry)
#     flux-<version>/crds/             Flux's source and kustomize CRDs (from the controllers' modules)
#     argocd-<version>/                Argo CD's install.yaml and crds/ (from the argo-cd module)
# The manifests let the tests send the Argo CD and Flux objects of deploy/ and of the docs to a
# real kube-apiserver (test/k8s/), with the real CRD schemas.
#
# flux: the release's `cmd/flux` embeds the manifests of `flux install`, which the release process
# generates and the module zip therefore lacks; this build puts a placeholder there, so
# `flux install` / `flux bootstrap` of this binary would install nothing. Every other command
# (build, push, pull, diff) is the release's code. A cold build takes several minutes on 2 cores.
#
# Idempotent and quick when the binaries are there. Quiet unless something fails: build output goes
# to <dir>/build.log. It never fails the caller: a tool that cannot be had gets its reason written
# to <dir>/unavailable.txt (the tests print it when they skip), and the script exits 0.
#
# Environment: CAPI_IONOS_GITOPS_CACHE (cache root), CAPI_IONOS_SKIP_GITOPS=1 (do nothing),
# CAPI_IONOS_SKIP_FLUX=1 (kustomize only).
set -uo pipefail
trap 'exit 0' EXIT  # whatever happens, the rest of the suite runs

# The versions the tests expect; test/gitops/tools.ts reads them from here.
KUSTOMIZE_VERSION=v5.8.2   # v5.8.3 needs Go 1.27
FLUX_VERSION=v2.9.5
FLUX_CONTROLLERS_VERSION=v1.9.5   # source- and kustomize-controller, as flux2 $FLUX_VERSION requires their APIs
ARGOCD_VERSION=v3.5.7             # v3.6 needs Go 1.27
say() { printf 'test/gitops/setup.sh: %s\n' "$*" >&2; }

if [ "${CAPI_IONOS_SKIP_GITOPS:-}" = 1 ]; then
  say "CAPI_IONOS_SKIP_GITOPS=1: skipping"
  exit 0
fi
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
ROOT="${CAPI_IONOS_GITOPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-capi-ionos/gitops}"
if ! mkdir -p "$ROOT" 2>/dev/null; then
  say "cannot create the cache directory $ROOT; the GitOps tool tests will be skipped"
  exit 0
fi
# One run at a time per cache.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$ROOT/.lock"
  flock 9
fi

# unavailable DIR REASON: records why a tool is missing (one line) and shows the log's end.
unavailable() {
  say "$2"
  if [ -s "$1/build.log" ]; then
    say "last lines of $1/build.log:"
    tail -n 15 "$1/build.log" >&2
  fi
  printf '%s\n' "$2" >"$1/unavailable.txt"
}

go_env() { GOMAXPROCS="${GOMAXPROCS:-2}" CGO_ENABLED=0 GOFLAGS="-buildvcs=false" nice -n 10 "$@"; }

# --- kustomize --------------------------------------------------------------------------------------
K="$ROOT/kustomize-$KUSTOMIZE_VERSION"
mkdir -p "$K"
if [ -x "$K/kustomize" ] && [ "$("$K/kustomize" version 2>/dev/null)" = "$KUSTOMIZE_VERSION" ]; then
  rm -f "$K/unavailable.txt"
elif ! command -v go >/dev/null 2>&1; then
  unavailable "$K" "no Go toolchain on PATH: kustomize $KUSTOMIZE_VERSION is built with go install from the Go module proxy"
else
  say "building kustomize $KUSTOMIZE_VERSION from the Go module proxy (log: $K/build.log)…"
  start=$SECONDS
  rm -rf "$K/bin.tmp"
  if go_env env GOBIN="$K/bin.tmp" go install -ldflags "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=$KUSTOMIZE_VERSION" \
      "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >"$K/build.log" 2>&1 &&
    mv -f "$K/bin.tmp/kustomize" "$K/kustomize" && "$K/kustomize" version >/dev/null 2>&1; then
    rm -rf "$K/bin.tmp" "$K/unavailable.txt"
    say "built kustomize $KUSTOMIZE_VERSION in $((SECONDS - start)) s"
  else
    unavailable "$K" "go install of sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION failed: $(grep -v '^go: downloading' "$K/build.log" | tail -n 1)"
  fi
fi

# --- flux and an OCI registry -----------------------------------------------------------------------
F="$ROOT/flux-$FLUX_VERSION"
mkdir -p "$F"
if [ "${CAPI_IONOS_SKIP_FLUX:-}" = 1 ]; then
  say "CAPI_IONOS_SKIP_FLUX=1: not building flux"
  [ -x "$F/flux" ] || printf '%s\n' "CAPI_IONOS_SKIP_FLUX=1 was set when test/gitops/setup.sh ran" >"$F/unavailable.txt"
elif [ -x "$F/flux" ] && [ -x "$F/registry" ] && "$F/flux" version --client 2>/dev/null | grep -q "${FLUX_VERSION#v}"; then
  rm -f "$F/unavailable.txt"
elif ! command -v go >/dev/null 2>&1; then
  unavailable "$F" "no Go toolchain on PATH: flux $FLUX_VERSION is built from the Go module proxy"
else
  say "building flux $FLUX_VERSION and an OCI registry from the Go module proxy (several minutes cold; log: $F/build.log)…"
  start=$SECONDS
  : >"$F/build.log"
  src="$F/src"
  if dir="$(go mod download -json "github.com/fluxcd/flux2/v2@$FLUX_VERSION" 2>>"$F/build.log" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" && [ -n "$dir" ] &&
    rm -rf "$src" && cp -r "$dir" "$src" && chmod -R u+w "$src" &&
    mkdir -p "$src/cmd/flux/manifests" &&
    printf '# placeholder: the manifests of `flux install` are generated at release time and not in the module\n' >"$src/cmd/flux/manifests/placeholder.yaml" &&
    (cd "$src" && go_env go build -p 2 -ldflags "-s -w -X main.VERSION=${FLUX_VERSION#v}" -o "$F/flux.tmp" ./cmd/flux) >>"$F/build.log" 2>&1 &&
    (cd "$src" && go_env go build -ldflags "-s -w" -o "$F/registry.tmp" github.com/google/go-containerregistry/cmd/registry) >>"$F/build.log" 2>&1 &&
    mv -f "$F/flux.tmp" "$F/flux" && mv -f "$F/registry.tmp" "$F/registry" && "$F/flux" version --client >/dev/null 2>&1; then
    rm -rf "$src" "$F/unavailable.txt"
    say "built flux $FLUX_VERSION and the registry in $((SECONDS - start)) s"
  else
    rm -rf "$src"
    unavailable "$F" "build of flux $FLUX_VERSION failed: $(grep -v '^go: downloading' "$F/build.log" | tail -n 1) (full log: $F/build.log)"
  fi
fi
# --- CRDs and Argo CD's install manifest ------------------------------------------------------------
# Module source from the Go module proxy (go mod download), then the few files the tests need.
module_dir() { go mod download -json "$1" 2>>"$2" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'; }

C="$F/crds"
if [ -s "$C/source.toolkit.fluxcd.io_ocirepositories.yaml" ] && [ -s "$C/kustomize.toolkit.fluxcd.io_kustomizations.yaml" ]; then
  :
elif command -v go >/dev/null 2>&1 &&
  src="$(module_dir "github.com/fluxcd/source-controller@$FLUX_CONTROLLERS_VERSION" "$F/build.log")" && [ -n "$src" ] &&
  kus="$(module_dir "github.com/fluxcd/kustomize-controller@$FLUX_CONTROLLERS_VERSION" "$F/build.log")" && [ -n "$kus" ]; then
  rm -rf "$C.tmp" && mkdir -p "$C.tmp" &&
    cp "$src"/config/crd/bases/source.toolkit.fluxcd.io_gitrepositories.yaml "$src"/config/crd/bases/source.toolkit.fluxcd.io_ocirepositories.yaml \
      "$kus"/config/crd/bases/kustomize.toolkit.fluxcd.io_kustomizations.yaml "$C.tmp/" &&
    rm -rf "$C" && mv "$C.tmp" "$C"
else
  say "could not get Flux's CRDs $FLUX_CONTROLLERS_VERSION from the Go module proxy; the Flux API-server tests will be skipped"
fi

A="$ROOT/argocd-$ARGOCD_VERSION"
mkdir -p "$A"
if [ -s "$A/install.yaml" ] && [ -s "$A/crds/application-crd.yaml" ]; then
  rm -f "$A/unavailable.txt"
elif ! command -v go >/dev/null 2>&1; then
  unavailable "$A" "no Go toolchain on PATH: Argo CD's manifests come from the Go module proxy"
elif dir="$(module_dir "github.com/argoproj/argo-cd/v3@$ARGOCD_VERSION" "$A/build.log")" && [ -s "$dir/manifests/install.yaml" ]; then
  rm -rf "$A/crds" && mkdir -p "$A/crds" &&
    cp "$dir"/manifests/crds/application-crd.yaml "$dir"/manifests/crds/applicationset-crd.yaml "$dir"/manifests/crds/appproject-crd.yaml "$A/crds/" &&
    cp "$dir/manifests/install.yaml" "$A/install.yaml" && chmod -R u+w "$A" && rm -f "$A/unavailable.txt"
else
  unavailable "$A" "go mod download of github.com/argoproj/argo-cd/v3@$ARGOCD_VERSION failed: $(tail -n 1 "$A/build.log")"
fi
exit 0

#!/usr/bin/env bash
# Regenerates imports/ from the CRD bundle: the L1 classes (one `cdk8s import` of the whole
# bundle, since importing one API group in two calls overwrites its file) and the compiled CRD
# validators. cdk8s import runs in a scratch directory because it rewrites the cdk8s.yaml of the
# directory it runs in.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bundle="$root/crds/bundle.yaml"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && CDK8S_CHECK_UPGRADE=false "$root/node_modules/.bin/cdk8s" import "$bundle" -l typescript -o "$root/imports")
cd "$root" && node_modules/.bin/tsx scripts/gen-validators.ts crds/bundle.yaml imports/validators.ts

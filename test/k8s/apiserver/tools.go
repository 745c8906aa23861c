//go:build tools

// Package tools records the programs this module builds, so that go.mod and go.sum pin
// everything they import. kube-apiserver is always built; etcd
// (go.etcd.io/etcd/server/v3, the release kube-apiserver's own tests use) only where the
// machine has no etcd of its own.
package tools

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
)

# Shared paths and helpers for scripts/e2e/*.sh. Source it; do not run it.
# shellcheck shell=bash

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$E2E_DIR/../.." && pwd)

# shellcheck source=versions.env
. "$E2E_DIR/versions.env"

E2E_CACHE="${ZD_E2E_CACHE:-$REPO_ROOT/.cache/e2e}"

die() {
  echo "e2e: error: $*" >&2
  exit 1
}

log() {
  echo "e2e: $*" >&2
}

require_go() {
  command -v go >/dev/null 2>&1 || die "go is not on PATH (Go >= 1.26 is needed to build the control plane)"
}

# The cache key names everything the binaries depend on: pinned versions, the Go
# toolchain that compiled them and the recipe revision.
e2e_key() {
  require_go
  local gover
  gover=$(go env GOVERSION)
  echo "k8s${K8S_VERSION}-etcd${ETCD_VERSION}-kwok${KWOK_VERSION}-${gover}-r${RECIPE}"
}

# Binaries setup.sh produces, all under "$(e2e_bin_dir)".
E2E_BINARIES=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok kwokctl)

e2e_bin_dir() {
  echo "$E2E_CACHE/$(e2e_key)/bin"
}

# True when every binary of the current key has been built completely.
e2e_bins_complete() {
  local bin
  bin=$(e2e_bin_dir)
  [[ -f "$bin/.complete" ]] || return 1
  local b
  for b in "${E2E_BINARIES[@]}"; do
    [[ -x "$bin/$b" ]] || return 1
  done
}

#!/usr/bin/env bash
# Builds the local control plane for the e2e suite from source, through the Go
# module proxy configured in the environment (nothing else is downloaded):
#   kube-apiserver, kube-controller-manager, kube-scheduler, kubectl  (k8s.io/kubernetes)
#   etcd                                                              (go.etcd.io/etcd/server/v3)
#   kwok, kwokctl                                                     (sigs.k8s.io/kwok)
#   helm                                                              (helm.sh/helm/v3)
#   actionlint                                                        (github.com/rhysd/actionlint)
# into .cache/e2e/<key>/bin, where <key> names the pinned versions (versions.env),
# the Go toolchain and the recipe revision. Idempotent: when the binaries of the
# current key exist it does nothing. helm (for the tests that render real charts) has a key of its
# own (.cache/e2e/helm<version>-<go>/bin), so adding or bumping it never rebuilds the control plane;
# it is linked into the control plane's bin folder, next to kubectl (which renders kustomize trees).
# actionlint (for the test that checks .github/workflows) is built and linked the same way
# (.cache/e2e/actionlint<version>-<go>/bin).
#
# Usage: scripts/e2e/setup.sh [--force]
set -euo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

force=0
case "${1:-}" in
  "") ;;
  --force) force=1 ;;
  *) die "usage: setup.sh [--force]" ;;
esac

require_go
KEY=$(e2e_key)
WORK="$E2E_CACHE/$KEY"
BIN="$WORK/bin"
SRC="$WORK/src"
LOGS="$WORK/logs"

# ensure_tool NAME VERSION BUILD: NAME built once per (version, Go toolchain) into a folder of its own,
# $E2E_CACHE/NAME<version>-<go>/bin, by `BUILD SRC_DIR OUT_FILE` (its log in that folder's build.log),
# and linked into $BIN. Not part of the control plane's key: bumping a tool rebuilds only that tool.
ensure_tool() {
  local name=$1 version=$2 build=$3 dir gover
  gover=$(go env GOVERSION)
  dir="$E2E_CACHE/$name$version-$gover"
  if [[ ! -x "$dir/bin/$name" ]]; then
    mkdir -p "$E2E_CACHE"
    exec 7>"$E2E_CACHE/$name.lock"
    flock 7
    if [[ ! -x "$dir/bin/$name" ]]; then
      local s
      s=$(date +%s)
      log "building $name v$version ..."
      rm -rf "$dir/src" && mkdir -p "$dir/src" "$dir/bin"
      ("$build" "$dir/src" "$dir/bin/$name.tmp") >"$dir/build.log" 2>&1 ||
        { tail -n 40 "$dir/build.log" >&2; die "build of $name failed"; }
      mv "$dir/bin/$name.tmp" "$dir/bin/$name"
      log "built $name in $(($(date +%s) - s))s"
    fi
    exec 7>&-
  fi
  mkdir -p "$BIN"
  ln -sfn "$dir/bin/$name" "$BIN/$name"
}

# helm: a wrapper module requiring the release, so it builds with exactly that release's dependencies.
build_helm() {
  cp "$E2E_DIR/go/helm/go.mod.in" "$1/go.mod" && cd "$1" && go get "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION" &&
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION" \
      -o "$2" helm.sh/helm/v3/cmd/helm
}

# actionlint: `go install module@version` builds it with exactly the dependencies of that release,
# and its build info carries the version `actionlint -version` prints.
build_actionlint() {
  GOBIN="$1" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w" \
    "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION" && mv "$1/actionlint" "$2"
}

ensure_tools() {
  ensure_tool helm "$HELM_VERSION" build_helm
  ensure_tool actionlint "$ACTIONLINT_VERSION" build_actionlint
}

if [[ $force -eq 0 ]] && e2e_bins_complete; then
  log "binaries for $KEY are built: $BIN"
  ensure_tools
  exit 0
fi

# One build per key at a time (several test runs may start at once); a run that waited for
# another one's build finds the binaries done.
mkdir -p "$E2E_CACHE"
exec 9>"$E2E_CACHE/$KEY.lock"
if ! flock -n 9; then
  log "another setup.sh is building $KEY; waiting for it"
  flock 9
  if [[ $force -eq 0 ]] && e2e_bins_complete; then
    log "binaries for $KEY are built: $BIN"
    exit 0
  fi
fi

mkdir -p "$BIN" "$SRC" "$LOGS"
rm -f "$BIN/.complete"

K8S_MINOR=$(echo "$K8S_VERSION" | cut -d. -f2)
STAGING_VERSION="v0.${K8S_VERSION#1.}"   # 1.36.3 -> v0.36.3

export CGO_ENABLED=0

seconds() { date +%s; }
T0=$(seconds)

# Runs "$@" with output to a log file; on failure shows the log's tail.
# The step runs in a background subshell so that `set -e` stays in force inside it
# (it would be ignored in an `if`/`||` context).
run_logged() {
  local name=$1
  shift
  ("$@") >"$LOGS/$name.log" 2>&1 &
  if ! wait $!; then
    echo "e2e: step '$name' failed; last lines of $LOGS/$name.log:" >&2
    tail -n 40 "$LOGS/$name.log" >&2
    return 1
  fi
}

# ---- module resolution (network bound: the three run in parallel) ----------

prepare_kube() {
  local dir="$SRC/kube"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$E2E_DIR/go/kube/go.mod.in" "$dir/go.mod"
  cd "$dir"
  local gomod
  gomod=$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')
  [[ -f "$gomod" ]] || { echo "cannot locate go.mod of k8s.io/kubernetes@v$K8S_VERSION" >&2; return 1; }
  go mod edit -require="k8s.io/kubernetes@v$K8S_VERSION"
  # Every staging module k8s.io/kubernetes replaces with ./staging/... is
  # published as k8s.io/<name> v0.<minor>.<patch>: map it to that version.
  local mods m n=0
  mods=$(sed -n 's|^[[:space:]]*\(k8s\.io/[A-Za-z0-9._/-]*\)[[:space:]]*=>[[:space:]]*\./staging/.*|\1|p' "$gomod")
  for m in $mods; do
    go mod edit -replace="$m=$m@$STAGING_VERSION"
    n=$((n + 1))
  done
  [[ $n -gt 10 ]] || { echo "found only $n staging replaces in $gomod" >&2; return 1; }
  # Keep the GODEBUG defaults the Kubernetes build uses.
  local gd
  while read -r gd; do
    [[ -n "$gd" ]] && go mod edit -godebug="$gd"
  done < <(sed -n 's/^godebug[[:space:]]\{1,\}\([A-Za-z0-9_]*=[^[:space:]]*\).*/\1/p' "$gomod")
  go get \
    "k8s.io/kubernetes/cmd/kube-apiserver@v$K8S_VERSION" \
    "k8s.io/kubernetes/cmd/kube-controller-manager@v$K8S_VERSION" \
    "k8s.io/kubernetes/cmd/kube-scheduler@v$K8S_VERSION" \
    "k8s.io/kubernetes/cmd/kubectl@v$K8S_VERSION"
}

prepare_etcd() {
  local dir="$SRC/etcd"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$E2E_DIR/go/etcd/go.mod.in" "$dir/go.mod"
  cp "$E2E_DIR/go/etcd/main.go" "$dir/main.go"
  cd "$dir"
  go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION"
}

prepare_kwok() {
  local dir="$SRC/kwok"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$E2E_DIR/go/kwok/go.mod.in" "$dir/go.mod"
  cd "$dir"
  go get "sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@v$KWOK_VERSION"
}

log "resolving modules (k8s v$K8S_VERSION, etcd v$ETCD_VERSION, kwok v$KWOK_VERSION); logs in $LOGS"
pids=()
for step in kube etcd kwok; do
  (run_logged "resolve-$step" "prepare_$step") &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
[[ $failed -eq 0 ]] || die "module resolution failed (see above)"
T1=$(seconds)
log "modules resolved in $((T1 - T0))s"

# ---- compilation (CPU bound: one go build at a time, each parallel inside) --

KUBE_LDFLAGS="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  KUBE_LDFLAGS+=" -X $pkg.gitVersion=v$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$K8S_MINOR -X $pkg.gitTreeState=clean"
done

build_kube_server() {
  cd "$SRC/kube"
  go build -trimpath -ldflags "$KUBE_LDFLAGS" -o "$BIN/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler
}
build_kubectl() {
  cd "$SRC/kube"
  go build -trimpath -ldflags "$KUBE_LDFLAGS" -o "$BIN/" k8s.io/kubernetes/cmd/kubectl
}
build_etcd() {
  cd "$SRC/etcd"
  go build -trimpath -ldflags "-s -w" -o "$BIN/etcd" .
}
build_kwok() {
  cd "$SRC/kwok"
  go build -trimpath -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=$K8S_VERSION" -o "$BIN/" \
    sigs.k8s.io/kwok/cmd/kwok sigs.k8s.io/kwok/cmd/kwokctl
}

for step in kube_server kubectl etcd kwok; do
  s=$(seconds)
  log "building $step ..."
  run_logged "build-$step" "build_$step" || die "build of $step failed"
  log "built $step in $(($(seconds) - s))s"
done

for b in "${E2E_BINARIES[@]}"; do
  [[ -x "$BIN/$b" ]] || die "expected binary $BIN/$b is missing after the build"
done

"$BIN/kube-apiserver" --version >"$LOGS/versions.txt"
"$BIN/etcd" --version | head -n 1 >>"$LOGS/versions.txt"
"$BIN/kwok" --version >>"$LOGS/versions.txt" 2>&1 || true
touch "$BIN/.complete"
ensure_tools
T2=$(seconds)
log "compiled in $((T2 - T1))s; total $((T2 - T0))s"
log "binaries for $KEY are built: $BIN"
sed 's/^/e2e:   /' "$LOGS/versions.txt" >&2

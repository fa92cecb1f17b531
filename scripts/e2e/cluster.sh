#!/usr/bin/env bash
# Starts and stops the local e2e cluster: etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler and kwok, run by kwokctl's binary runtime from the binaries setup.sh built,
# listening on loopback only (ports chosen by kwokctl). Nothing is downloaded.
#
# Usage: scripts/e2e/cluster.sh COMMAND
#   up                 build the binaries if needed, create (or restart) the cluster, add the
#                      fake nodes and CRDs; prints the kubeconfig path on stdout. Idempotent.
#   down               delete the cluster (stops its processes, removes its files).
#   status             print whether the cluster exists and answers; exit 1 if it does not.
#   kubeconfig         print the kubeconfig path (exit 1 if the cluster does not exist).
#   bin-dir            print the folder of the built binaries (kubectl etc.) of the current key.
#   stop-apiserver     stop only kube-apiserver (the other components keep running).
#   start-apiserver    start kube-apiserver again and wait until it serves.
#   restart-apiserver  stop-apiserver then start-apiserver.
#
# Environment:
#   ZD_E2E_CLUSTER  cluster name (default zd-gate); use another name to run a second cluster
#                   side by side.
#   ZD_E2E_CACHE    cache folder (default <repo>/.cache/e2e).
set -euo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

CLUSTER="${ZD_E2E_CLUSTER:-zd-gate}"
[[ "$CLUSTER" =~ ^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$ ]] ||
  die "ZD_E2E_CLUSTER must be a lowercase DNS label of at most 40 characters, got '$CLUSTER'"

# kwokctl keeps all its state (cluster folders, logs, pid files) under the repo's cache,
# never in ~/.kwok, and never touches ~/.kube/config (--kubeconfig= below).
export KWOK_WORKDIR="$E2E_CACHE/kwok"
CLUSTER_DIR="$KWOK_WORKDIR/clusters/$CLUSTER"
KUBECONFIG_PATH="$CLUSTER_DIR/kubeconfig.yaml"

BIN=""
use_binaries() {
  BIN=$(e2e_bin_dir)
  e2e_bins_complete || die "the e2e binaries are not built; run: npm run e2e:setup"
  # kwokctl looks kubectl up on PATH (and would download it otherwise).
  export PATH="$BIN:$PATH"
  export KWOK_KUBECTL_BINARY="$BIN/kubectl"
}

kctl() {
  "$BIN/kubectl" --kubeconfig "$KUBECONFIG_PATH" "$@"
}

kwokctl() {
  # fd 8 is the lock of cmd_up: the components kwokctl forks must not inherit (and hold) it.
  "$BIN/kwokctl" --name "$CLUSTER" "$@" 8>&-
}

cluster_exists() {
  [[ -f "$CLUSTER_DIR/kwok.yaml" && -f "$KUBECONFIG_PATH" ]]
}

# What a cluster was created from: the binaries' key and the kwokctl config (stages are read
# only at creation). `up` recreates a cluster whose stamp differs.
STAMP_PATH="$CLUSTER_DIR/zd-gate-e2e.stamp"
cluster_stamp() {
  echo "$(e2e_key) $(sha256sum "$E2E_DIR/kwok/cluster-config.yaml" | cut -d' ' -f1)"
}

# True when the API server answers /readyz within a few seconds.
api_ready() {
  kctl get --raw /readyz --request-timeout=5s >/dev/null 2>&1
}

wait_api_ready() {
  local deadline=$((SECONDS + ${1:-120}))
  until api_ready; do
    [[ $SECONDS -lt $deadline ]] || return 1
    sleep 0.5
  done
}

# Nodes and CRDs the tests need; safe to repeat.
install_base_objects() {
  log "applying fake nodes and CRDs"
  kctl apply -f "$E2E_DIR/kwok/nodes.yaml" >/dev/null
  kctl apply -f "$E2E_DIR/crds/" >/dev/null
  kctl wait --for condition=Established --timeout=60s \
    crd/targetgroupbindings.elbv2.k8s.aws crd/ingressclassparams.elbv2.k8s.aws crd/rollouts.argoproj.io >/dev/null
  kctl wait --for condition=Ready --timeout=120s node --all >/dev/null ||
    die "fake nodes did not become Ready; see $CLUSTER_DIR/logs/kwok-controller.log"
  # The default ServiceAccount must exist before pods can be created in "default".
  local deadline=$((SECONDS + 60))
  until kctl get serviceaccount default -n default >/dev/null 2>&1; do
    [[ $SECONDS -lt $deadline ]] || die "the default ServiceAccount was never created (kube-controller-manager down?)"
    sleep 0.5
  done
}

create_cluster() {
  log "creating cluster '$CLUSTER' (kwokctl binary runtime, loopback only)"
  kwokctl create cluster \
    --runtime binary \
    --config "$E2E_DIR/kwok/cluster-config.yaml" \
    --kubeconfig= \
    --etcd-binary "$BIN/etcd" \
    --kube-apiserver-binary "$BIN/kube-apiserver" \
    --kube-controller-manager-binary "$BIN/kube-controller-manager" \
    --kube-scheduler-binary "$BIN/kube-scheduler" \
    --kwok-controller-binary "$BIN/kwok" \
    --disable-qps-limits \
    --wait 2m >&2 ||
    die "kwokctl create cluster failed; component logs are in $CLUSTER_DIR/logs"
  cluster_stamp >"$STAMP_PATH"
}

cmd_up() {
  "$E2E_DIR/setup.sh"
  use_binaries
  local t0=$SECONDS
  # Two `up` of the same cluster at once (two test runs) would both create it: serialize.
  mkdir -p "$KWOK_WORKDIR"
  exec 8>"$KWOK_WORKDIR/$CLUSTER.lock"
  flock 8
  if cluster_exists && [[ "$(cat "$STAMP_PATH" 2>/dev/null)" != "$(cluster_stamp)" ]]; then
    log "cluster '$CLUSTER' was created from other binaries or another kwok config; recreating it"
    kwokctl delete cluster >&2 || die "kwokctl delete cluster failed"
  fi
  if cluster_exists; then
    # Start whichever components are not running (none when it is up; all of them after a
    # machine restart; kube-controller-manager and kube-scheduler exit when they lose their
    # lease while the API server is down).
    log "cluster '$CLUSTER' exists; starting any component that is not running"
    if ! kwokctl start cluster >&2 || ! wait_api_ready 120; then
      log "restart failed; recreating cluster '$CLUSTER'"
      kwokctl delete cluster >&2 || true
      create_cluster
    fi
  else
    if [[ -d "$CLUSTER_DIR" ]]; then
      log "removing incomplete cluster folder $CLUSTER_DIR"
      kwokctl delete cluster >&2 || true
      rm -rf "$CLUSTER_DIR"
    fi
    create_cluster
  fi
  wait_api_ready 120 || die "kube-apiserver of '$CLUSTER' is not ready; see $CLUSTER_DIR/logs"
  install_base_objects
  log "cluster '$CLUSTER' ready in $((SECONDS - t0))s ($(kctl version -o json 2>/dev/null | sed -n 's/.*"gitVersion": "\(v[^"]*\)".*/\1/p' | tail -n 1))"
  echo "$KUBECONFIG_PATH"
}

cmd_down() {
  if [[ ! -d "$CLUSTER_DIR" ]]; then
    log "cluster '$CLUSTER' does not exist"
    return 0
  fi
  use_binaries
  kwokctl delete cluster >&2 || die "kwokctl delete cluster failed"
  log "cluster '$CLUSTER' deleted"
}

cmd_status() {
  if ! cluster_exists; then
    echo "cluster '$CLUSTER': absent"
    return 1
  fi
  use_binaries
  if api_ready; then
    echo "cluster '$CLUSTER': up ($KUBECONFIG_PATH)"
    kctl get nodes -o wide
  else
    echo "cluster '$CLUSTER': exists but the API server does not answer (run: npm run e2e:cluster -- up)"
    return 1
  fi
}

cmd_kubeconfig() {
  cluster_exists || die "cluster '$CLUSTER' does not exist; run: npm run e2e:cluster -- up"
  echo "$KUBECONFIG_PATH"
}

apiserver_pid_file() {
  echo "$CLUSTER_DIR/pids/kube-apiserver.pid"
}

cmd_stop_apiserver() {
  cluster_exists || die "cluster '$CLUSTER' does not exist"
  use_binaries
  local pid_file pid
  pid_file=$(apiserver_pid_file)
  if [[ ! -f "$pid_file" ]]; then
    log "kube-apiserver of '$CLUSTER' is not running (no $pid_file)"
    return 0
  fi
  pid=$(<"$pid_file")
  [[ "$pid" =~ ^[0-9]+$ ]] || die "unexpected content in $pid_file"
  if kill -0 "$pid" 2>/dev/null; then
    # kube-apiserver stops listening at once on SIGTERM but can take a minute to exit while
    # clients keep watches open: give it 5s, then SIGKILL, and wait until it is gone.
    kill -TERM "$pid"
    local deadline=$((SECONDS + 5)) killed=0
    while kill -0 "$pid" 2>/dev/null; do
      if [[ $killed -eq 0 && $SECONDS -ge $deadline ]]; then
        kill -KILL "$pid" 2>/dev/null || true
        killed=1
      fi
      sleep 0.2
    done
  fi
  rm -f "$pid_file"
  log "kube-apiserver of '$CLUSTER' stopped"
}

cmd_start_apiserver() {
  cluster_exists || die "cluster '$CLUSTER' does not exist"
  use_binaries
  # `kwokctl start cluster` starts only the components that are not running.
  kwokctl start cluster >&2 || die "kwokctl start cluster failed; see $CLUSTER_DIR/logs"
  wait_api_ready 120 || die "kube-apiserver of '$CLUSTER' did not become ready; see $CLUSTER_DIR/logs/kube-apiserver.log"
  log "kube-apiserver of '$CLUSTER' is serving"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  kubeconfig) cmd_kubeconfig ;;
  bin-dir) e2e_bin_dir ;;
  stop-apiserver) cmd_stop_apiserver ;;
  start-apiserver) cmd_start_apiserver ;;
  restart-apiserver)
    cmd_stop_apiserver
    cmd_start_apiserver
    ;;
  *) die "usage: cluster.sh up|down|status|kubeconfig|bin-dir|stop-apiserver|start-apiserver|restart-apiserver (cluster name from ZD_E2E_CLUSTER, default zd-gate)" ;;
esac

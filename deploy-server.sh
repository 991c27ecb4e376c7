#!/usr/bin/env bash
# Deploys the EAR on Payara Server 6.2025.10 (unpacked from Maven Central into launcher/target/server).
#   ./deploy-server.sh           build what is missing, start domain1, deploy the EAR
#   ./deploy-server.sh --stop    undeploy and stop domain1
# Settings reach the application through the domain's environment (ADAPTER_DB_URL, ADAPTER_DATA_DIR, …; README).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
SERVER="$ROOT/launcher/target/server/payara6"
ASADMIN="$SERVER/bin/asadmin"
export AS_JAVA=${AS_JAVA:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

if [[ "${1:-}" == "--stop" ]]; then
  "$ASADMIN" undeploy lienthong || true
  "$ASADMIN" stop-domain domain1
  exit 0
fi
if [[ ! -x "$ASADMIN" || ! -f "$ROOT/launcher/target/runtime/lienthong.ear" ]]; then
  mvn -B -q install -DskipTests -DskipITs
  mvn -B -q -pl launcher -Pserver package
fi
export ADAPTER_DATA_DIR=${ADAPTER_DATA_DIR:-$ROOT/adapter-data-server}
"$ASADMIN" start-domain domain1
"$ASADMIN" deploy --force=true --contextroot lienthong "$ROOT/launcher/target/runtime/lienthong.ear"
echo "Deployed: http://localhost:8080/lienthong/services/DocumentExchange?wsdl  (data: $ADAPTER_DATA_DIR)"

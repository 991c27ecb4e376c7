#!/usr/bin/env bash
# Sends one document through a running ./run.sh with an independent client (Python zeep + xmlsec, Debian packages
# python3-zeep python3-xmlsec) and prints its history: acceptance, transmission to the axis, and the statuses the
# counterpart agency (played by the simulator) sends back, and the verdict on the signature inside the PDF it sends
# (adapter-data/demo-signed.pdf, signed by the demo document signer: docs/document-signatures.md).
#   scripts/demo-exchange.sh [NUMBER]      environment as for run.sh (LIENTHONG_DATA, LIENTHONG_HTTPS_PORT)
# It talks HTTPS and trusts only the demo CA that issued the adapter's TLS certificate.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${LIENTHONG_DATA:-$(pwd)/adapter-data}
HTTPS_PORT=${LIENTHONG_HTTPS_PORT:-8181}
NUMBER=${1:-$((RANDOM * 100 + RANDOM % 100))}
prop() { grep "^$1=" "$DATA/demo-credentials.properties" | cut -d= -f2-; }
PASS="file:$DATA/keys/keystore.password"
CA="$DATA/keys/demo-ca.pem"
[[ -f "$DATA/keys/tls-ca.pem" ]] && CA="$DATA/keys/tls-ca.pem"
export REQUESTS_CA_BUNDLE="$CA"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
# PEM copies of the demo client's key and of the adapter's certificate, for xmlsec (temporary, removed on exit).
openssl pkcs12 -in "$DATA/keys/demo-client.p12" -passin "$PASS" -nocerts -nodes -out "$WORK/key.pem" 2>/dev/null
openssl pkcs12 -in "$DATA/keys/demo-client.p12" -passin "$PASS" -clcerts -nokeys -out "$WORK/cert.pem" 2>/dev/null
openssl pkcs12 -in "$DATA/keys/adapter.p12" -passin "$PASS" -clcerts -nokeys -out "$WORK/adapter.pem" 2>/dev/null
E="https://localhost:$HTTPS_PORT/lienthong/services/DocumentExchange"
zeep() { /usr/bin/python3 it-tests/src/test/python/zeep_client.py signed "$E?wsdl" "$E" "$(prop username)" \
  "$(prop password)" "$WORK/key.pem" "$WORK/cert.pem" "$WORK/adapter.pem" "$@"; }
FROM=$(prop organId)
ID="$FROM,2026/11/23,$NUMBER/VPCP-ZEEP"
# The letter signed by the demo document signer (written by run.sh's key step), else zeep's one-line PDF.
SUBMIT=("$FROM" 000.00.00.H41 "$NUMBER")
if [[ -f "$DATA/demo-signed.pdf" ]]; then SUBMIT+=("$DATA/demo-signed.pdf"); fi
echo "Submit:  $(zeep submit "${SUBMIT[@]}")"
for _ in $(seq 1 40); do
  HISTORY=$(zeep history "$FROM" "$ID")
  grep -q " 06 " <<< "$HISTORY" && grep -q " SIGNATURES " <<< "$HISTORY" && break
  sleep 0.5
done
echo "History of $ID:"
zeep history "$FROM" "$ID"

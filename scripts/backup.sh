#!/usr/bin/env bash
# Backs up a running adapter consistently (Decision 28 art. 19): POST /admin/backup writes, on the adapter's host,
# <adapter.backup.dir>/<time>/ = the database (H2 online BACKUP, or pg_dump for PostgreSQL) taken first, then the
# packages, attachments, inbound packages and keys, and MANIFEST.sha256 over all of it. When that folder is
# visible here (same host), its manifest is checked too. Restore: scripts/restore.sh. Details: docs/operations.md.
#   scripts/backup.sh
# Environment: LIENTHONG_URL (default https://localhost:${LIENTHONG_HTTPS_PORT:-8181}/lienthong),
#   LIENTHONG_DATA (default ./adapter-data: where the demo admin token and CA are),
#   LIENTHONG_ADMIN_TOKEN_FILE (default $LIENTHONG_DATA/admin-token), LIENTHONG_CA (default
#   $LIENTHONG_DATA/keys/demo-ca.pem when it exists), LIENTHONG_CURL_OPTS (extra curl options, e.g. --cert c.pem --key k.pem).
# Exit status: 0 written (and verified when local), 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${LIENTHONG_DATA:-./adapter-data}
URL=${LIENTHONG_URL:-https://localhost:${LIENTHONG_HTTPS_PORT:-8181}/lienthong}
TOKEN_FILE=${LIENTHONG_ADMIN_TOKEN_FILE:-$DATA/admin-token}
CA=${LIENTHONG_CA:-$DATA/keys/demo-ca.pem}
[[ -r "$TOKEN_FILE" ]] || { echo "No admin token file $TOKEN_FILE (set LIENTHONG_ADMIN_TOKEN_FILE)" >&2; exit 1; }

# The token travels in a header file (owner-only, removed on exit), never on the command line.
umask 077
HEADER=$(mktemp)
trap 'rm -f "$HEADER"' EXIT
printf 'Authorization: Bearer %s\n' "$(tr -d '\r\n' < "$TOKEN_FILE")" > "$HEADER"
CURL=(curl -sS --max-time 3600 -H @"$HEADER" -X POST -w '\n%{http_code}')
[[ -f "$CA" && "$URL" == https:* ]] && CURL+=(--cacert "$CA")
# shellcheck disable=SC2206 # a list of options
CURL+=(${LIENTHONG_CURL_OPTS:-})

ANSWER=$("${CURL[@]}" "$URL/admin/backup") || { echo "Adapter not reachable at $URL" >&2; exit 1; }
STATUS=${ANSWER##*$'\n'}
BODY=${ANSWER%$'\n'*}
if [[ "$STATUS" != 200 ]]; then
  echo "Backup refused or failed (HTTP $STATUS): $BODY" >&2
  exit 1
fi
FOLDER=$(printf '%s' "$BODY" | sed -n 's/.*"folder":"\([^"]*\)".*/\1/p')
echo "Backup written: $FOLDER"
echo "$BODY"
if [[ -f "$FOLDER/MANIFEST.sha256" ]]; then
  (cd "$FOLDER" && sha256sum --quiet -c MANIFEST.sha256) && echo "Manifest verified: every file matches its SHA-256."
else
  echo "The backup folder is on the adapter's host: check it there with (cd <folder> && sha256sum -c MANIFEST.sha256)."
fi

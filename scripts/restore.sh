#!/usr/bin/env bash
# Restores a backup written by scripts/backup.sh into a FRESH data folder, after checking every file against the
# backup's MANIFEST.sha256. Then start the adapter on that folder (run.sh: LIENTHONG_DATA=<folder> ./run.sh).
#   scripts/restore.sh BACKUP_FOLDER NEW_DATA_FOLDER                 (H2: the database goes to NEW/db)
#   scripts/restore.sh BACKUP_FOLDER NEW_DATA_FOLDER --pg-url URL    (PostgreSQL: pg_restore into the EMPTY database
#        URL = postgresql://user@host:5432/db, password from PGPASSWORD or ~/.pgpass; then ADAPTER_DB_URL points there)
# Documents queued at backup time but sent since are sent again by the restored node; see docs/operations.md.
set -euo pipefail
usage() { echo "usage: $0 BACKUP_FOLDER NEW_DATA_FOLDER [--pg-url postgresql://user@host:port/db]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
BACKUP=$(cd "$1" && pwd)
TARGET=$2
PG_URL=
if [[ $# -ge 3 ]]; then
  [[ "$3" == --pg-url && $# -eq 4 ]] || usage
  PG_URL=$4
fi
[[ -f "$BACKUP/MANIFEST.sha256" ]] || { echo "$BACKUP has no MANIFEST.sha256: not a backup" >&2; exit 1; }
if [[ -e "$TARGET" && -n "$(ls -A "$TARGET" 2>/dev/null)" ]]; then
  echo "$TARGET is not empty: restore only into a fresh data folder" >&2
  exit 1
fi

echo "Checking $BACKUP against its manifest..."
(cd "$BACKUP" && sha256sum --quiet --strict -c MANIFEST.sha256) || { echo "The backup is damaged: not restored" >&2; exit 1; }

umask 077
mkdir -p "$TARGET"
TARGET=$(cd "$TARGET" && pwd)
[[ -d "$BACKUP/data" ]] && cp -a "$BACKUP/data/." "$TARGET/"
if [[ -f "$BACKUP/database.zip" ]]; then
  mkdir -p "$TARGET/db"
  # H2's BACKUP zip holds the database files (lienthong.mv.db) at its root.
  (cd "$TARGET/db" && jar xf "$BACKUP/database.zip")
  echo "H2 database restored into $TARGET/db"
elif [[ -f "$BACKUP/database.pgdump" ]]; then
  [[ -n "$PG_URL" ]] || { echo "A PostgreSQL backup: give --pg-url of an empty database" >&2; exit 1; }
  pg_restore --no-owner --exit-on-error --dbname="$PG_URL" "$BACKUP/database.pgdump"
  echo "PostgreSQL database restored into $PG_URL"
else
  echo "The backup holds no database" >&2
  exit 1
fi
echo "Restored into $TARGET. Start the adapter with adapter.data.dir=$TARGET (run.sh: LIENTHONG_DATA=$TARGET ./run.sh)."

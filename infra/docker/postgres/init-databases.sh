#!/usr/bin/env bash
# Run once by the postgres image on its first start (empty data volume), from
# /docker-entrypoint-initdb.d. Creates one database per service: PP_DATABASES is set in
# docker-compose.yml from PG_DATABASES in infra/launcher/config.mjs, the list `npm start` uses.
#
# A database added to that list later is not created in an existing volume (the image runs init
# scripts only on an empty one): `docker compose down -v` starts afresh.
set -euo pipefail

IFS=',' read -r -a databases <<<"${PP_DATABASES:?PP_DATABASES is not set}"
for db in "${databases[@]}"; do
  echo "init-databases: database ${db} (created if missing)"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
    --set=db="${db}" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
done

#!/usr/bin/env bash
# Start the local PostgreSQL cluster for the gateway tests and print the URL they should use (root only).
set -euo pipefail
[ "$(id -u)" -eq 0 ] || exit 0
command -v pg_lsclusters >/dev/null || exit 0
read -r version name _ < <(pg_lsclusters --no-header | head -n 1) || exit 0
pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true  # stdout carries only the URL
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'yichuang-test'\"" >/dev/null
echo "postgresql://postgres:yichuang-test@127.0.0.1:5432/postgres"

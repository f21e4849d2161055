#!/usr/bin/env bash
# ensure_postgres: sets TEST_DATABASE_URL to a running PostgreSQL server, starting one if needed.
PM_PG_PORT="${PM_PG_PORT:-55432}"
PM_PG_CLUSTER="plan_monitor_test"

pg_bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/postgres" ] && echo "$d"
}

ensure_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then return 0; fi
  local bin
  bin=$(pg_bin_dir || true)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL is not installed and this is not root: install Debian's 'postgresql' or set TEST_DATABASE_URL" >&2
      exit 1
    fi
    echo "== installing PostgreSQL (Debian package postgresql)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(pg_bin_dir)
  fi
  local version
  version=$(basename "$(dirname "$bin")")
  if [ "$(id -u)" -eq 0 ]; then
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version $PM_PG_CLUSTER"; then
      pg_createcluster "$version" "$PM_PG_CLUSTER" -p "$PM_PG_PORT" -- --auth-local=trust --auth-host=trust >/dev/null
    fi
    pg_ctlcluster "$version" "$PM_PG_CLUSTER" start >/dev/null 2>&1 || pg_ctlcluster "$version" "$PM_PG_CLUSTER" status >/dev/null
  else
    local dir="var/test-postgres"
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir" && "$bin/initdb" -D "$dir" -U postgres --auth=trust >/dev/null
    fi
    "$bin/pg_ctl" -D "$dir" -o "-p $PM_PG_PORT -k /tmp" -l var/test-postgres.log status >/dev/null 2>&1 ||
      "$bin/pg_ctl" -D "$dir" -o "-p $PM_PG_PORT -k /tmp" -l var/test-postgres.log -w start >/dev/null
  fi
  TEST_DATABASE_URL="postgres://postgres@127.0.0.1:${PM_PG_PORT}/postgres"
  for _ in $(seq 1 50); do
    if "$bin/pg_isready" -h 127.0.0.1 -p "$PM_PG_PORT" -q; then return 0; fi
    sleep 0.2
  done
  echo "PostgreSQL did not become ready on port $PM_PG_PORT" >&2
  exit 1
}

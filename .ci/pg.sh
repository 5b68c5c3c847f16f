# Start and stop a throwaway PostgreSQL cluster (sourced by .ci/run).
# Sets CASEBOOK_TEST_PG_URL; needs initdb/pg_ctl (PostgreSQL 15) and a `postgres` user.

pg_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  ls /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
  local initdb pg_ctl port
  initdb=$(pg_bin initdb); pg_ctl=$(pg_bin pg_ctl)
  if [ -z "$initdb" ] || [ -z "$pg_ctl" ]; then
    echo "no PostgreSQL binaries: the postgres-marked tests will be skipped" >&2
    return 0
  fi
  PG_DIR=$(mktemp -d /tmp/casebook-pg.XXXXXX)
  chown postgres "$PG_DIR" 2>/dev/null || true
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  local as_pg=()
  [ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
  "${as_pg[@]}" "$initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  PG_CTL_CMD=("${as_pg[@]}" "$pg_ctl" -D "$PG_DIR/data")
  export CASEBOOK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL for tests: $CASEBOOK_TEST_PG_URL"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_CTL_CMD[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

#!/usr/bin/env bash
# A throwaway PostgreSQL for the wbr tests that read through database/sql.
#
#   . .ci/postgres.sh        start it and export WBR_TEST_DSN (source it, so
#                            the variable reaches the commands after it)
#   .ci/postgres.sh stop     stop the server a sourced run started
#
# It installs PostgreSQL from Debian's packages when no server is installed,
# initialises a cluster in a fresh temporary folder as the postgres user,
# starts it on a Unix socket in that folder and on 127.0.0.1 at a free port,
# with a random password (so a wrong password is refused, as in production),
# and creates the database wbr. WBR_TEST_DSN is a key=value connection
# string over the socket; WBR_PG_DIR is the folder. The wbr tests skip their
# database cases when WBR_TEST_DSN is unset.

# wbr_pg_bin prints the newest installed server's bin folder, or nothing;
# it never fails, so a caller under set -e -o pipefail can test its output.
wbr_pg_bin() {
  { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1
}

# wbr_pg_as runs a command as the postgres user when we are root (initdb
# refuses root), as ourselves otherwise.
wbr_pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wbr_pg_start() {
  local bin dir port pw p
  bin=$(wbr_pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: installing PostgreSQL from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
    bin=$(wbr_pg_bin)
  fi
  dir=$(mktemp -d /tmp/wbr-pg.XXXXXX) || return 1
  chmod 700 "$dir"
  pw=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$pw" > "$dir/pwfile"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$dir"; fi
  # A free port: one nothing answers on.
  port=
  for p in $(shuf -i 20000-60000 -n 20); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
  [ -n "$port" ] || { echo "postgres.sh: no free port"; return 1; }
  wbr_pg_as "$bin/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 --pwfile="$dir/pwfile" \
    -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
  wbr_pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
    { cat "$dir/server.log"; return 1; }
  PGPASSWORD=$pw wbr_pg_as "$bin/createdb" -h "$dir" -p "$port" -U postgres wbr || return 1
  export WBR_PG_DIR=$dir
  export WBR_TEST_DSN="host=$dir port=$port user=postgres password=$pw dbname=wbr sslmode=disable"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $dir (socket) and 127.0.0.1:$port; WBR_TEST_DSN exported"
}

wbr_pg_stop() {
  local dir=${WBR_PG_DIR:-}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  wbr_pg_as "$(wbr_pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    stop) wbr_pg_stop ;;
    *) echo "source this file to start the server: . .ci/postgres.sh (or run it with stop)"; exit 2 ;;
  esac
else
  wbr_pg_start
fi

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in a temporary folder on a loopback port.
#   source tests/postgres.sh; postgres_start   exports FLOWDESIGNER_TEST_POSTGRES (a connection string)
#   postgres_stop                                stops the cluster and removes its folder
# Installs Debian's postgresql when it is missing (as root). initdb and pg_ctl refuse to run as root, so as root
# they run as the postgres user on a folder it owns.

postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_start() {
  local bin port
  bin=$(postgres_bin)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "The tests need PostgreSQL. Install it with: sudo apt-get install -y postgresql" >&2
      return 1
    fi
    echo "Installing postgresql ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || {
      echo "apt-get could not install postgresql" >&2
      return 1
    }
    bin=$(postgres_bin)
  fi

  POSTGRES_DIR=$(mktemp -d /tmp/flowdesigner-pg-XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$POSTGRES_DIR"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 30000)))
  postgres_as_owner "$bin/initdb" -D "$POSTGRES_DIR/data" -A trust -U postgres --locale=C.UTF-8 -E UTF8 >"$POSTGRES_DIR/initdb.log" 2>&1 || {
    echo "initdb failed:" >&2
    cat "$POSTGRES_DIR/initdb.log" >&2
    return 1
  }
  # A test cluster: many short-lived databases and connections, no need to survive a power loss.
  postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$POSTGRES_DIR -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    echo "PostgreSQL did not start:" >&2
    cat "$POSTGRES_DIR/server.log" >&2
    return 1
  }
  export POSTGRES_DIR
  export FLOWDESIGNER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') is on 127.0.0.1:$port for the tests"
}

postgres_stop() {
  local bin
  bin=$(postgres_bin)
  if [ -n "${POSTGRES_DIR:-}" ] && [ -d "$POSTGRES_DIR/data" ]; then
    postgres_as_owner "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$POSTGRES_DIR"
  fi
}

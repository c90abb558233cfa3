#!/usr/bin/env bash
# The docker-compose topology without Docker, as processes on 127.0.0.1: a throwaway PostgreSQL server, N silos,
# front ends and nginx in front of the silos. Ctrl-C (or the end of --duration) stops nginx and the front ends, drains the silos with SIGTERM, stops
# PostgreSQL and removes the temporary folder, so nothing outlives the script.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/local-cluster.sh [--silos N] [--frontends M] [--duration SECONDS] [--port PORT] [--no-build]

Starts a throwaway PostgreSQL server, N silos on PORT+1..PORT+N, M front ends (the API as an Orleans client) on
PORT+N+1..PORT+N+M, and nginx balancing the silos on PORT, all on 127.0.0.1.

  --silos N           how many silos (default 3)
  --frontends M       how many front ends (default 1; 0 for none)
  --duration SECONDS  stop by itself this long after the cluster is ready (default: run until Ctrl-C)
  --port PORT         nginx's port; silo i serves PORT+i (default 5000)
  --no-build          use the existing Release build of src/Silo
EOF
}

silos=3
frontends=1
duration=""
port=5000
build=true
while (($#)); do
  case "$1" in
    --silos) silos="${2:?--silos needs a number}"; shift 2 ;;
    --frontends) frontends="${2:?--frontends needs a number}"; shift 2 ;;
    --duration) duration="${2:?--duration needs a number of seconds}"; shift 2 ;;
    --port) port="${2:?--port needs a port}"; shift 2 ;;
    --no-build) build=false; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "Unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$silos" =~ ^[1-9][0-9]*$ ]] || { echo "--silos must be a positive whole number, not '$silos'." >&2; exit 2; }
[[ "$frontends" =~ ^[0-9]+$ ]] || { echo "--frontends must be a whole number, not '$frontends'." >&2; exit 2; }
[[ -z "$duration" || "$duration" =~ ^[1-9][0-9]*$ ]] || { echo "--duration must be a positive whole number of seconds, not '$duration'." >&2; exit 2; }
if ! [[ "$port" =~ ^[1-9][0-9]*$ ]] || ((port + silos + frontends > 65535)); then
  echo "--port must leave room for $silos silo and $frontends front-end ports after it, not '$port'." >&2
  exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host=127.0.0.1
silo_dir="$repo/src/Silo/bin/Release/net10.0"
ready_limit=90   # seconds for every silo to migrate and answer /health/ready
drain_limit=45   # seconds a silo gets to drain after SIGTERM before it is killed

say() { printf '[local-cluster] %s\n' "$*"; }
fail() { printf '[local-cluster] %s\n' "$*" >&2; exit 1; }

# A port is taken when something accepts a connection on it.
port_taken() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

http_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" || true; }

# --- prerequisites -----------------------------------------------------------------------------------------------

command -v dotnet >/dev/null || fail "dotnet is needed: install the .NET 10 SDK."
command -v curl >/dev/null || fail "curl is needed: apt-get install curl."
nginx_bin="$(command -v nginx || true)"
if [[ -z "$nginx_bin" && -x /usr/sbin/nginx ]]; then nginx_bin=/usr/sbin/nginx; fi # /usr/sbin is not on every PATH
[[ -n "$nginx_bin" ]] || fail "nginx is needed as the load balancer: apt-get install nginx-light (or nginx)."
pg_bin=""
for candidate in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
  if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then pg_bin="$candidate"; break; fi
done
[[ -n "$pg_bin" ]] || fail "PostgreSQL's binaries were not found in /usr/lib/postgresql/*/bin: apt-get install postgresql."

for ((i = 0; i <= silos + frontends; i++)); do
  ! port_taken $((port + i)) || fail "Port $((port + i)) on $host is taken; choose other ports with --port."
done

pg_port=""
for ((attempt = 0; attempt < 50; attempt++)); do
  candidate=$((20000 + RANDOM % 30000))
  if ! port_taken "$candidate"; then pg_port="$candidate"; break; fi
done
[[ -n "$pg_port" ]] || fail "No free port for PostgreSQL was found."

# --- build -------------------------------------------------------------------------------------------------------

if $build; then
  say "building src/Silo (Release)"
  dotnet build "$repo/src/Silo/Helpdesk.Silo.csproj" -c Release -nologo -v quiet >/dev/null \
    || fail "The build failed: run 'dotnet build -c Release src/Silo' to see why."
fi
[[ -f "$silo_dir/Helpdesk.Silo.dll" ]] || fail "$silo_dir/Helpdesk.Silo.dll is missing: run without --no-build."

# --- start and stop ----------------------------------------------------------------------------------------------

tmp="$(mktemp -d "${TMPDIR:-/tmp}/helpdesk-cluster-XXXXXX")"
chmod 755 "$tmp" # the postgres OS user must reach its data folder inside
mkdir -p "$tmp/pg" "$tmp/nginx"
pg_started=false
nginx_pid=""
silo_pids=()
frontend_pids=()
sleeper_pid=""

# initdb refuses to run as root, so a root shell runs PostgreSQL's tools as the postgres OS user.
pg() {
  local tool="$pg_bin/$1"
  shift
  if ((EUID == 0)); then
    runuser -u postgres -- "$tool" "$@"
  else
    "$tool" "$@"
  fi
}

# Waits up to $2 seconds for process $1 to end; true when it did.
wait_for_exit() {
  local pid="$1" deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# Sends SIGTERM to every process given, side by side, then waits for each, killing one that takes longer than
# drain_limit; $1 names them in the messages (silo1, silo2, ...).
drain() {
  local name="$1" pid code i=0
  shift
  for pid in "$@"; do
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid"
  done
  for pid in "$@"; do
    i=$((i + 1))
    if ! wait_for_exit "$pid" "$drain_limit"; then
      say "$name$i did not stop within ${drain_limit}s; killing it"
      kill -KILL "$pid"
    fi
    wait "$pid" 2>/dev/null
    code=$?
    say "$name$i exited with $code"
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # Stopping must finish even when the terminal or a pipe that showed our output is gone.
  trap '' PIPE HUP
  set +e
  say "stopping"
  [[ -z "$sleeper_pid" ]] || kill "$sleeper_pid" 2>/dev/null
  if [[ -n "$nginx_pid" ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid"
    wait_for_exit "$nginx_pid" 10 || kill -KILL "$nginx_pid"
    wait "$nginx_pid" 2>/dev/null
    say "nginx stopped"
  fi
  # The front ends go first, like nginx: they hold no grains, and their requests need the silos behind them.
  drain frontend "${frontend_pids[@]}"
  # The silos drain side by side; only PostgreSQL has to outlive them, since they flush state while draining.
  drain silo "${silo_pids[@]}"
  if $pg_started; then
    pg pg_ctl -D "$tmp/pg/data" -w -t 30 stop -m fast >/dev/null 2>&1 \
      || pg pg_ctl -D "$tmp/pg/data" -w -t 30 stop -m immediate >/dev/null 2>&1
    say "PostgreSQL stopped"
  fi
  if ((status != 0 && status < 128)); then
    for log in "$tmp"/silo*.log "$tmp"/frontend*.log "$tmp/nginx/error.log" "$tmp/pg/server.log"; do
      [[ -s "$log" ]] || continue
      printf -- '--- last lines of %s\n' "${log#"$tmp"/}" >&2
      tail -n 15 "$log" >&2
    done
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Every server runs in a session of its own (setsid), so a Ctrl-C reaches only this script, which then stops them
# in order: a PostgreSQL that stopped together with the silos would lose the state they flush while draining.

say "starting PostgreSQL on $host:$pg_port (throwaway, in $tmp/pg)"
((EUID != 0)) || chown postgres:postgres "$tmp/pg"
pg initdb -D "$tmp/pg/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$tmp/pg/initdb.log" 2>&1 \
  || fail "initdb failed: $(tail -n 5 "$tmp/pg/initdb.log")"
pg_started=true
pg_settings="-c listen_addresses=$host -p $pg_port -k $tmp/pg -c max_connections=300"
pg_settings+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off" # it is thrown away at the end anyway
if ((EUID == 0)); then
  runuser -u postgres -- setsid -w "$pg_bin/pg_ctl" -D "$tmp/pg/data" -w -t 60 -l "$tmp/pg/server.log" -o "$pg_settings" start >/dev/null
else
  setsid -w "$pg_bin/pg_ctl" -D "$tmp/pg/data" -w -t 60 -l "$tmp/pg/server.log" -o "$pg_settings" start >/dev/null
fi
connection="Host=$host;Port=$pg_port;Username=postgres;Database=postgres"

for ((i = 1; i <= silos; i++)); do
  # The content root is the build folder, where appsettings.json is.
  (
    cd "$silo_dir"
    export ConnectionStrings__Helpdesk="$connection" Orleans__Name="silo$i" Silo__AdvertisedHost="$host" Authentication__FirstKeyFile="$tmp/helpdesk-admin.key"
    exec setsid dotnet Helpdesk.Silo.dll --urls "http://$host:$((port + i))"
  ) >"$tmp/silo$i.log" 2>&1 &
  silo_pids+=("$!")
  say "silo$i starting on http://$host:$((port + i)) (pid $!, log $tmp/silo$i.log)"
done
say "the cluster's admin key will be in $tmp/helpdesk-admin.key once a silo is up"

for ((i = 1; i <= frontends; i++)); do
  (
    cd "$silo_dir"
    export ConnectionStrings__Helpdesk="$connection"
    exec setsid dotnet Helpdesk.Silo.dll --role frontend --urls "http://$host:$((port + silos + i))"
  ) >"$tmp/frontend$i.log" 2>&1 &
  frontend_pids+=("$!")
  say "frontend$i starting on http://$host:$((port + silos + i)) (pid $!, log $tmp/frontend$i.log)"
done

cat >"$tmp/nginx/nginx.conf" <<EOF
# Generated by deploy/local-cluster.sh; the same balancing as deploy/nginx/nginx.conf, on loopback.
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log notice;

events {
    worker_connections 1024;
}

http {
    log_format upstream '\$remote_addr "\$request" \$status \$body_bytes_sent \$request_time '
                        'upstream=\$upstream_addr status=\$upstream_status time=\$upstream_response_time';
    access_log $tmp/nginx/access.log upstream;
    client_body_temp_path $tmp/nginx/client_body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;

    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      '';
    }

    upstream silos {
        zone silos 64k;
$(for ((i = 1; i <= silos; i++)); do printf '        server %s:%d max_fails=2 fail_timeout=10s;\n' "$host" $((port + i)); done)
        keepalive 32;
        keepalive_timeout 60s;
    }

    server {
        listen $host:$port;

        location / {
            proxy_pass http://silos;
            proxy_http_version 1.1;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_connect_timeout 2s;
            proxy_read_timeout 35s;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 3;
            proxy_next_upstream_timeout 10s;
        }
    }
}
EOF
nginx_args=(-p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log")
"$nginx_bin" "${nginx_args[@]}" -t -q || fail "The generated nginx configuration ($tmp/nginx/nginx.conf) is invalid."
setsid "$nginx_bin" "${nginx_args[@]}" -g 'daemon off;' &
nginx_pid=$!
say "nginx balancing on http://$host:$port (pid $nginx_pid)"

# --- wait until ready --------------------------------------------------------------------------------------------

deadline=$((SECONDS + ready_limit))
for ((i = 1; i <= silos; i++)); do
  until [[ "$(http_status "http://$host:$((port + i))/health/ready")" == 200 ]]; do
    kill -0 "${silo_pids[$((i - 1))]}" 2>/dev/null || fail "silo$i exited while starting."
    ((SECONDS < deadline)) || fail "silo$i was not ready within ${ready_limit}s."
    sleep 0.5
  done
done
for ((i = 1; i <= frontends; i++)); do
  until [[ "$(http_status "http://$host:$((port + silos + i))/health/ready")" == 200 ]]; do
    kill -0 "${frontend_pids[$((i - 1))]}" 2>/dev/null || fail "frontend$i exited while starting."
    ((SECONDS < deadline)) || fail "frontend$i was not ready within ${ready_limit}s."
    sleep 0.5
  done
done
kill -0 "$nginx_pid" 2>/dev/null || fail "nginx exited while starting."
until [[ "$(http_status "http://$host:$port/health/ready")" == 200 ]]; do
  ((SECONDS < deadline)) || fail "nginx did not answer /health/ready within ${ready_limit}s."
  sleep 0.5
done

# Readiness means storage is migrated and the silo is active; the others see it once they read the membership table.
until (($(curl -s -m 2 "http://$host:$port/api/cluster" | grep -o '"live":true' | wc -l) >= silos)); do
  if ((SECONDS >= deadline)); then say "not every silo shows as live in /api/cluster yet"; break; fi
  sleep 0.5
done

cat <<EOF

Helpdesk cluster of $silos silo(s) and $frontends front end(s) is ready.
  load balancer   http://$host:$port
$(for ((i = 1; i <= silos; i++)); do printf '  silo%-11d http://%s:%d  (pid %s)\n' "$i" "$host" $((port + i)) "${silo_pids[$((i - 1))]}"; done)
$(for ((i = 1; i <= frontends; i++)); do printf '  frontend%-7d http://%s:%d  (pid %s, an Orleans client)\n' "$i" "$host" $((port + silos + i)) "${frontend_pids[$((i - 1))]}"; done)
  PostgreSQL      $connection

  curl http://$host:$port/api/cluster
  curl http://$host:$port/metrics
  curl http://$host:$port/openapi/v1.json
$(if ((silos > 1)); then printf '  kill -TERM %s   # drain silo1; the others take over its grains\n' "${silo_pids[0]}"; fi)

EOF
if [[ -n "$duration" ]]; then
  say "running for ${duration}s (Ctrl-C stops sooner)"
  sleep "$duration" &
else
  say "running until Ctrl-C"
  sleep infinity &
fi
sleeper_pid=$!
# A trapped signal interrupts wait at once, where it would wait for a foreground sleep to finish.
wait "$sleeper_pid"

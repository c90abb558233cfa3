#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed, N skipped".
# It installs what the tests need when it is missing: the PostgreSQL server binaries
# (the tests start a throwaway server from them; set HELPDESK_POSTGRES to use your own),
# promtool (the metrics tests check the /metrics output with it), Chromium (the
# wallboard's browser tests drive it headless; set HELPDESK_CHROMIUM to use another)
# and nginx (a wallboard test balances its silos with the deployment's nginx.conf).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

install_packages() {
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}

if [ -z "${HELPDESK_POSTGRES:-}" ] && ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  echo "Installing the PostgreSQL server binaries the tests start their database from..."
  install_packages postgresql
fi

if ! command -v promtool >/dev/null; then
  echo "Installing promtool (package prometheus), which checks the /metrics output..."
  # Without recommends: they would add and start a node exporter the tests do not need.
  install_packages --no-install-recommends prometheus
fi

if [ -z "${HELPDESK_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium, which the wallboard's browser tests drive headless..."
  install_packages chromium
fi

if [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null; then
  echo "Installing nginx, which balances the silos of a wallboard test..."
  install_packages nginx-light
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
# One test project at a time (-m:1): the fault runs, the browser tests and the timed failovers each want the machine to themselves.
# A test that hangs is stopped after 10 min and named, rather than holding the run.
dotnet test Helpdesk.sln -m:1 --blame-hang-timeout 10m --blame-hang-dump-type none --logger trx --results-directory "$results" "$@" || status=$?

count() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
skipped=$(count notExecuted)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs PostgreSQL and Chromium when missing,
# starts a throw-away PostgreSQL cluster on a free port in a temp folder, runs every test project,
# and stops the cluster again. Test results (TRX) go to TestResults/.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
# Browser tests drive Debian's Chromium through Playwright (which cannot download its own browser here).
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
# The HTML check runs the Nu HTML checker (npm package vnu-jar), a Java program.
command -v java >/dev/null 2>&1 || need_packages+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need_packages+=(npm)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} (Debian packages)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_packages[@]}" >/dev/null || { echo "could not install ${need_packages[*]}" >&2; exit 1; }
fi

# The pinned vnu-jar (keep in step with NuHtmlChecker.Version), into tests/tools (ignored by git); its postinstall
# script, which would download a Java of its own, is not run: Debian's Java runs it.
vnu_version=26.9.27
vnu_jar="$root/tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"
if ! grep -q "\"version\": \"$vnu_version\"" "$root/tests/tools/node_modules/vnu-jar/package.json" 2>/dev/null; then
  echo "Installing vnu-jar $vnu_version (npm)..."
  mkdir -p "$root/tests/tools"
  npm install --prefix "$root/tests/tools" --no-save --no-audit --no-fund --ignore-scripts "vnu-jar@$vnu_version" >/dev/null \
    || { echo "could not install vnu-jar $vnu_version" >&2; exit 1; }
fi
export BDHVS_VNU_JAR="$vnu_jar"

pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/bdhvs-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
pg_user=$(id -un)
as_pg() { "$@"; }
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: run the throw-away server as the 'postgres' system user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  pg_user=postgres
  as_pg() { runuser -u postgres -- "$@"; }
fi
stop_pg() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
trap stop_pg EXIT

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
       -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c fsync=on -c max_connections=200" start >/dev/null \
  || { echo "could not start PostgreSQL; see $pg_dir/log" >&2; cat "$pg_dir/log" >&2; exit 1; }
export BDHVS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Pooling=true"
echo "PostgreSQL for tests on 127.0.0.1:$pg_port"

rm -rf "$root/TestResults"
dotnet test "$root/BinhDanHocVuSo.sln" -c Release --logger "trx" --results-directory "$root/TestResults" "$@"

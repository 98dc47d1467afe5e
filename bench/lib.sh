# Shared by the bench/run-* scripts: the lifeline binary, background processes stopped on exit,
# waiting for a server, logging in, seeding with timing. Everything listens on 127.0.0.1.
# BENCH_BIN: another build of lifeline, to compare two builds under the same conditions.
bin=${BENCH_BIN:-build/release/src/app/lifeline}
customers=${BENCH_CUSTOMERS:-1000000}
out=bench/out
mkdir -p "$out"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  tests/support/pg-server stop "$out/pg" 2>/dev/null || true
}
trap cleanup EXIT

wait_for() { for _ in $(seq 1 300); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done; echo "timeout: $1" >&2; return 1; }

login() {  # port username → prints the token
  curl -s -X POST "http://127.0.0.1:$1/api/v1/auth/login" \
    -d "{\"username\":\"$2\",\"password\":\"Lifeline2026\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

serve() {  # port extra-args... ; starts a quiet server in the background and waits for it
  local port=$1
  shift
  LIFELINE_SERVER_ACCESS_LOG=false LIFELINE_LOG_LEVEL=warn "$bin" serve --listen 127.0.0.1:$port "$@" &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/healthz"
}

stop_last() { kill "${pids[-1]}"; wait "${pids[-1]}" || true; }

seed() {  # name args...
  local name=$1
  shift
  echo "== seed $name: lifeline seed --demo --customers $customers $*"
  local start=$SECONDS
  "$bin" seed --demo --customers "$customers" "$@" | tee "$out/seed-$name.txt"
  echo "seed $name took $((SECONDS - start)) s" | tee -a "$out/seed-$name.txt"
}

# Seeds the backend once into bench/out (reused when BENCH_RESEED=0 and it is there) and sets
# `storage_args` to what `lifeline serve` needs for it.
prepare_backend() {  # sqlite|postgres
  case $1 in
    sqlite)
      if [[ ${BENCH_RESEED:-1} == 1 || ! -f $out/sqlite/lifeline.db ]]; then
        rm -rf "$out/sqlite"
        seed sqlite --data "$out/sqlite"
      fi
      # Measure a server in steady state: the file in the page cache, as it is after hours of
      # calls. A cold cache is two orders of magnitude slower for random lookups (disk reads).
      cat "$out/sqlite/lifeline.db" >/dev/null
      # And on disk: otherwise the first WAL checkpoint's fsync waits for the whole seed.
      sync "$out/sqlite/lifeline.db"
      storage_args=(--data "$out/sqlite")
      ;;
    postgres)
      PG_DURABLE=1 tests/support/pg-server start "$out/pg"
      local url
      url=$(cat "$out/pg/url")
      # pg-server starts a new, empty cluster every time: PostgreSQL is always seeded afresh
      # (BENCH_RESEED=0 reuses only the SQLite file).
      rm -rf "$out/pg-data"
      seed postgres --data "$out/pg-data" --db "$url"
      storage_args=(--data "$out/pg-data" --db "$url")
      ;;
  esac
}

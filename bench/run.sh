#!/usr/bin/env bash
# One command for the whole benchmark: build, start standalone as its own JVM on free ports with a
# temp data dir, wait until it is ready, run the load generator (bench/ module) against it while
# sampling the standalone process, stop standalone, run feedback-service's FeedbackThroughputBenchmark,
# and write bench/results/<date>-<commit>.md plus a copy at bench/results/latest.md.
#
#   bench/run.sh                      # everything (about 15 minutes)
#   BENCH_ONLY=recommend bench/run.sh # one part: any of feedback-loop,recommend,collector,topology
#   BENCH_JFR=1 bench/run.sh          # also record a JFR profile of standalone (bench/results/*.jfr)
#
# Knobs (environment): BENCH_DURATION_S (15), BENCH_WARMUP_S (5), BENCH_RATES (500,1000,2000),
# BENCH_CATALOGS (200,1000; the demo's 60 is always measured), BENCH_BATCHES (1,20,100),
# BENCH_TRIALS (60), BENCH_SETTLE_MAX_S (60: the longest wait for a quiet standalone before a run),
# BENCH_COLLECTOR_JIT_WARMUP_S (30), BENCH_RECOMMEND_JIT_WARMUP_S (30; both are minimums: a warm-up goes on until the JIT settled),
# BENCH_JIT_WARMUP_MAX_S (360), BENCH_XMX (384m), BENCH_GC (G1; or Parallel, Serial), BENCH_MAX_DIRECT (128m), BENCH_TOPOLOGY_RECORDS (100000), BENCH_SKIP_BUILD (0),
# BENCH_JAVA_OPTS (extra JVM flags for standalone, e.g. a GC log: -Xlog:gc:file=/tmp/gc.log),
# BENCH_JAVA (the java that runs standalone; default: java on PATH; the load generator always uses java on PATH).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
only=${BENCH_ONLY:-feedback-loop,recommend,collector,topology}
xmx=${BENCH_XMX:-384m}
commit=$(git rev-parse --short=10 HEAD)$(git diff --quiet HEAD -- . ':!bench/results' || echo "-dirty")
stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
results="$root/bench/results"
out="$results/$stamp-$commit.md"
work=$(mktemp -d /tmp/nextbest-bench.XXXXXX)
mkdir -p "$results"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "bench: building standalone and the load generator"
  # Online, so the bench also works on a clone where the set-up command has not run yet.
  ./mvnw -B -ntp -q -pl standalone,bench -am package -DskipTests
fi

sa_pid=""
stop_standalone() {
  if [[ -n "$sa_pid" ]] && kill -0 "$sa_pid" 2>/dev/null; then
    kill "$sa_pid"; wait "$sa_pid" 2>/dev/null || true
  fi
  sa_pid=""
}
trap 'stop_standalone; rm -rf "$work/data"' EXIT

if [[ "$only" =~ feedback-loop|recommend|collector ]]; then
  http_port=$(free_port); kafka_port=$(free_port); pg_port=$(free_port)
  # Fixed demo credentials for the run (README "Sample data and the demo tenant").
  export NEXTBEST_DEMO_TENANT_ID=demo-bench
  export NEXTBEST_DEMO_API_KEY=nbk_bench001_$(python3 -c 'import secrets,string; a=string.ascii_letters+string.digits; print("".join(secrets.choice(a) for _ in range(32)))')
  export NEXTBEST_CATALOG_BOOTSTRAP_ADMIN_KEY=bench-operator-$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  # Raise the per-key Bucket4j limits (default 200 / 100 per s) so they do not shape the load.
  export NEXTBEST_INGEST_RATE_LIMIT_CAPACITY=1000000 NEXTBEST_INGEST_RATE_LIMIT_REFILL_TOKENS=1000000
  export NEXTBEST_DECISION_RATE_LIMIT_CAPACITY=1000000 NEXTBEST_DECISION_RATE_LIMIT_REFILL_TOKENS=1000000
  # Memory of the one standalone process (README "Memory"): a heap above the ≈ 180 MB live set, a bound on
  # direct buffers (Netty, the broker), and two glibc malloc arenas instead of 8 per core, whose
  # fragmentation under RocksDB's and the JVM's native allocations otherwise shows up as RSS.
  flags="-Xmx$xmx -XX:MaxDirectMemorySize=${BENCH_MAX_DIRECT:-128m} -XX:+Use${BENCH_GC:-G1}GC${BENCH_JAVA_OPTS:+ $BENCH_JAVA_OPTS}"
  export MALLOC_ARENA_MAX=2
  sa_java=${BENCH_JAVA:-java}
  sa_java_version=$("$sa_java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    flags="$flags -XX:StartFlightRecording=filename=$results/$stamp-$commit.jfr,settings=profile,dumponexit=true"
  fi
  echo "bench: starting standalone ($flags) on :$http_port, data in $work/data"
  SERVER_PORT=$http_port NEXTBEST_STANDALONE_KAFKA_PORT=$kafka_port NEXTBEST_STANDALONE_POSTGRES_PORT=$pg_port \
    NEXTBEST_STANDALONE_DATA_DIR="$work/data" \
    "$sa_java" $flags -jar standalone/target/standalone-0.1.0-SNAPSHOT-exec.jar > "$work/standalone.log" 2>&1 &
  sa_pid=$!
  base="http://localhost:$http_port"
  # Ready = readiness UP and the demo tenant's key answers (the demo tenant is written after readiness).
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "$base/actuator/health/readiness" \
       && curl -sf -o /dev/null -H "X-Tenant-Id: $NEXTBEST_DEMO_TENANT_ID" -H "X-API-Key: $NEXTBEST_DEMO_API_KEY" \
            -H 'Content-Type: application/json' "$base/api/v1/recommend" -d '{"customerId":"SBX-000100","limit":1}'; then
      break
    fi
    kill -0 "$sa_pid" 2>/dev/null || { echo "bench: standalone died, see $work/standalone.log"; tail -40 "$work/standalone.log"; exit 1; }
    sleep 1
  done
  echo "bench: standalone ready (pid $sa_pid); running the load generator"
  java -Xmx512m -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar \
    --base-url="$base" --pid="$sa_pid" --commit="$commit" --out="$out" --clk-tck="$(getconf CLK_TCK)" \
    --demo-tenant="$NEXTBEST_DEMO_TENANT_ID" --demo-key="$NEXTBEST_DEMO_API_KEY" \
    --operator-key="$NEXTBEST_CATALOG_BOOTSTRAP_ADMIN_KEY" --standalone-flags="MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX java $flags (Java $sa_java_version)" \
    --only="$only" --duration-s="${BENCH_DURATION_S:-15}" --warmup-s="${BENCH_WARMUP_S:-5}" \
    --rates="${BENCH_RATES:-500,1000,2000}" --catalogs="${BENCH_CATALOGS:-200,1000}" \
    --batches="${BENCH_BATCHES:-1,20,100}" --trials="${BENCH_TRIALS:-60}" \
    --settle-max-s="${BENCH_SETTLE_MAX_S:-60}" --collector-jit-warmup-s="${BENCH_COLLECTOR_JIT_WARMUP_S:-30}" \
    --recommend-jit-warmup-s="${BENCH_RECOMMEND_JIT_WARMUP_S:-30}" --jit-warmup-max-s="${BENCH_JIT_WARMUP_MAX_S:-360}" 2> "$work/loadgen.log"
  stop_standalone
else
  printf '# Benchmark %s\n\n- commit: `%s`\n- load average (as `uptime`): %s\n' "$stamp" "$commit" "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out"
fi

if [[ "$only" == *topology* ]]; then
  records=${BENCH_TOPOLOGY_RECORDS:-100000}
  {
    echo
    echo "## Feedback topology"
    echo
    echo "feedback-service's \`FeedbackThroughputBenchmark\` (README \"Feedback topology\"), run after standalone stopped, one guarantee per JVM, $records distinct records plus duplicates, measured after warm-up rounds of the same size in the same JVM until its JIT settled (each line lists them; the first is the cold JVM that runs before 2026-12-07 measured); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
  } >> "$out"
  for guarantee in exactly_once_v2 at_least_once; do
    echo "bench: feedback topology, $guarantee"
    # README's command, with -am so the upstream modules come from this checkout, not from ~/.m2.
    ./mvnw -B -ntp -q verify -pl feedback-service -am -Dtest=none -Dit.test=FeedbackThroughputBenchmark \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.records="$records" -Dbenchmark.guarantee="$guarantee" > "$work/topology-$guarantee.log" 2>&1 \
      || { echo "- \`$guarantee\`: the benchmark failed (log: $work/topology-$guarantee.log)" >> "$out"; continue; }
    line=$(grep -h "^$guarantee" feedback-service/target/failsafe-reports/*FeedbackThroughputBenchmark*-output.txt | tail -1)
    echo "- \`$guarantee\`: ${line:-no result line found}" >> "$out"
  done
  echo "- target ≥ 50,000 records/s: compare the records/s above" >> "$out"
fi

cp "$out" "$results/latest.md"
echo "bench: results in $out (and bench/results/latest.md); logs in $work"

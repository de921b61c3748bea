#!/usr/bin/env bash
# Export benchmark: a wave's submitted firm diagnostics streamed as CSV, XLSX and ZIP over HTTP,
# against PostgreSQL's own COPY of the same responses' stored answers, at 10,000 and 100,000
# responses, in one run; with time to first byte and the server's live heap during the exports.
#
#   src/bench/exports.sh [clusterlens.war] [payara-micro.jar]
#
# Defaults: target/clusterlens.war and target/payara-micro.jar of this repository (built with
# `mvn -DskipTests package` if missing). Both are copied first, so a build running meanwhile does
# not change them under the benchmark. The harness (src/test/java/org/clusterlens/bench/
# ExportBenchmark.java, ExportSeeder.java, AnswerGenerator.java and the test helpers they use) is
# compiled with javac against the test classpath and the WAR's own classes: the seeding validates
# every generated interview with the server's SubmissionValidator of that very build.
# Environment:
#   JAVA_HOME          JDK 21 or newer (runs the harness and the server)
#   SIZES=10000,100000 submitted responses per wave: one study per size, with a register of that many
#                      firms and one wave in which every firm has submitted
#   REPS=3             measured repetitions per size of COPY, CSV, XLSX and ZIP in turn (medians)
#   WARMUP=2           exports of each format on the smallest wave before anything is measured; each
#                      larger wave also gets one unmeasured export of each format first
#   COPY_EXTRA=2       COPY repetitions on top of REPS (COPY is quick)
#   XMX=512m           the server's -Xmx
#   QUERY=             query options for every export (the endpoint's defaults when empty), e.g.
#                      "choices=labels&lang=en"
#   VARIANT=choices=labels&multiple=joined   a second CSV export measured in every repetition;
#                      empty for none
#   PROFILE=true       JFR recording of the largest wave's warm-up export of each format (not timed),
#                      summarised in the notes
#   SEED=20261202      the answers' seed; the same seed gives the same data
#   PGHOST/PGPORT/PGUSER  PostgreSQL (127.0.0.1/5432/postgres); the user creates and drops a database
#   BENCH_DIR          compiled harness and the run's data (default ${TMPDIR:-/tmp}/clusterlens-exports)
#   QUIET_WAIT=600     before each size's measured series, wait at most this many seconds in all for
#                      other processes to use less than half a core
#   KEEP=1             keep the run directory (server log, GC log, JFR recordings)
#
# The notes after the table also give, for the largest wave: a JFR summary and PostgreSQL's active
# statements (sampled from pg_stat_activity) during each format's warm-up export, a class histogram
# of the server's live heap in the middle of a CSV export, and EXPLAIN ANALYZE of the wave's
# template-version query against the same by id only.
#
# Prints markdown on stdout; progress goes to stderr. With the defaults about 35 minutes.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
war=${1:-$repo_root/target/clusterlens.war}
micro=${2:-$repo_root/target/payara-micro.jar}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/clusterlens-exports}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac_bin=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar_bin=${JAVA_HOME:+$JAVA_HOME/bin/}jar
psql_cmd=(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -qAtX)

if [[ ! -f $war || ! -f $micro ]]; then
    echo "building the WAR (mvn -DskipTests package)..." >&2
    (cd "$repo_root" && mvn -q -DskipTests package) >&2
fi

# --- the run's copies of the WAR and Payara Micro -----------------------------------------------
mkdir -p "$BENCH_DIR"
run=$(mktemp -d "$BENCH_DIR/run.XXXXXX")
database=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n $database ]]; then
        "${psql_cmd[@]}" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null || true
    fi
    if [[ ${KEEP:-0} == 1 ]]; then echo "kept $run" >&2; else rm -rf "$run"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cp "$war" "$run/clusterlens.war"
cp "$micro" "$run/payara-micro.jar"
mkdir -p "$run/war"
(cd "$run/war" && "$jar_bin" --extract --file "$run/clusterlens.war" WEB-INF/classes)

# --- the harness -------------------------------------------------------------------------------
classes=$run/classes
sources=(
    "$repo_root/src/test/java/org/clusterlens/bench/ExportBenchmark.java"
    "$repo_root/src/test/java/org/clusterlens/bench/BenchServer.java"
    "$repo_root/src/test/java/org/clusterlens/bench/ExportSeeder.java"
    "$repo_root/src/test/java/org/clusterlens/bench/AnswerGenerator.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Api.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Diagnostics.java"
    "$repo_root/src/test/java/org/clusterlens/testing/StudyFixtures.java"
    "$repo_root/src/test/java/org/clusterlens/testing/ServerProcess.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Fixtures.java"
    "$repo_root/src/test/java/org/clusterlens/testing/ItEnvironment.java"
)
if [[ ! -s $BENCH_DIR/cp.txt || $repo_root/pom.xml -nt $BENCH_DIR/cp.txt ]]; then
    echo "resolving the test classpath..." >&2
    (cd "$repo_root" && mvn -o -q dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$BENCH_DIR/cp.txt") >&2
fi
echo "compiling the harness..." >&2
mkdir -p "$classes"
classpath="$run/war/WEB-INF/classes:$(cat "$BENCH_DIR/cp.txt")"
"$javac_bin" --release 21 -nowarn -cp "$classpath" -d "$classes" "${sources[@]}"

# --- the run -----------------------------------------------------------------------------------
database="clusterlens_exportbench_$$"
"${psql_cmd[@]}" -c "CREATE DATABASE \"$database\"" >/dev/null
# settings from the caller's environment must not leak into the measured server
while read -r name; do unset "$name"; done < <(compgen -e | grep '^CLUSTERLENS_' || true)

echo "machine: $(nproc) CPUs, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $("$java_bin" -version 2>&1 | head -1);" \
     "PostgreSQL $("${psql_cmd[@]}" -c 'SHOW server_version'), shared_buffers $("${psql_cmd[@]}" -c 'SHOW shared_buffers');" \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# bounded: the harness stops by itself; this is a safety net
timeout --kill-after=30s 90m "$java_bin" -Xmx2g -cp "$classes:$classpath" org.clusterlens.bench.ExportBenchmark \
    --work="$run/data" --war="$run/clusterlens.war" --micro="$run/payara-micro.jar" \
    --pgUrl="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$database" --pgUser="${PGUSER:-postgres}" \
    --sizes="${SIZES:-10000,100000}" --reps="${REPS:-3}" --warmup="${WARMUP:-2}" --copyExtra="${COPY_EXTRA:-2}" \
    --xmx="${XMX:-512m}" --query="${QUERY:-}" --variant="${VARIANT-choices=labels&multiple=joined}" \
    --profile="${PROFILE:-true}" --seed="${SEED:-20261202}" --quietWait="${QUIET_WAIT:-600}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

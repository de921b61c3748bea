#!/usr/bin/env bash
# Themes speed (issue 10): indexing 100,000 answers resampled from the shared free-text corpus
# through our AnswerIndex rebuild against a bare Lucene IndexWriter with the same analyzer,
# in-process; then on PostgreSQL through HTTP: a fresh server's rebuild of 100,000 answers, search
# latency of a fixed set of 200 queries against the same queries on a plain IndexSearcher, the
# catch-up of a further 100,000 answers after a restart, and a kill -9 in the middle of a catch-up.
# Every figure comes with its baseline measured in the same run.
#
#   src/bench/themes-speed.sh [clusterlens.war] [payara-micro.jar]
#
# Defaults: target/clusterlens.war and target/payara-micro.jar of this repository (built with
# `mvn -DskipTests package` if missing). Both are copied first, so a build running meanwhile does
# not change them under the benchmark. The harness (src/test/java/org/clusterlens/bench/
# ThemesSpeed*.java and the test helpers it uses) is compiled with javac against the test classpath
# and the WAR's own classes, so the in-process indexing runs the very AnswerIndex of that WAR.
# The corpus is read where it lies, ../shared/testdata/freetext/phase1_text_data.csv beside the
# repository (CORPUS= to point elsewhere); it is never copied into the project.
# Environment:
#   JAVA_HOME          JDK 21 or newer (runs the harness and the server)
#   ANSWERS=100000     answers per batch (two per response: "what could we have done better?" and
#                      "what did we do well?", each a comment the corpus has for that question)
#   KILL_ANSWERS=40000 answers of the third batch, whose catch-up is killed (kill -9) half-way
#   REPS=3             measured in-process indexing runs of each variant (after one warm-up run each)
#   PASSES=3           measured passes over the 200 queries (after two warm-up passes)
#   HTTP=true          false: the in-process indexing only (no server, no database)
#   XMX=1g             the server's -Xmx
#   SEED=20261202      resampling and query seed; the same seed gives the same answers and queries
#   PGHOST/PGPORT/PGUSER  PostgreSQL (127.0.0.1/5432/postgres); the user creates and drops a database
#   BENCH_DIR          compiled harness and the run's data (default ${TMPDIR:-/tmp}/clusterlens-themes-speed)
#   KEEP=1             keep the run directory (server logs, indexes, and data/search.jfr: the server's
#                      JFR recording of one more, unmeasured, pass of the queries)
#
# Prints markdown on stdout; progress goes to stderr. With the defaults 7-12 minutes, by the load.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
war=${1:-$repo_root/target/clusterlens.war}
micro=${2:-$repo_root/target/payara-micro.jar}
corpus=${CORPUS:-$repo_root/../shared/testdata/freetext/phase1_text_data.csv}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/clusterlens-themes-speed}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac_bin=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar_bin=${JAVA_HOME:+$JAVA_HOME/bin/}jar
psql_cmd=(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -qAtX)

if [[ ! -f $corpus ]]; then
    echo "the corpus is not there: $corpus (see ../shared/testdata/MANIFEST.md); nothing measured" >&2
    exit 2
fi
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
    "$repo_root/src/test/java/org/clusterlens/bench/ThemesSpeedBenchmark.java"
    "$repo_root/src/test/java/org/clusterlens/bench/ThemesSpeedCorpus.java"
    "$repo_root/src/test/java/org/clusterlens/bench/ThemesSpeedIndexing.java"
    "$repo_root/src/test/java/org/clusterlens/bench/ThemesSpeedSeeder.java"
    "$repo_root/src/test/java/org/clusterlens/bench/BenchServer.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Api.java"
    "$repo_root/src/test/java/org/clusterlens/testing/ServerProcess.java"
    "$repo_root/src/test/java/org/clusterlens/testing/ItEnvironment.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Diagnostics.java"
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
if [[ ${HTTP:-true} == true ]]; then
    database="clusterlens_themesspeed_$$"
    "${psql_cmd[@]}" -c "CREATE DATABASE \"$database\"" >/dev/null
fi
# settings from the caller's environment must not leak into the measured server
while read -r name; do unset "$name"; done < <(compgen -e | grep '^CLUSTERLENS_' || true)

echo "machine: $(nproc) CPUs, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $("$java_bin" -version 2>&1 | head -1);" \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg); uptime: $(uptime)" >&2
echo "**Machine.** $(nproc) CPUs, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $("$java_bin" -version 2>&1 | head -1)," \
     "PostgreSQL $("${psql_cmd[@]}" -c 'SHOW server_version' 2>/dev/null || echo '?'); \`uptime\` before the run: $(uptime)."
echo
# bounded: the harness stops by itself; this is a safety net
timeout --kill-after=30s 60m "$java_bin" -Xmx2g -cp "$classes:$classpath" org.clusterlens.bench.ThemesSpeedBenchmark \
    --work="$run/data" --war="$run/clusterlens.war" --micro="$run/payara-micro.jar" --corpus="$corpus" \
    --pgUrl="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$database" --pgUser="${PGUSER:-postgres}" \
    --answers="${ANSWERS:-100000}" --killAnswers="${KILL_ANSWERS:-40000}" --reps="${REPS:-3}" \
    --passes="${PASSES:-3}" --http="${HTTP:-true}" --xmx="${XMX:-1g}" --seed="${SEED:-20261202}"
echo
echo "\`uptime\` after the run: $(uptime)."
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

#!/usr/bin/env bash
# Submission throughput benchmark: sustained submissions per second through HTTP → validation →
# JPA, against plain JDBC writing the same rows, on H2 and on PostgreSQL, in one run.
#
#   src/bench/submissions.sh [clusterlens.war] [payara-micro.jar]
#
# Defaults: target/clusterlens.war and target/payara-micro.jar of this repository (built with
# `mvn -DskipTests package` if missing). Both are copied first, so a build running meanwhile does
# not change them under the benchmark. The harness (src/test/java/org/clusterlens/bench/
# SubmissionBenchmark.java and the test helpers it uses) is compiled with javac into $BENCH_DIR.
# Environment:
#   JAVA_HOME          JDK 21 or newer (runs the harness and the server)
#   DATABASES=h2,postgresql
#   CLIENTS=32 WARMUP=60 MEASURE=30 JDBC_WARMUP=10   (seconds; with a shorter warm-up the JIT is
#                      still compiling Payara's request path during the measured runs)
#   PROFILE=true       JFR during the last 15 s of the warm-up (not counted), summarised in the notes
#   FLOOR=true         first measure the container's floor: Payara Micro with src/bench/floor, which
#                      answers the same requests with a fixed 201 and does nothing else; on PostgreSQL
#                      the same WAR then runs the plain-JDBC transaction behind HTTP, and
#                      src/bench/floor-jpa writes the same rows through JAX-RS, CDI, JTA and JPA
#                      with no application code
#   REGISTER_CAP=0     0: all invitations in one study (its register grows with them); n: a new study
#                      whenever a register reaches n actors (each submission loads its whole register)
#   PGHOST/PGPORT/PGUSER  PostgreSQL (127.0.0.1/5432/postgres); the user creates and drops a database
#   BENCH_DIR          compiled harness and the run's data (default ${TMPDIR:-/tmp}/clusterlens-submissions)
#   QUIET_WAIT=600     before each measured run, wait at most this many seconds for other processes
#                      to use less than half a core (the load is recorded in the notes either way)
#   FLOOR_JVM          extra JVM options for the floor servers, e.g. a JFR recording
#   FLOOR_JPA_STORES=none,cdi,ejb,local  how the floor-jpa WAR writes, one server each: cdi (CDI
#                      @Transactional), ejb (stateless EJB), local (RESOURCE_LOCAL), none (no database)
#   MICRO_ARGS         extra Payara Micro options for the ClusterLens server, e.g. "--maxhttpthreads 16"
#   KEEP=1             keep the run directory (server logs, GC logs, JFR recording, H2 file)
#
# Prints markdown tables on stdout; progress goes to stderr. Takes about 25 minutes.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
war=${1:-$repo_root/target/clusterlens.war}
micro=${2:-$repo_root/target/payara-micro.jar}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/clusterlens-submissions}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac_bin=${JAVA_HOME:+$JAVA_HOME/bin/}javac
psql_cmd=(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -qAtX)
DATABASES=${DATABASES:-h2,postgresql}

if [[ ! -f $war || ! -f $micro ]]; then
    echo "building the WAR (mvn -DskipTests package)..." >&2
    (cd "$repo_root" && mvn -q -DskipTests package) >&2
fi

# --- the harness -------------------------------------------------------------------------------
mkdir -p "$BENCH_DIR"
classes=$BENCH_DIR/classes
sources=(
    "$repo_root/src/test/java/org/clusterlens/bench/SubmissionBenchmark.java"
    "$repo_root/src/test/java/org/clusterlens/bench/BenchServer.java"
    "$repo_root/src/test/java/org/clusterlens/bench/JdbcSubmission.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Api.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Diagnostics.java"
    "$repo_root/src/test/java/org/clusterlens/testing/StudyFixtures.java"
    "$repo_root/src/test/java/org/clusterlens/testing/ServerProcess.java"
    "$repo_root/src/test/java/org/clusterlens/testing/Fixtures.java"
    "$repo_root/src/test/java/org/clusterlens/testing/ItEnvironment.java"
    "$repo_root/src/main/java/org/clusterlens/studies/control/InvitationToken.java"
)
if [[ ! -s $BENCH_DIR/cp.txt || $repo_root/pom.xml -nt $BENCH_DIR/cp.txt ]]; then
    echo "resolving the test classpath..." >&2
    (cd "$repo_root" && mvn -o -q dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$BENCH_DIR/cp.txt") >&2
fi
stale=0
[[ -f $classes/org/clusterlens/bench/SubmissionBenchmark.class ]] || stale=1
for s in "${sources[@]}"; do [[ $s -nt $classes/org/clusterlens/bench/SubmissionBenchmark.class ]] && stale=1; done
if (( stale )); then
    echo "compiling the harness..." >&2
    rm -rf "$classes"; mkdir -p "$classes/submissions"
    "$javac_bin" --release 21 -nowarn -cp "$(cat "$BENCH_DIR/cp.txt")" -d "$classes" "${sources[@]}"
fi
cp "$repo_root/src/test/resources/submissions/firm-diagnostic-answers.json" "$classes/submissions/"
floor_args=()
if [[ ${FLOOR:-true} == true ]]; then
    floor_war=$BENCH_DIR/floor.war
    floor_sources=("$repo_root/src/bench/floor/FloorSubmissions.java"
                   "$repo_root/src/test/java/org/clusterlens/bench/JdbcSubmission.java")
    if [[ ! -f $floor_war || ${floor_sources[0]} -nt $floor_war || ${floor_sources[1]} -nt $floor_war ]]; then
        echo "building the floor WAR..." >&2
        rm -rf "$BENCH_DIR/floor"; mkdir -p "$BENCH_DIR/floor/WEB-INF/classes" "$BENCH_DIR/floor/WEB-INF/lib"
        "$javac_bin" --release 21 -nowarn -cp "$(cat "$BENCH_DIR/cp.txt")" -d "$BENCH_DIR/floor/WEB-INF/classes" "${floor_sources[@]}"
        # the PostgreSQL driver, for the plain-JDBC baseline behind HTTP
        tr ':' '\n' < "$BENCH_DIR/cp.txt" | grep '/org/postgresql/postgresql/' | xargs -I{} cp {} "$BENCH_DIR/floor/WEB-INF/lib/"
        (cd "$BENCH_DIR/floor" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$floor_war" WEB-INF)
    fi
    floor_args=(--floorWar="$floor_war")
    # the mandated stack with no application code in it (JAX-RS, JSON-P, CDI, JTA, JPA), PostgreSQL only
    floor_jpa_war=$BENCH_DIR/floor-jpa.war
    floor_jpa_sources=("$repo_root"/src/bench/floor-jpa/*.java)
    stale_jpa=0
    [[ -f $floor_jpa_war ]] || stale_jpa=1
    for s in "${floor_jpa_sources[@]}" "$repo_root/src/bench/floor-jpa/META-INF/persistence.xml"; do
        [[ $s -nt $floor_jpa_war ]] && stale_jpa=1
    done
    if (( stale_jpa )); then
        echo "building the floor-jpa WAR..." >&2
        jpa_dir=$BENCH_DIR/floor-jpa
        rm -rf "$jpa_dir"; mkdir -p "$jpa_dir/WEB-INF/classes/META-INF" "$jpa_dir/WEB-INF/lib"
        "$javac_bin" --release 21 -nowarn -cp "$(cat "$BENCH_DIR/cp.txt")" -d "$jpa_dir/WEB-INF/classes" "${floor_jpa_sources[@]}"
        cp "$repo_root/src/bench/floor-jpa/META-INF/persistence.xml" "$jpa_dir/WEB-INF/classes/META-INF/"
        tr ':' '\n' < "$BENCH_DIR/cp.txt" | grep '/org/postgresql/postgresql/' | xargs -I{} cp {} "$jpa_dir/WEB-INF/lib/"
        (cd "$jpa_dir" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$floor_jpa_war" WEB-INF)
    fi
    floor_args+=(--floorJpaWar="$floor_jpa_war" --floorJpaStores="${FLOOR_JPA_STORES:-none,cdi,ejb,local}")
fi

# --- the run -----------------------------------------------------------------------------------
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
if [[ ,$DATABASES, == *,postgresql,* ]]; then
    database="clusterlens_subbench_$$"
    "${psql_cmd[@]}" -c "CREATE DATABASE \"$database\"" >/dev/null
fi
# settings from the caller's environment must not leak into the measured server
while read -r name; do unset "$name"; done < <(compgen -e | grep '^CLUSTERLENS_' || true)

echo "machine: $(nproc) CPUs, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $("$java_bin" -version 2>&1 | head -1);" \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# bounded: the harness stops by itself; this is a safety net
timeout --kill-after=30s 45m "$java_bin" ${MICRO_ARGS:+"-Dclusterlens.it.micro=$MICRO_ARGS"} -cp "$classes:$(cat "$BENCH_DIR/cp.txt")" org.clusterlens.bench.SubmissionBenchmark \
    --databases="$DATABASES" --work="$run/data" --war="$run/clusterlens.war" --micro="$run/payara-micro.jar" \
    --pgUrl="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$database" --pgUser="${PGUSER:-postgres}" \
    --clients="${CLIENTS:-32}" --warmup="${WARMUP:-60}" --measure="${MEASURE:-30}" \
    --jdbcWarmup="${JDBC_WARMUP:-10}" --profile="${PROFILE:-true}" --registerCap="${REGISTER_CAP:-0}" --quietWait="${QUIET_WAIT:-600}" \
    ${FLOOR_JVM:+"--floorJvm=$FLOOR_JVM"} "${floor_args[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

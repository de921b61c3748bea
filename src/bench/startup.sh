#!/usr/bin/env bash
# Start-up benchmark: cold start to ready and resident memory of ClusterLens, against bare
# Payara Micro deploying an empty WAR, measured in the same run on this machine.
#
#   src/bench/startup.sh [clusterlens.war] [payara-micro.jar]
#
# Defaults: target/clusterlens.war and target/payara-micro.jar of this repository.
# Environment:
#   RUNS=5             runs per configuration (configurations are interleaved run by run)
#   PORT=18080         HTTP port used for every server (must be free)
#   IDLE_SECONDS=30    idle time before the second memory reading
#   READY_TIMEOUT=240  seconds to wait for /health/ready before giving up
#   JAVA_HOME          JDK/JRE to run (21 or newer); otherwise `java` on the PATH
#   PGHOST/PGPORT/PGUSER  PostgreSQL for the PostgreSQL configuration (127.0.0.1/5432/postgres);
#                      the user must be allowed to create and drop databases
#   LOG_DIR            if set, every server log is kept there (run-<config>-<n>.log)
#   QUIET_CORES=0.3    before each run, wait until other processes use less than this many CPU
#                      cores (sampled over 3 s); 0 disables the wait
#   QUIET_WAIT=900     ...but wait at most this many seconds, then run anyway
#
# Prints a markdown table on stdout; progress and per-run figures go to stderr.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }

war=${1:-$repo_root/target/clusterlens.war}
micro=${2:-$repo_root/target/payara-micro.jar}
for f in "$war" "$micro"; do
    [[ -f $f ]] || { echo "missing $f (build with: mvn -DskipTests package)" >&2; exit 2; }
done
war=$(abs "$war")
micro=$(abs "$micro")

RUNS=${RUNS:-5}
PORT=${PORT:-18080}
IDLE_SECONDS=${IDLE_SECONDS:-30}
READY_TIMEOUT=${READY_TIMEOUT:-240}
LOG_DIR=${LOG_DIR:-}
QUIET_CORES=${QUIET_CORES:-0.3}
QUIET_WAIT=${QUIET_WAIT:-900}
ncpu=$(nproc)
clk_tck=$(getconf CLK_TCK)
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
psql_cmd=(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}"
          -d postgres -v ON_ERROR_STOP=1 -qAtX)
pg_jdbc="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}"

# Identical JVM flags for every configuration. The temporary directory is per run so that
# Payara Micro's unpacked runtime is fresh each time and removed with the run directory.
jvm_flags=(-Xmx512m)

# Settings from the caller's environment must not leak into the measured servers.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^CLUSTERLENS_' || true)

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive integer" >&2; exit 2; }
"$java_bin" -version >/dev/null 2>&1 || { echo "cannot run $java_bin" >&2; exit 2; }
"${psql_cmd[@]}" -c 'select 1' >/dev/null || { echo "PostgreSQL not reachable with: ${psql_cmd[*]}" >&2; exit 2; }
if [[ -n $LOG_DIR ]]; then mkdir -p "$LOG_DIR"; LOG_DIR=$(cd "$LOG_DIR" && pwd); fi

work=$(mktemp -d "${TMPDIR:-/tmp}/clusterlens-startup.XXXXXX")
server_pid=""
database=""

stop_server() {
    [[ -n $server_pid ]] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        local waited=0
        while kill -0 "$server_pid" 2>/dev/null && (( waited < 300 )); do
            sleep 0.1; waited=$((waited + 1))
        done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

drop_database() {
    [[ -n $database ]] || return 0
    "${psql_cmd[@]}" -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null || true
    database=""
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_server
    drop_database
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
# whether the process holding the listening socket on PORT is the given one (skipped without ss)
listening_pid_is() {
    command -v ss >/dev/null || return 0
    ss -Hltnp "sport = :$PORT" | grep -q "pid=$1,"
}

# busy and total jiffies of the whole machine (busy includes steal: time taken by the host)
cpu_jiffies() { awk '/^cpu / { b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6 }' /proc/stat; }
# CPU cores in use between two cpu_jiffies samples, minus the given own jiffies
cores_used() { awk -v a="$1" -v b="$2" -v own="${3:-0}" -v n="$ncpu" 'BEGIN {
    split(a, x, " "); split(b, y, " "); dt = y[2] - x[2]
    printf "%.2f", (dt > 0 ? (y[1] - x[1] - own) / dt * n : 0) }'; }
# user + system CPU time of a process, in jiffies
process_jiffies() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Other processes (builds, tests) skew timings on a small machine: wait for a quiet moment.
wait_for_quiet() {
    awk -v q="$QUIET_CORES" 'BEGIN { exit !(q > 0) }' || return 0
    local waited=0 before after used
    while :; do
        before=$(cpu_jiffies); sleep 3; after=$(cpu_jiffies)
        used=$(cores_used "$before" "$after")
        awk -v u="$used" -v q="$QUIET_CORES" 'BEGIN { exit !(u < q) }' && return 0
        if (( waited == 0 )); then echo "  waiting for other processes to calm down ($used cores busy)..." >&2; fi
        waited=$((waited + 3))
        if (( waited >= QUIET_WAIT )); then
            echo "  still $used cores busy after $QUIET_WAIT s; running anyway" >&2
            return 0
        fi
    done
}

rss_mib() {
    awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# The baseline application: nothing but a deployment descriptor.
mkdir -p "$work/empty/WEB-INF"
cat > "$work/empty/WEB-INF/web.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
XML
jar --create --file "$work/empty.war" -C "$work/empty" .

configs=(baseline h2 postgres)
declare -A label=(
    [baseline]="Baseline: Payara Micro, empty WAR"
    [h2]="ClusterLens on H2"
    [postgres]="ClusterLens on PostgreSQL"
)
declare -A ready_s cpu_s rss_ready rss_idle others   # space-separated samples per configuration

# one_run CONFIG N: start, time to the first 200 from /health/ready, read memory, stop.
one_run() {
    local config=$1 n=$2
    local run_dir="$work/run-$config-$n"
    local log="$run_dir/server.log"
    local app=$war
    local -a env_vars=()
    mkdir -p "$run_dir/tmp"

    case $config in
        baseline) app=$work/empty.war ;;
        h2)       env_vars=(CLUSTERLENS_DATA_DIR="$run_dir/data") ;;  # H2 default URL is ./data/db under the run dir
        postgres)
            database="clusterlens_bench_$$_$n"
            "${psql_cmd[@]}" -c "CREATE DATABASE \"$database\"" >/dev/null
            env_vars=(CLUSTERLENS_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource
                      CLUSTERLENS_DB_URL="$pg_jdbc/$database"
                      CLUSTERLENS_DB_USER="${PGUSER:-postgres}"
                      CLUSTERLENS_DB_PASSWORD=unused-with-trust-auth
                      CLUSTERLENS_DATA_DIR="$run_dir/data") ;;
    esac

    wait_for_quiet
    if port_in_use; then
        echo "port $PORT is already in use; set PORT=" >&2
        return 1
    fi
    local jiffies_start
    jiffies_start=$(cpu_jiffies)
    local start=$EPOCHREALTIME
    (cd "$run_dir" && exec env "${env_vars[@]}" "$java_bin" "${jvm_flags[@]}" \
        -Djava.io.tmpdir="$run_dir/tmp" -jar "$micro" \
        --deploy "$app" --contextroot / --port "$PORT" --nocluster) > "$log" 2>&1 &
    server_pid=$!

    local code="" now
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
               "http://127.0.0.1:$PORT/health/ready" 2>/dev/null) || true
        [[ $code == 200 ]] && break
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "server for $config exited before it was ready; last lines of its log:" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        now=$EPOCHREALTIME
        if (( ${now%.*} - ${start%.*} > READY_TIMEOUT )); then
            echo "server for $config not ready after $READY_TIMEOUT s" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        sleep 0.1
    done
    now=$EPOCHREALTIME
    if ! listening_pid_is "$server_pid"; then
        echo "the answer on port $PORT did not come from the server under test (another process took the port?)" >&2
        return 1
    fi
    local own jiffies_ready elapsed cpu busy rss1 rss2
    own=$(process_jiffies "$server_pid")
    jiffies_ready=$(cpu_jiffies)
    elapsed=$(awk -v a="$start" -v b="$now" 'BEGIN { printf "%.2f", b - a }')
    cpu=$(awk -v j="$own" -v hz="$clk_tck" 'BEGIN { printf "%.2f", j / hz }')
    busy=$(cores_used "$jiffies_start" "$jiffies_ready" "$own")
    rss1=$(rss_mib "$server_pid")
    sleep "$IDLE_SECONDS"
    rss2=$(rss_mib "$server_pid")

    stop_server
    drop_database
    [[ -n $LOG_DIR ]] && cp "$log" "$LOG_DIR/run-$config-$n.log"
    rm -rf "$run_dir"

    ready_s[$config]+="$elapsed "
    cpu_s[$config]+="$cpu "
    rss_ready[$config]+="$rss1 "
    rss_idle[$config]+="$rss2 "
    others[$config]+="$busy "
    printf '%-10s run %d/%d: ready %6s s, CPU %6s s, RSS %6s MiB at ready, %6s MiB after %s s idle; other processes: %s cores\n' \
        "$config" "$n" "$RUNS" "$elapsed" "$cpu" "$rss1" "$rss2" "$IDLE_SECONDS" "$busy" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((n = 1; n <= RUNS; n++)); do
    for config in "${configs[@]}"; do
        one_run "$config" "$n"
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# median, min and max of a list of numbers
stats() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '
    { v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%s %s %s\n", m, v[1], v[NR] }'; }
cell() { local s; s=($(stats "$1")); printf "%.${2}f (%.${2}f–%.${2}f)" "${s[0]}" "${s[1]}" "${s[2]}"; }
median() { local s; s=($(stats "$1")); echo "${s[0]}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }

base_t=$(median "${ready_s[baseline]}")
base_c=$(median "${cpu_s[baseline]}")
base_r=$(median "${rss_ready[baseline]}")
base_i=$(median "${rss_idle[baseline]}")

echo "| Configuration | Cold start to ready, s | CPU time to ready, s | RSS at ready, MiB | RSS after ${IDLE_SECONDS} s idle, MiB | Start / baseline | CPU / baseline | RSS ready / baseline | RSS idle / baseline |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for config in "${configs[@]}"; do
    t=$(median "${ready_s[$config]}"); c=$(median "${cpu_s[$config]}")
    r=$(median "${rss_ready[$config]}"); i=$(median "${rss_idle[$config]}")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${label[$config]}" \
        "$(cell "${ready_s[$config]}" 2)" "$(cell "${cpu_s[$config]}" 1)" \
        "$(cell "${rss_ready[$config]}" 0)" "$(cell "${rss_idle[$config]}" 0)" \
        "$(ratio "$t" "$base_t")" "$(ratio "$c" "$base_c")" "$(ratio "$r" "$base_r")" "$(ratio "$i" "$base_i")"
done
echo
echo "Median (min–max) of $RUNS runs per configuration, interleaved; JVM flags: ${jvm_flags[*]}; port $PORT; $ncpu CPUs."
busy_summary=$(for config in "${configs[@]}"; do printf '%s %s, ' "$config" "$(median "${others[$config]}")"; done)
echo "CPU cores used by other processes while the servers started (median): ${busy_summary%, }."
echo "Load average (1/5/15 min) before: $load_before; after: $load_after."

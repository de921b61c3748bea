#!/usr/bin/env bash
# Suggestions learnt from hand coding, against human codes: a share of a labelled corpus (5 %, 10 %,
# 20 % by default, drawn at random with several seeds) stands for the answers coded by hand; the top
# suggestion of every other answer is compared with its human code, at each level of the coding, as
# micro and macro F1, against a nearest-centroid TF-IDF baseline trained on the same draw in the same
# run; then precision and coverage when only suggestions above a confidence are shown, and times.
#
#   src/bench/themes-suggestions.sh [corpus.csv]
#
# Default corpus: ../shared/testdata/freetext/phase1_text_data.csv beside the repository (10,334
# patient comments with a human `label`, 9 themes, and `subcategory`, 44 codes); the run is skipped
# with a message when it is absent. The file is read where it is, never copied.
# Environment:
#   JAVA_HOME                 JDK 21 or newer
#   FRACTIONS=0.05,0.10,0.20  shares coded by hand
#   SEEDS=5                   random draws per share (seeds 1..SEEDS); mean (min–max) is printed
#   LEVELS=label,subcategory  the corpus's columns of human codes
#   TEXT=feedback             the column of the answers
#   THRESHOLDS=0.3,0.5,0.7,0.9  confidences for the precision and coverage table
#
# The harness (src/test/java/org/clusterlens/themes/control/suggestions/SuggestionBenchmark.java and
# NearestCentroid.java) runs from the test classes, single-threaded, after one unmeasured warm-up
# draw. Prints markdown on stdout, one line per draw on stderr. About 2 minutes on two cores.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
corpus=${1:-$repo_root/../shared/testdata/freetext/phase1_text_data.csv}
if [[ ! -f $corpus ]]; then
    echo "skipped: no corpus at $corpus (see ../shared/testdata/MANIFEST.md)" >&2
    exit 0
fi
corpus=$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/clusterlens-suggestions}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$BENCH_DIR"

echo "compiling (mvn test-compile)..." >&2
(cd "$repo_root" && mvn -B -ntp -o -q test-compile) >&2
if [[ ! -s $BENCH_DIR/cp.txt || $repo_root/pom.xml -nt $BENCH_DIR/cp.txt ]]; then
    echo "resolving the test classpath..." >&2
    (cd "$repo_root" && mvn -B -ntp -o -q dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$BENCH_DIR/cp.txt") >&2
fi
classpath="$repo_root/target/test-classes:$repo_root/target/classes:$(cat "$BENCH_DIR/cp.txt")"

echo "machine: $(nproc) CPUs, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $("$java_bin" -version 2>&1 | head -1);" \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$java_bin" -Xmx2g -XX:ActiveProcessorCount=1 -cp "$classpath" org.clusterlens.themes.control.suggestions.SuggestionBenchmark \
    --data="$corpus" --fractions="${FRACTIONS:-0.05,0.10,0.20}" --seeds="${SEEDS:-5}" \
    --levels="${LEVELS:-label,subcategory}" --text="${TEXT:-feedback}" --thresholds="${THRESHOLDS:-0.3,0.5,0.7,0.9}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

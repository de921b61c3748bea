#!/usr/bin/env bash
# Themes benchmark: candidate themes against human coding, on real coded free-text answers, in one
# run with three baselines (k-means on TF-IDF, Carrot2's Lingo and bisecting k-means); then the
# same corpus in five shuffled orders, discovery time at 10,000 and 100,000 answers (resampled from
# the corpus), and the top phrases of every discovered theme.
#
#   src/bench/themes-quality.sh [corpus.csv]
#
# Default corpus: ../shared/testdata/freetext/phase1_text_data.csv beside this repository (see
# ../shared/testdata/MANIFEST.md), read in place, never copied; columns `feedback` (the answer),
# `label` (9 themes) and `subcategory` (44 codes). Without it the benchmark is skipped.
# The harness (src/test/java/org/clusterlens/bench/ThemesQualityBenchmark.java, with
# ClusteringScores, PlainKMeans and CarrotBaselines) runs from the test classes against this
# build's own discovery code (org.clusterlens.themes.control.discovery); Carrot2 is a test-scope
# dependency only.
# Environment:
#   JAVA_HOME   JDK 21 or newer
#   SEED=20261202   seed of the shuffles, the resampling and the k-means baseline's first centres
#   XMX=2g      the harness's -Xmx
#
# Prints markdown on stdout; progress goes to stderr. About 4 minutes on 2 cores, most of it Lingo.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
corpus=${1:-$repo_root/../shared/testdata/freetext/phase1_text_data.csv}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [[ ! -f $corpus ]]; then
    echo "skipped: no corpus at $corpus (the shared test data is not beside this repository)" >&2
    exit 0
fi

echo "compiling (mvn test-compile)..." >&2
(cd "$repo_root" && mvn -q -B -ntp -Dexec.skip=true test-compile) >&2
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
(cd "$repo_root" && mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file") >&2

echo "machine: $(nproc) CPUs, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, $("$java_bin" -version 2>&1 | head -1);" \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# bounded: the harness stops by itself; this is a safety net
timeout --kill-after=30s 30m "$java_bin" -Xmx"${XMX:-2g}" \
    -cp "$repo_root/target/test-classes:$repo_root/target/classes:$(cat "$cp_file")" \
    org.clusterlens.bench.ThemesQualityBenchmark "$corpus" "${SEED:-20261202}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

#!/usr/bin/env bash
# Benchmarks the real job (embedded local Spark, the production code path) on a folder of text
# files or a JSON Lines file made K times larger, against the NER engine alone on the same documents.
#   jobs/benchmark.sh --input DIR|FILE.jsonl[.gz] [--scale K] [--report FILE.json] [--conf FILE] [--work DIR]
#                     [--set KEY=VALUE]... [--profile FILE.html|FILE.collapsed]
#     (--set as for the job, e.g. --set input.date_column=pub_date --set 'input.facet_columns=[section, wire_source]';
#     the benchmark sets input.path, input.format and output.path itself)
#   jobs/benchmark.sh --hostile [--work DIR] [--conf FILE] [--gigabytes G] [--line-gigabytes L] [--nlp-only]
#     (inputs built to hurt: NLP time of 1 to 16 MiB documents; G GiB of 1 MiB JSON Lines records and
#     a .jsonl.gz of one L GiB line, each read by the job; documents, rejects, peak heap)
# Prints a table (settings, stages, each table's seconds and rows); --report also writes it as JSON.
# --profile samples the whole JVM's CPU (Java, JIT compiler and GC threads) with async-profiler,
# fetched from Maven Central, and writes a flame graph (.html) or collapsed stacks (.collapsed, for
# flamegraph.pl or speedscope).
# JAVA_OPTS sets the JVM (default -Xmx2g, the driver memory the performance targets assume).
# Work files go to target/benchmark/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jar=target/corpus-stats-0.1.0.jar
if [[ ! -f "$jar" || ! -f target/local-classpath.txt || -n "$(find pom.xml src/main -type f -newer "$jar" -print -quit)" ]]; then
  echo "benchmark: building (mvn package -DskipTests)..." >&2
  mvn -B -q package -DskipTests -Dcds.skip=true >&2
fi
# --profile is the script's own option; everything else goes to the benchmark.
args=()
profile=""
main=dev.corpusstats.bench.Benchmark
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--hostile" ]]; then
    main=dev.corpusstats.bench.HostileInputCheck; shift
  elif [[ "$1" == "--profile" ]]; then
    [[ $# -ge 2 ]] || { echo "benchmark: --profile needs a file (.html or .collapsed)" >&2; exit 2; }
    profile=$2; shift 2
  else
    args+=("$1"); shift
  fi
done
agent=()
if [[ -n "$profile" ]]; then
  # async-profiler's jar on Maven Central carries its native agent for Linux x64 and arm64.
  version=4.1
  case "$(uname -m)" in x86_64) platform=linux-x64 ;; aarch64) platform=linux-arm64 ;;
    *) echo "benchmark: --profile needs Linux on x86_64 or aarch64" >&2; exit 2 ;; esac
  lib=target/profiler/$platform/libasyncProfiler.so
  if [[ ! -f "$lib" ]]; then
    mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:$version -DoutputDirectory=target/profiler >&2
    (cd target/profiler && unzip -o -q "async-profiler-$version.jar" "$platform/libasyncProfiler.so")
  fi
  format=flamegraph; [[ "$profile" == *.collapsed ]] && format=collapsed
  mkdir -p "$(dirname "$profile")"
  profile=$(cd "$(dirname "$profile")" && pwd)/$(basename "$profile")
  # event=cpu uses perf_events where the kernel allows it, else async-profiler falls back to a timer.
  agent=("-agentpath:$here/$lib=start,event=cpu,interval=10ms,$format,file=$profile")
fi
spark_props=()
while read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  spark_props+=("-D$key=$value")
done < conf/spark-defaults.conf
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
# -XX:-DontCompileHugeMethods and the parallel collector: as in jobs/run-local.sh (the CRF's feature
# extractor is a huge method; a batch job wants throughput). JAVA_OPTS come after them, so
# -XX:+DontCompileHugeMethods there measures the interpreted extractor; a collector named there (or in
# JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS) wins.
gc_opts=(-XX:+UseParallelGC)
names_a_gc='(^|[[:space:]])-XX:\+Use[A-Za-z0-9]+GC($|[[:space:]])'
[[ "${JAVA_OPTS-} ${JAVA_TOOL_OPTIONS-} ${JDK_JAVA_OPTIONS-}" =~ $names_a_gc ]] && gc_opts=()
exec java -XX:-DontCompileHugeMethods ${gc_opts[@]+"${gc_opts[@]}"} ${JAVA_OPTS:--Xmx2g} ${agent[@]+"${agent[@]}"} \
  -XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Dlog4j2.configurationFile=conf/log4j2.properties \
  ${spark_props[@]+"${spark_props[@]}"} \
  -cp "$jar:$(cat target/local-classpath.txt)" \
  "$main" ${args[@]+"${args[@]}"}

#!/usr/bin/env bash
# Runs corpus-stats with an embedded local Spark (local[*]); builds the jar first if needed.
#   jobs/run-local.sh [--input PATH] [--output DIR] [--conf FILE] [--format F] [--set KEY=VALUE]...
# Defaults: --conf conf/corpus-stats.yaml, whose defaults are seeds/ -> out/.
# JAVA_OPTS sets JVM options (default -Xms4g -Xmx4g); JAVA_HOME the JVM (else java on PATH); SPARK_DEFAULTS
# names another spark-defaults.conf;
# LOG4J another log4j2 configuration (e.g. one that logs Spark's job timeline); CDS=off runs without
# the class-data archive (CDS=refresh writes a new one), JIT=tiered|c1 overrides the compiler choice
# (both below).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

jar=target/corpus-stats-0.1.0.jar
classpath_file=target/local-classpath.txt
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
newest_source=$(find pom.xml src/main -type f -newer "$jar" -print -quit 2>/dev/null || echo rebuild)
# CORPUS_STATS_NO_BUILD=1: the caller is the build itself (pom.xml's class-data-archive run).
if [[ -z ${CORPUS_STATS_NO_BUILD-} && ( ! -f "$jar" || ! -f "$classpath_file" || -n "$newest_source" ) ]]; then
  echo "corpus-stats: building (mvn package -DskipTests)..." >&2
  # This run writes the class-data archive itself (below), so the build need not run the job too.
  mvn -B -q package -DskipTests -Dcds.skip=true >&2
fi

args=("$@")
if [[ " ${args[*]-} " != *" --conf "* ]]; then
  args=(--conf conf/corpus-stats.yaml "${args[@]}")
fi

# spark-defaults.conf lines become -Dspark.key=value, which the embedded SparkConf reads.
spark_props=()
while read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  spark_props+=("-D$key=$value")
done < "${SPARK_DEFAULTS:-conf/spark-defaults.conf}"

# Local mode needs no network: keep Spark on loopback.
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}

# The input's size, in bytes, when it is a local file or folder; empty when unknown (a glob, a URI).
input_bytes() {
  local path="" conf="" i
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      --conf) conf=${args[i+1]-} ;;
      --input) path=${args[i+1]-} ;;
      --set) [[ ${args[i+1]-} == input.path=* ]] && path=${args[i+1]#input.path=} ;;
    esac
  done
  if [[ -z $path && -f $conf ]]; then # input.path in the YAML file: "path:" inside the "input:" block
    path=$(awk '/^[^ #]/ { block = $1 } block == "input:" && $1 == "path:" { print $2; exit }' "$conf")
  fi
  if [[ -n $path && $path != *[*?[]* && -e $path ]]; then
    # Stops counting at the C1 cut-off; unreadable or looping entries are the job's to report, not this guess's.
    find -L "$path" -type f -printf '%s\n' 2>/dev/null | awk -v stop="$c1_below" '{ s += $1 } s >= stop { exit } END { print s + 0 }' || true
  fi
}

# JIT compiler (docs/PERFORMANCE.md): on a small input the optimizing compiler (C2) never pays for
# itself: it spends one of two cores compiling Spark code that runs a few times. C2 runs the CRF
# faster, which wins on larger inputs. Inputs under 8 MB (as stored: .gz counts compressed) run with
# the quick compiler only.
c1_below=8000000
jit=${JIT:-auto}
if [[ $jit == auto ]]; then
  bytes=$(input_bytes)
  jit=tiered
  [[ -n $bytes && $bytes -lt $c1_below ]] && jit=c1
fi
jit_opts=()
# C1 only keeps the JVM's 48 MB code cache (the tiered compiler raises it to 240 MB), which a run of a
# few MB nearly fills; a full code cache stops the JIT and can fail the run.
[[ $jit == c1 ]] && jit_opts=(-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m)

# Garbage collector (docs/PERFORMANCE.md): a batch job wants throughput, not short pauses: the
# parallel collector has cheaper write barriers than G1 and no concurrent threads. A collector named
# in JAVA_OPTS, JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS wins: the JVM refuses two.
gc_opts=(-XX:+UseParallelGC)
names_a_gc='(^|[[:space:]])-XX:\+Use[A-Za-z0-9]+GC($|[[:space:]])'
[[ "${JAVA_OPTS-} ${JAVA_TOOL_OPTIONS-} ${JDK_JAVA_OPTIONS-}" =~ $names_a_gc ]] && gc_opts=()

# Heap (docs/PERFORMANCE.md): by default the whole heap from the start (-Xms = -Xmx), and metaspace
# room for Spark's and CoreNLP's classes before its first collection: growing both, the parallel
# collector runs full collections.
# A heap size named in JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS or _JAVA_OPTIONS keeps -Xms out: the
# last of those is read after the command line, and an initial heap above its maximum stops the JVM.
heap_opts=(-XX:MetaspaceSize=256m)
default_java_opts=(-Xms4g -Xmx4g)
names_a_heap_size='(^|[[:space:]])-(Xm[sx][0-9]|XX:(Max|Initial)HeapSize=)'
[[ "${JAVA_TOOL_OPTIONS-} ${JDK_JAVA_OPTIONS-} ${_JAVA_OPTIONS-}" =~ $names_a_heap_size ]] && default_java_opts=(-Xmx4g)

# Class-data sharing (docs/PERFORMANCE.md): a run without an up-to-date archive (the build's own run
# on seeds/, see pom.xml, or the first run after a build that skipped it) records the classes it
# loads (Spark, Parquet, CoreNLP) into target/cds/ as it exits; later runs map that archive instead
# of loading and verifying the classes again. A new jar, classpath or JVM makes a new archive. A JVM
# that cannot map it runs without it: options that change the heap's layout do that (e.g. -Xmx above
# 32g); CDS=refresh then writes one for them. JAVA_OPTS are not part of the archive's key, since
# writing an archive takes many seconds and most options don't matter.
jvm_fingerprint() { # the JVM binary: path, size, date
  local real
  real=$(readlink -f "$(command -v "$java_cmd")" 2>/dev/null) || return 0
  stat -c "$real %s %Y" "$(dirname "$real")/../lib/server/libjvm.so" 2>/dev/null || return 0
}
# A JVM with a native agent (a profiler's -agentpath) can map an archive but refuses to write one
# ("CDS dumping does not support native JVMTI agent") and then does not run at all: such a run
# goes without, and leaves the writing to the next plain run.
names_a_native_agent='(^|[[:space:]])-agent(path|lib):'
cds=()
archive=target/cds/corpus-stats.jsa
writing=""
if [[ ${CDS:-on} != off ]]; then
  jvm_id=$(jvm_fingerprint)
  if [[ -z $jvm_id ]]; then
    : # an unusual JVM layout: run without an archive
  elif [[ ${CDS:-on} != refresh && -f $archive && $archive -nt $jar && $archive -nt $classpath_file
        && "$(cat "$archive.jvm" 2>/dev/null)" == "$jvm_id" ]]; then
    cds=(-XX:SharedArchiveFile=$archive)
  elif [[ "${JAVA_OPTS-} ${JAVA_TOOL_OPTIONS-} ${JDK_JAVA_OPTIONS-}" =~ $names_a_native_agent ]]; then
    : # cannot write one (above)
  else
    mkdir -p target/cds
    writing=$archive.$$
    cds=(-XX:ArchiveClassesAtExit=$writing)
  fi
fi

# The script's JVM flags first, so that JAVA_OPTS can override them (the collector: see above).
# -XX:-DontCompileHugeMethods lets HotSpot compile CoreNLP's CRF feature extractor, a method over its
# 8,000-byte limit (docs/PERFORMANCE.md).
cmd=("$java_cmd"
  ${jit_opts[@]+"${jit_opts[@]}"} ${gc_opts[@]+"${gc_opts[@]}"} "${heap_opts[@]}" ${cds[@]+"${cds[@]}"} -Xlog:cds=off -Xlog:cds+dynamic=off
  -XX:-DontCompileHugeMethods
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
  "-Dlog4j2.configurationFile=${LOG4J:-conf/log4j2.properties}"
  ${spark_props[@]+"${spark_props[@]}"}
  -cp "$jar:$(cat "$classpath_file")"
  ${JAVA_OPTS:-"${default_java_opts[@]}"}
  dev.corpusstats.job.CorpusStatsJob "${args[@]}")

if [[ -z $writing ]]; then
  exec "${cmd[@]}"
fi
# This run writes the archive as the JVM exits, under a temporary name that is renamed into place
# only after a successful run (a concurrent run never maps half of one, a failed run leaves none).
# Signals to this script go on to the JVM, which then shuts down as if run directly.
"${cmd[@]}" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null' INT TERM HUP
status=0
wait "$pid" || status=$?
while kill -0 "$pid" 2>/dev/null; do # wait returns early when a trapped signal arrives
  status=0
  wait "$pid" || status=$?
done
trap - INT TERM HUP
if [[ $status -eq 0 && -f $writing ]]; then
  mv -f "$writing" "$archive" && echo "$jvm_id" > "$archive.jvm"
fi
rm -f "$writing"
exit $status

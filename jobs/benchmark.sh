#!/usr/bin/env bash
# Benchmarks the real job (embedded local Spark, the production code path) on a folder of text
# files made K times larger, against the NER engine alone on the same documents.
#   jobs/benchmark.sh --input DIR [--scale K] [--report FILE.json] [--conf FILE] [--work DIR]
# Prints a table; --report also writes it as JSON. JAVA_OPTS sets the JVM (default -Xmx2g, the
# driver memory the performance targets assume). Work files go to target/benchmark/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jar=target/corpus-stats-0.1.0.jar
if [[ ! -f "$jar" || ! -f target/local-classpath.txt || -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]]; then
  echo "benchmark: building (mvn package -DskipTests)..." >&2
  mvn -B -q package -DskipTests >&2
fi
spark_props=()
while read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  spark_props+=("-D$key=$value")
done < conf/spark-defaults.conf
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
exec java ${JAVA_OPTS:--Xmx2g} \
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
  "${spark_props[@]}" \
  -cp "$jar:$(cat target/local-classpath.txt)" \
  dev.corpusstats.bench.Benchmark "$@"

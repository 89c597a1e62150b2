#!/usr/bin/env bash
# Submits corpus-stats to a Spark cluster with your own Spark installation's spark-submit.
#   jobs/submit.sh [spark-submit options...] -- [job options...]
# Examples:
#   jobs/submit.sh --master spark://host:7077 --executor-memory 4g -- --input hdfs:///corpus --output hdfs:///stats
#   jobs/submit.sh --master yarn --deploy-mode client -- --input s3a://bucket/news/ --output s3a://bucket/stats/
# Everything before "--" goes to spark-submit, everything after it to the job. The application jar
# (target/corpus-stats-*-app.jar, built if missing) and conf/ (spark-defaults.conf, log4j2.properties,
# corpus-stats.yaml) are passed along. SPARK_HOME or spark-submit on PATH picks the installation.
# The job reads its settings file on the driver, so use client deploy mode or an --conf path the
# driver can read.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

spark_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do spark_args+=("$1"); shift; done
[[ $# -gt 0 ]] && shift
job_args=("$@")

jar="$here/target/corpus-stats-0.1.0-app.jar"
if [[ ! -f "$jar" ]]; then
  echo "corpus-stats: building the application jar (mvn package -DskipTests)..." >&2
  (cd "$here" && mvn -B -q package -DskipTests -Dcds.skip=true >&2)
fi
if [[ " ${job_args[*]-} " != *" --conf "* ]]; then
  job_args=(--conf "$here/conf/corpus-stats.yaml" "${job_args[@]}")
fi

submit="${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit"
if ! command -v "$submit" >/dev/null 2>&1; then
  echo "corpus-stats: spark-submit not found; set SPARK_HOME or put spark-submit on PATH" >&2
  exit 2
fi

exec "$submit" \
  --class dev.corpusstats.job.CorpusStatsJob \
  --properties-file "$here/conf/spark-defaults.conf" \
  --driver-java-options "-Dlog4j2.configurationFile=file:$here/conf/log4j2.properties" \
  "${spark_args[@]}" \
  "$jar" "${job_args[@]}"

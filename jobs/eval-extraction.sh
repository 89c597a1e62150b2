#!/usr/bin/env bash
# Scores the job's main-text extractor on trafilatura's evaluation set.
#   jobs/eval-extraction.sh [--data DIR] [--json OUT] [--misses OUT]
# DIR (default ../shared/data/html/trafilatura-eval) holds evaldata.json and the gzipped pages under html/.
# Prints precision, recall, F1 and accuracy of the "with"/"without" snippets as trafilatura's evaluation counts
# them, overall and on the English pages, beside the published figures; the date accuracy on pages with a gold
# date; pages/s and peak heap. --misses OUT writes each page's wrongly scored snippets and extracted text.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
if [[ ! -f target/classes/dev/corpusstats/nlp/eval/ExtractionEvaluation.class || ! -f target/local-classpath.txt ]]; then
  echo "eval-extraction: building (mvn package -DskipTests)..." >&2
  mvn -B -q package -DskipTests -Dcds.skip=true >&2
fi
exec java ${JAVA_OPTS:--Xmx1g} -cp "target/classes:$(cat target/local-classpath.txt)" dev.corpusstats.nlp.eval.ExtractionEvaluation "$@"

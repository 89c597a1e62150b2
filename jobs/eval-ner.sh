#!/usr/bin/env bash
# Scores the job's entity recognizer on a CoNLL gold file.
#   jobs/eval-ner.sh --gold FILE [--json OUT] [--baseline] [--no-expert] [--misc-retype] [--rules type_vote,person_parts,propagate]
#                    [--check-features]
# Runs exactly the recognizer the job uses (CoreNLP 4-class CRF decoded with the 3-class model, document rules) on the
# file's gold tokens, one document at a time, and prints entity-level precision, recall and F1
# (exact span and type, as conlleval counts them), overall and per type, and tokens/s.
# Reads 2- or 4-column CoNLL, IOB1 or IOB2 tags, -DOCSTART- lines before or after documents.
# --baseline: the bare 4-class CRF (no expert model, no re-typing, no document rules); --no-expert,
# --misc-retype and --rules choose the parts. --check-features: also checks, token by token,
# that the CRF's cached feature indices (CliqueFeatureCache) are the ones CoreNLP builds.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
if [[ ! -f target/classes/dev/corpusstats/nlp/eval/NerEvaluation.class || ! -f target/local-classpath.txt ]]; then
  echo "eval-ner: building (mvn package -DskipTests)..." >&2
  mvn -B -q package -DskipTests -Dcds.skip=true >&2
fi
# -XX:-DontCompileHugeMethods: as in jobs/run-local.sh (the CRF's feature extractor is a huge method).
exec java -XX:-DontCompileHugeMethods ${JAVA_OPTS:--Xmx2g} -cp "target/classes:$(cat target/local-classpath.txt)" dev.corpusstats.nlp.eval.NerEvaluation "$@"

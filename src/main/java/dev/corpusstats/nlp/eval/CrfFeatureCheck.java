package dev.corpusstats.nlp.eval;

import dev.corpusstats.nlp.crf.CoreLabels;
import dev.corpusstats.nlp.crf.CrfModels;
import dev.corpusstats.nlp.crf.ViterbiCrfClassifier;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the CRF engine's per-word feature cache against CoreNLP ({@code jobs/eval-ner.sh
 * --check-features}): for every token of a gold file, whether the feature indices the decoder takes
 * from the cache are the ones CoreNLP's own {@code documentToDataAndLabels} builds. A check of the
 * CoreNLP engine itself, so it reads that engine's classes directly.
 *
 * @param model     the model's name
 * @param tokens    tokens checked
 * @param cliques   cliques checked (two per token)
 * @param differing cliques whose cached feature indices are not CoreNLP's
 */
public record CrfFeatureCheck(String model, long tokens, long cliques, long differing) {

    /** The check of one model on these sentences; null when the model's features are not cached (nothing to check). */
    public static CrfFeatureCheck of(String model, List<List<String>> sentences) {
        CRFClassifier<CoreLabel> crf = CrfModels.load(model);
        if (!(crf instanceof ViterbiCrfClassifier viterbi) || !viterbi.cachesFeatures()) {
            return null;
        }
        long tokens = 0;
        long differing = 0;
        for (List<String> words : sentences) {
            tokens += words.size();
            differing += differingCliques(viterbi, words);
        }
        return new CrfFeatureCheck(model, tokens, 2 * tokens, differing);
    }

    /** How many of the sentence's cliques get other feature indices from the cache than from CoreNLP. */
    static int differingCliques(ViterbiCrfClassifier crf, List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        List<CoreLabel> annotated = crf.classifySentence(CoreLabels.of(words));
        int[][][] expected = crf.documentToDataAndLabels(withoutDistSim(annotated)).first();
        int[][][] actual = crf.cachedFeatures(withoutDistSim(annotated));
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int clique = 0; clique < expected[i].length; clique++) {
                int[] set = Arrays.stream(expected[i][clique]).distinct().sorted().toArray();
                if (actual == null || !Arrays.equals(set, actual[i][clique])) {
                    differing++;
                }
            }
        }
        return differing;
    }

    /** Copies of the tokens without the class that classifying them set (each side sets its own). */
    private static List<CoreLabel> withoutDistSim(List<CoreLabel> tokens) {
        List<CoreLabel> copies = new ArrayList<>(tokens.size());
        for (CoreLabel token : tokens) {
            CoreLabel copy = new CoreLabel(token);
            copy.remove(CoreAnnotations.DistSimAnnotation.class);
            copies.add(copy);
        }
        return copies;
    }

    /** One line for the evaluation's output. */
    public String describe() {
        return String.format("feature check: %s: %,d tokens, %,d of %,d cliques with other feature indices than CoreNLP's",
                CrfModels.fileName(model), tokens, differing, cliques);
    }
}

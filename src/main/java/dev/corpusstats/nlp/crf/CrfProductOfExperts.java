package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.List;

/**
 * Two linear-chain CRFs decoded as one (a product of experts): the label sequence, in the main model's
 * labels, that maximizes the sum of both models' log-probabilities, with equal weights.
 *
 * <p>Why: CoreNLP's CoNLL 4-class model and its 3-class model (trained on CoNLL, MUC, ACE, OntoNotes
 * and Wikipedia text) err in different places, and where they agree the pair is surer than either
 * (its scores: docs/NER.md).
 *
 * <p>How: each model's probability of a label sequence is exp(its summed clique potentials) over a
 * normalizer that does not depend on the sequence, so the sum of the two log-probabilities is highest
 * where the sum of both models' potentials is: one Viterbi pass over summed potentials finds it, and
 * no forward-backward pass is needed. A main label that the expert lacks (MISC, for the 3-class model)
 * is scored by the expert as its background label "O": the expert's potential for "no entity of my
 * types here". The main model's label dictionary constrains the search, as when it decodes alone.
 */
final class CrfProductOfExperts {
    private final ViterbiCrfClassifier main;
    private final ViterbiCrfClassifier expert;
    /** For each window code of the main model's labels, the code of the expert's corresponding window. */
    private final int[] expertWindow;

    private CrfProductOfExperts(ViterbiCrfClassifier main, ViterbiCrfClassifier expert, int[] expertWindow) {
        this.main = main;
        this.expert = expert;
        this.expertWindow = expertWindow;
    }

    /**
     * @throws IllegalArgumentException when the two cannot be decoded together: either decodes by
     *                                  CoreNLP's own inference, or their orders (label windows) differ
     */
    static CrfProductOfExperts of(String mainName, CRFClassifier<CoreLabel> main, String expertName, CRFClassifier<CoreLabel> expert) {
        if (!(main instanceof ViterbiCrfClassifier m) || !m.decodesByViterbi()
                || !(expert instanceof ViterbiCrfClassifier e) || !e.decodesByViterbi()) {
            throw new IllegalArgumentException("cannot decode " + mainName + " with " + expertName
                    + ": both must be linear-chain CRFs decoded by Viterbi");
        }
        if (m.windowSize != e.windowSize) {
            throw new IllegalArgumentException("cannot decode " + mainName + " with " + expertName
                    + ": their label windows differ (" + m.windowSize + " and " + e.windowSize + " labels)");
        }
        int classes = m.classIndex.size();
        int[] label = new int[classes];
        for (int y = 0; y < classes; y++) {
            int other = e.classIndex.indexOf(m.classIndex.get(y));
            label[y] = other >= 0 ? other : e.background();
        }
        int[] window = new int[ViterbiCrfClassifier.pow(classes, m.windowSize)];
        int expertClasses = e.classIndex.size();
        for (int code = 0; code < window.length; code++) {
            int rest = code;
            int expertCode = 0;
            int place = 1;
            for (int k = 0; k < m.windowSize; k++) { // last label is the least significant digit
                expertCode += label[rest % classes] * place;
                rest /= classes;
                place *= expertClasses;
            }
            window[code] = expertCode;
        }
        return new CrfProductOfExperts(m, e, window);
    }

    /**
     * The expert scores only positions within this many tokens of a token with an upper-case letter or
     * of one the main model alone labels as an entity; elsewhere the main model decides alone. Building
     * features is most of a CRF's cost, and far from any name both models say "O" anyway (what this
     * costs in labels and saves in time: docs/NER.md).
     */
    static final int RADIUS = 2;

    /** The positions the expert scores (see {@link #RADIUS}). */
    boolean[] expertPositions(List<String> words, int[] mainAlone) {
        int n = words.size();
        boolean[] marked = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (isCandidate(words.get(i)) || (mainAlone != null && mainAlone[i] != main.background())) {
                for (int j = Math.max(0, i - RADIUS); j <= Math.min(n - 1, i + RADIUS); j++) {
                    marked[j] = true;
                }
            }
        }
        return marked;
    }

    private static boolean isCandidate(String word) {
        return !CliqueFeatureCache.noUpperCaseFrom(word, 0);
    }

    /** The main model's label (class name) for each word. */
    List<String> answers(List<String> words) {
        List<String> answers = new ArrayList<>(words.size());
        if (words.isEmpty()) {
            return answers;
        }
        List<CoreLabel> document = main.prepare(words);
        double[][] scores = main.windowScores(document);
        int[][] allowed = main.allowedLabels(document);
        int[] mainAlone = ViterbiCrfClassifier.bestSequence(scores, main.classIndex.size(), main.windowSize, main.background(), allowed);
        double[][] expertScores = expert.windowScores(expert.prepare(words), expertPositions(words, mainAlone));
        for (int i = 0; i < scores.length; i++) {
            if (expertScores[i] == null) { // not scored by the expert
                continue;
            }
            for (int code = 0; code < scores[i].length; code++) {
                scores[i][code] += expertScores[i][expertWindow[code]];
            }
        }
        int[] best = ViterbiCrfClassifier.bestSequence(scores, main.classIndex.size(), main.windowSize, main.background(), allowed);
        if (best == null) { // every joint sequence impossible (not seen with the job's models): the main model's own
            best = mainAlone;
        }
        for (int i = 0; i < words.size(); i++) {
            answers.add(best == null ? main.flags.backgroundSymbol : main.classIndex.get(best[i]));
        }
        return answers;
    }
}

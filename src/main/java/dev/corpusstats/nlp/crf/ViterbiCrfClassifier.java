package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFLabel;
import edu.stanford.nlp.ie.crf.CliquePotentialFunction;
import edu.stanford.nlp.ie.crf.LabelDictionary;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.ObjectBankWrapper;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.Triple;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/**
 * CoreNLP's CRF classifier with a leaner decoder: the best label sequence by Viterbi over the
 * model's clique potentials, directly.
 *
 * <p>Why: CoreNLP first calibrates a clique tree (forward-backward, to get every label's marginal
 * probability), then runs its generic Viterbi over conditional log-probabilities read from that
 * tree. Both give the same sequence, the one that maximizes the sum of clique potentials, since the
 * CRF's conditional probabilities multiply to its joint probability, and the search over the
 * potentials alone costs almost nothing.
 * Features, weights, label-sequence indices and CoreNLP's label dictionary (the labels allowed for
 * frequent words) are the model's own.
 *
 * <p>What CoreNLP keeps to its package ({@code labelIndices}) or private ({@code labelDictionary}) it
 * reads by reflection once, at load. If that fails (another CoreNLP version), or the model asks for
 * another inference (Gibbs sampling, beam search, reversed sequences), it decodes as CoreNLP does.
 * Unlike CoreNLP's, this decoder sets no {@code AnswerProbAnnotation}: the job reads labels only.
 *
 * <p>The feature indices it scores come from a {@link CliqueFeatureCache} (a per-word cache, the same
 * indices as CoreNLP's) when the model's feature settings are ones it mirrors, else from CoreNLP's
 * {@code documentToDataAndLabels}.
 */
public final class ViterbiCrfClassifier extends CRFClassifier<CoreLabel> {
    /** Per clique size j + 1: the code ({@link #code}) of each label sequence the model indexes, in its order. */
    private int[][] labelCodes;
    /** Null when the model has none. */
    private LabelDictionary labelDictionary;
    private CliquePotentialFunction potentials;
    private int background;
    /** Whether this decoder runs; false means CoreNLP's own decoding. */
    private boolean ready;
    /** Null when the model's features are not the ones {@link CliqueFeatureCache} builds. */
    private CliqueFeatureCache featureCache;

    private ViterbiCrfClassifier() {
    }

    /** Loads a serialized CRF model (classpath resource or file) and prepares the decoder. */
    static ViterbiCrfClassifier load(String model) throws Exception {
        ViterbiCrfClassifier crf = new ViterbiCrfClassifier();
        crf.loadClassifier(model);
        crf.ready = crf.prepare();
        crf.featureCache = crf.ready ? CliqueFeatureCache.forModel(crf, crf.pad) : null;
        return crf;
    }

    /** Whether features come from {@link CliqueFeatureCache} (false: built as CoreNLP builds them). */
    public boolean cachesFeatures() {
        return featureCache != null;
    }

    /** Null unless {@link #cachesFeatures()}. */
    CliqueFeatureCache featureCache() {
        return featureCache;
    }

    /**
     * The feature indices the decoder scores for a sentence prepared as {@code classifySentence}
     * prepares it (per position, per clique, sorted and distinct), from the per-word cache; null when
     * this model's features are not cached, or the cache leaves this sentence to CoreNLP. For checking
     * the cache against CoreNLP's {@code documentToDataAndLabels} ({@code nlp.eval.CrfFeatureCheck}).
     */
    public int[][][] cachedFeatures(List<CoreLabel> document) {
        return featureCache == null ? null : featureCache.data(document);
    }

    /** Whether labels come from this decoder (false: CoreNLP's, see the class comment). */
    boolean decodesByViterbi() {
        return ready;
    }

    private boolean prepare() {
        boolean defaultInference = !flags.doGibbs && "maxent".equalsIgnoreCase(flags.crfType) && !flags.useReverse
                && (flags.inferenceType == null || "Viterbi".equalsIgnoreCase(flags.inferenceType));
        if (!defaultInference) {
            return false;
        }
        try {
            @SuppressWarnings("unchecked")
            List<Index<CRFLabel>> labelIndices = (List<Index<CRFLabel>>) privateField("labelIndices").get(this);
            labelDictionary = (LabelDictionary) privateField("labelDictionary").get(this);
            if (labelIndices == null || labelIndices.size() != windowSize) {
                return false;
            }
            int classes = classIndex.size();
            labelCodes = new int[labelIndices.size()][];
            for (int j = 0; j < labelIndices.size(); j++) {
                Index<CRFLabel> labels = labelIndices.get(j);
                labelCodes[j] = new int[labels.size()];
                for (int k = 0; k < labels.size(); k++) {
                    labelCodes[j][k] = code(labels.get(k).getLabel(), classes);
                }
            }
            potentials = getCliquePotentialFunctionForTest();
            background = classIndex.indexOf(flags.backgroundSymbol);
            return potentials != null && background >= 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Field privateField(String name) throws NoSuchFieldException {
        Field field = CRFClassifier.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** A label sequence as a number in base {@code classes}, first label most significant (as CoreNLP's factor tables index it). */
    static int code(int[] labels, int classes) {
        int code = 0;
        for (int label : labels) {
            code = code * classes + label;
        }
        return code;
    }

    @Override
    public List<CoreLabel> classify(List<CoreLabel> document) {
        if (!ready || document.isEmpty()) {
            return super.classify(document);
        }
        int[] best = bestSequence(windowScores(document), classIndex.size(), windowSize, background, allowedLabels(document));
        if (best == null) {
            return super.classify(document); // no possible sequence: let CoreNLP say what it makes of that
        }
        for (int i = 0; i < document.size(); i++) {
            document.get(i).set(CoreAnnotations.AnswerAnnotation.class, classIndex.get(best[i]));
        }
        return document;
    }

    /**
     * The words as {@code classifySentence} prepares them before classifying (CoreNLP's
     * {@code preprocessTokens}, which is private): each token with its position, the background answer,
     * and the model's own word processing ({@code ObjectBankWrapper}: shapes, normalization). Each model
     * prepares its own copy, since models differ in that processing.
     */
    List<CoreLabel> prepare(List<String> words) {
        List<CoreLabel> document = CoreLabels.of(words);
        for (int i = 0; i < document.size(); i++) {
            document.get(i).set(CoreAnnotations.PositionAnnotation.class, Integer.toString(i));
            document.get(i).set(CoreAnnotations.AnswerAnnotation.class, flags.backgroundSymbol);
        }
        return new ObjectBankWrapper<CoreLabel>(flags, null, knownLCWords).processDocument(document);
    }

    /**
     * Per position of a {@link #prepare prepared} document, the score of each window of
     * {@link #windowSize} labels ending there, indexed by {@link #code}: the model's unnormalized
     * log-potential, minus infinity for a window the model never indexed. Only for a model that
     * {@link #decodesByViterbi()}.
     */
    double[][] windowScores(List<CoreLabel> document) {
        return windowScores(document, null);
    }

    /**
     * As {@link #windowScores(List)}, for the positions marked in {@code positions} only (null: all);
     * the others' rows are null. Only features the cache builds are built for marked positions alone.
     */
    double[][] windowScores(List<CoreLabel> document, boolean[] positions) {
        int[][][] features = featureCache == null ? null : featureCache.data(document, positions);
        double[][][] values = null;
        if (features == null) {
            Triple<int[][][], int[], double[][][]> data = documentToDataAndLabels(document);
            features = data.first();
            values = data.third();
        }
        return scores(features, values, positions);
    }

    /** The label index assumed before the first token (the model's background symbol). */
    int background() {
        return background;
    }

    /**
     * Per position, the score of each label window ending there ({@code classes}^{@code windowSize}
     * entries, indexed by {@link #code}): the sum of the potentials of its cliques, of every size.
     * A label sequence the model never indexed for a clique is impossible (minus infinity), as in
     * CoreNLP's factor tables.
     */
    private double[][] scores(int[][][] data, double[][][] featureValues, boolean[] positions) {
        int classes = classIndex.size();
        double[][] scores = new double[data.length][];
        double[][] byClique = new double[windowSize][];
        for (int j = 0; j < windowSize; j++) {
            byClique[j] = new double[pow(classes, j + 1)];
        }
        for (int i = 0; i < data.length; i++) {
            if (positions != null && !positions[i]) {
                continue;
            }
            for (int j = 0; j < windowSize; j++) {
                Arrays.fill(byClique[j], Double.NEGATIVE_INFINITY); // a label sequence the model never saw cannot occur
                int[] features = data[i][j] == null ? new int[0] : data[i][j];
                double[] values = featureValues == null || featureValues[i] == null ? null : featureValues[i][j];
                for (int k = 0; k < labelCodes[j].length; k++) {
                    byClique[j][labelCodes[j][k]] = potentials.computeCliquePotential(j + 1, k, features, values, i);
                }
            }
            double[] window = new double[byClique[windowSize - 1].length];
            for (int t = 0; t < window.length; t++) {
                double sum = 0;
                for (int j = 0; j < windowSize; j++) {
                    sum += byClique[j][t % byClique[j].length];
                }
                window[t] = sum;
            }
            scores[i] = window;
        }
        return scores;
    }

    /** Per position, the labels CoreNLP's label dictionary allows for its word; null where any label may go. */
    int[][] allowedLabels(List<CoreLabel> document) {
        if (labelDictionary == null) {
            return null;
        }
        int[][] allowed = new int[document.size()][];
        for (int i = 0; i < allowed.length; i++) {
            String word = document.get(i).get(CoreAnnotations.TextAnnotation.class);
            allowed[i] = labelDictionary.isConstrained(word) ? labelDictionary.getConstrainedSet(word) : null;
        }
        return allowed;
    }

    /**
     * The label sequence with the highest total score, by Viterbi over windows of labels.
     *
     * @param scores     per position, the score of each window of {@code window} labels ending there
     *                   (indexed by {@link #code}); labels before the first position are {@code background}
     * @param classes    the number of labels
     * @param window     labels per scored window (the CRF's order + 1)
     * @param background the label assumed before the first position
     * @param allowed    per position, the labels allowed there (null: all); null for no constraint
     * @return the best label at each position (ties go to the lower-numbered labels), or null when
     *         every sequence is impossible (scores of minus infinity)
     */
    static int[] bestSequence(double[][] scores, int classes, int window, int background, int[][] allowed) {
        int n = scores.length;
        int states = pow(classes, window - 1); // a state: the last window - 1 labels
        int[] all = new int[classes];
        for (int y = 0; y < classes; y++) {
            all[y] = y;
        }
        double[] best = new double[states];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int start = 0;
        for (int i = 0; i < window - 1; i++) {
            start = start * classes + background;
        }
        best[start] = 0.0;
        int[][] from = new int[n][states]; // the window (code) that reached each state
        double[] next = new double[states];
        for (int i = 0; i < n; i++) {
            Arrays.fill(next, Double.NEGATIVE_INFINITY);
            int[] labels = allowed == null || allowed[i] == null ? all : allowed[i];
            for (int s = 0; s < states; s++) {
                if (best[s] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int y : labels) {
                    int w = s * classes + y;
                    double score = best[s] + scores[i][w];
                    int to = w % states;
                    if (score > next[to]) {
                        next[to] = score;
                        from[i][to] = w;
                    }
                }
            }
            double[] swap = best;
            best = next;
            next = swap;
        }
        int state = 0;
        for (int s = 1; s < states; s++) {
            if (best[s] > best[state]) {
                state = s;
            }
        }
        if (best[state] == Double.NEGATIVE_INFINITY) {
            return null;
        }
        int[] sequence = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int w = from[i][state];
            sequence[i] = w % classes;
            state = w / classes;
        }
        return sequence;
    }

    static int pow(int base, int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}

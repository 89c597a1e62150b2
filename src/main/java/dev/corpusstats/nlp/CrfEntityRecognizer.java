package dev.corpusstats.nlp;

import com.sun.management.HotSpotDiagnosticMXBean;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stanford CoreNLP's CRF named-entity classifier over the job's own tokens, sentence by sentence.
 * The default model is {@code english.conll.4class.distsim.crf.ser.gz} (PER, ORG, LOC, MISC; trained on
 * CoNLL-2003 with distributional-similarity clusters), decoded together with the expert model
 * {@code english.all.3class.distsim.crf.ser.gz} ({@link CrfProductOfExperts}). No POS tagger or other
 * annotator runs.
 *
 * <p>Models are loaded once per JVM, lazily, on first use in that JVM (an executor loads it when its
 * first task needs it), never per row or task and never serialized from the driver; CoreNLP's CRF
 * classifier is safe to share between threads at inference.
 */
public final class CrfEntityRecognizer implements EntityRecognizer {
    public static final String CONLL_4CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private static final Map<String, CRFClassifier<CoreLabel>> MODELS = new ConcurrentHashMap<>();
    private static final AtomicBoolean HUGE_METHOD_WARNING_GIVEN = new AtomicBoolean();
    /** The pairs ("main|expert") already reported as not decodable together in this JVM. */
    private static final Set<String> PAIRS_REPORTED = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> TYPES = Map.of(
            "PERSON", "PER", "PER", "PER",
            "ORGANIZATION", "ORG", "ORG", "ORG",
            "LOCATION", "LOC", "LOC", "LOC",
            "MISC", "MISC");

    private final String model;
    private final CRFClassifier<CoreLabel> classifier;
    private final String expertModel;
    /** Null without an expert model. */
    private final CrfProductOfExperts productOfExperts;
    private final String miscModel;
    private final CRFClassifier<CoreLabel> miscClassifier;

    /** The model alone. */
    public CrfEntityRecognizer(String model) {
        this(model, null, null);
    }

    /**
     * @param model       the main model: its labels are the ones given
     * @param expertModel null, or a second CRF decoded together with the main model
     *                    ({@link CrfProductOfExperts}: the labels maximizing the sum of both models'
     *                    log-probabilities; its labels that the main model lacks are ignored, the main
     *                    model's that it lacks count as its "O"). If the two cannot be decoded together
     *                    (another inference, another order), the main model runs alone and the log says why.
     * @param miscModel   null, or a PER/ORG/LOC model that re-types the MISC spans found: where it
     *                    labels exactly the same tokens with one of its types, that type wins (CoNLL's
     *                    MISC often swallows organizations such as "Taliban"). It runs only around MISC
     *                    spans ({@link #MISC_CONTEXT} tokens either side).
     */
    public CrfEntityRecognizer(String model, String expertModel, String miscModel) {
        this.model = model;
        this.classifier = load(model);
        this.expertModel = expertModel;
        this.productOfExperts = expertModel == null ? null : productOfExperts(model, classifier, expertModel);
        this.miscModel = miscModel;
        this.miscClassifier = miscModel == null ? null : load(miscModel);
    }

    /**
     * The pair, or null (with a line in the log, once per pair and JVM) when the two cannot be decoded together:
     * the main model then runs alone rather than failing every task.
     */
    private static CrfProductOfExperts productOfExperts(String model, CRFClassifier<CoreLabel> classifier, String expertModel) {
        try {
            return CrfProductOfExperts.of(model, classifier, expertModel, load(expertModel));
        } catch (IllegalArgumentException e) {
            if (PAIRS_REPORTED.add(model + "|" + expertModel)) {
                System.err.println("corpus-stats: " + e.getMessage() + "; entities come from " + model + " alone");
            }
            return null;
        }
    }

    /**
     * The shared classifier for a model, loaded on first call in this JVM, with its
     * {@link NGramFeatureCache} and {@link WordFunctionCache}, decoding by {@link ViterbiCrfClassifier} (which
     * takes its features from a {@link CliqueFeatureCache} when the model's feature settings allow).
     */
    static CRFClassifier<CoreLabel> load(String model) {
        return MODELS.computeIfAbsent(model, m -> {
            try {
                ViterbiCrfClassifier crf = ViterbiCrfClassifier.load(m);
                if (!crf.decodesByViterbi()) {
                    System.err.println("corpus-stats: " + m + " decodes with CoreNLP's own Viterbi (its inference"
                            + " settings, or this CoreNLP version's fields, differ); NER runs ~10% slower");
                }
                if (crf.decodesByViterbi() && !crf.cachesFeatures()) {
                    System.err.println("corpus-stats: " + m + " builds its CRF features as CoreNLP does (its feature"
                            + " settings differ from those of the models whose features the job caches); NER runs ~2x slower");
                }
                if (!NGramFeatureCache.install(crf, NGramFeatureCache.MAX_WORDS) && crf.flags.useNGrams) {
                    System.err.println("corpus-stats: could not install the n-gram feature cache in " + m
                            + " (this CoreNLP version's fields differ); NER runs without it, ~10% slower");
                }
                WordFunctionCache.install(crf, WordFunctionCache.MAX_WORDS); // without it, only slower
                if (!crf.cachesFeatures()) { // with the clique cache the extractor rarely runs
                    warnIfFeatureExtractorStaysInterpreted();
                }
                return crf;
            } catch (Exception e) {
                throw new IllegalStateException("cannot load NER model " + m + " from the classpath or file system", e);
            }
        });
    }

    /**
     * CoreNLP's CRF feature extractor ({@code NERFeatureFactory.featuresC}, 10,370 bytes of bytecode)
     * is larger than HotSpot's limit for compiling a method (8,000 bytes), so unless the JVM runs with
     * {@code -XX:-DontCompileHugeMethods} it stays interpreted: compiled, the CRF runs ~35% faster (CNN
     * articles, one thread: 54,500 → 73,000 tokens/s). The scripts and conf/spark-defaults.conf set
     * the flag; a JVM started without it says so once, in its log, when it loads a model whose features
     * are not cached ({@link CliqueFeatureCache}): the job's two models take their features from that
     * cache and ran as fast without the flag (CoNLL dev, one thread: 111,184–117,216 against
     * 112,811–114,009 tokens/s).
     */
    private static void warnIfFeatureExtractorStaysInterpreted() {
        if (hugeMethodsStayInterpreted() && HUGE_METHOD_WARNING_GIVEN.compareAndSet(false, true)) {
            System.err.println("corpus-stats: this JVM does not compile huge methods, so CoreNLP's CRF feature"
                    + " extractor runs interpreted (NER ~25% slower); add -XX:-DontCompileHugeMethods to its"
                    + " options (spark.executor.defaultJavaOptions on a cluster, as conf/spark-defaults.conf does)");
        }
    }

    /** Whether this JVM leaves methods over HotSpot's size limit uncompiled (false when it cannot tell). */
    static boolean hugeMethodsStayInterpreted() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot != null && Boolean.parseBoolean(hotSpot.getVMOption("DontCompileHugeMethods").getValue());
        } catch (RuntimeException | LinkageError e) { // not HotSpot, or the option is gone
            return false;
        }
    }

    /**
     * Starts loading the given models (nulls are skipped) on a daemon thread and returns at once.
     * For local mode, where the driver JVM is also the executor: the ~3 s of model loading then
     * overlaps Spark's start-up and the corpus read instead of delaying the first NLP task, which
     * waits for the same {@link #load} if it gets there first. A failure is left for that task to
     * report, with its own message.
     */
    public static void preloadInBackground(String... models) {
        Thread loader = new Thread(() -> {
            for (String m : models) {
                if (m != null) {
                    try {
                        load(m);
                    } catch (RuntimeException e) {
                        return; // the first task's load() fails again and reports it
                    }
                }
            }
        }, "ner-model-preload");
        loader.setDaemon(true);
        loader.start();
    }

    @Override
    public List<List<String>> label(List<List<String>> sentences) {
        List<List<String>> labels = new ArrayList<>(sentences.size());
        for (List<String> words : sentences) {
            List<String> types = productOfExperts == null ? classify(classifier, words) : types(productOfExperts.answers(words));
            if (miscClassifier != null && types.contains("MISC")) {
                retypeMisc(types, classifyAroundMisc(miscClassifier, words, types));
            }
            labels.add(types);
        }
        return labels;
    }

    /**
     * Tokens of context either side of a MISC span that the 3-class model sees. It used to label
     * whole sentences; on the 4× cnn-val corpus (4,000 articles) the NLP stage took 22% less time
     * with this window (64.4 s → 50.5 s), with the same 202,422 mentions (3 entities re-typed), and
     * F1 moved by +0.0002 (CoNLL dev) and +0.0006 (WikiGold). A window of 2 scored 0.0003 below
     * whole sentences on dev; 8 scored the same as whole sentences on both.
     */
    static final int MISC_CONTEXT = 4;

    /**
     * {@code crf}'s labels over the {@link #miscWindows} of {@code types}, "O" elsewhere: all that
     * {@link #retypeMisc} reads (a MISC run and the token on either side of it).
     */
    static List<String> classifyAroundMisc(CRFClassifier<CoreLabel> crf, List<String> words, List<String> types) {
        List<String> other = new ArrayList<>(Collections.nCopies(words.size(), OUTSIDE));
        for (int[] window : miscWindows(types, MISC_CONTEXT)) {
            List<String> labels = classify(crf, words.subList(window[0], window[1]));
            for (int k = 0; k < labels.size(); k++) {
                other.set(window[0] + k, labels.get(k));
            }
        }
        return other;
    }

    /** [from, to) token ranges: each MISC run with {@code context} tokens either side, overlapping or touching ranges merged. */
    static List<int[]> miscWindows(List<String> types, int context) {
        List<int[]> windows = new ArrayList<>();
        for (int[] run : miscRuns(types)) {
            int from = Math.max(0, run[0] - context);
            int to = Math.min(types.size(), run[1] + context);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = to;
            } else {
                windows.add(new int[] {from, to});
            }
        }
        return windows;
    }

    /** [start, end) of each maximal run of MISC labels. */
    private static List<int[]> miscRuns(List<String> types) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < types.size()) {
            if (!types.get(i).equals("MISC")) {
                i++;
                continue;
            }
            int end = i;
            while (end < types.size() && types.get(end).equals("MISC")) {
                end++;
            }
            runs.add(new int[] {i, end});
            i = end;
        }
        return runs;
    }

    private static List<String> classify(CRFClassifier<CoreLabel> crf, List<String> words) {
        if (words.isEmpty()) {
            return new ArrayList<>();
        }
        // classifySentence, not classify: it first adds the word-shape features the model was trained with.
        List<String> answers = new ArrayList<>(words.size());
        for (CoreLabel token : crf.classifySentence(tokens(words))) {
            answers.add(token.get(CoreAnnotations.AnswerAnnotation.class));
        }
        return types(answers);
    }

    /** A model's answers (class names) as the job's types: PER, ORG, LOC, MISC or {@link #OUTSIDE}. */
    private static List<String> types(List<String> answers) {
        List<String> types = new ArrayList<>(answers.size());
        for (String answer : answers) {
            types.add(answer == null ? OUTSIDE : TYPES.getOrDefault(answer, OUTSIDE));
        }
        return types;
    }

    /** The words as the CoreLabels a classifier reads. */
    static List<CoreLabel> tokens(List<String> words) {
        List<CoreLabel> tokens = new ArrayList<>(words.size());
        for (String word : words) {
            CoreLabel token = new CoreLabel();
            token.setWord(word);
            token.setValue(word);
            token.setOriginalText(word);
            tokens.add(token);
        }
        return tokens;
    }

    /** Re-types each MISC run of {@code types} that {@code other} labels as exactly one run of one type. */
    static void retypeMisc(List<String> types, List<String> other) {
        for (int[] run : miscRuns(types)) { // runs found before any is re-typed
            int i = run[0];
            int end = run[1];
            String type = other.get(i);
            boolean sameRun = !type.equals(OUTSIDE) && !type.equals("MISC")
                    && (i == 0 || !other.get(i - 1).equals(type)) && (end == other.size() || !other.get(end).equals(type));
            for (int k = i; k < end && sameRun; k++) {
                sameRun = other.get(k).equals(type);
            }
            if (sameRun) {
                for (int k = i; k < end; k++) {
                    types.set(k, type);
                }
            }
        }
    }

    /**
     * Checks {@link CliqueFeatureCache} against CoreNLP on these sentences, for each model (the main one,
     * then the expert and the re-typing one): {tokens, cliques checked, cliques whose cached features differ}, or null
     * for a model whose features are not cached.
     */
    public Map<String, long[]> checkCachedFeatures(List<List<String>> sentences) {
        Map<String, long[]> checks = new LinkedHashMap<>();
        Set<String> models = new LinkedHashSet<>();
        models.add(model);
        if (expertModel != null) {
            models.add(expertModel);
        }
        if (miscModel != null) {
            models.add(miscModel);
        }
        for (String m : models) {
            CRFClassifier<CoreLabel> crf = load(m);
            if (!(crf instanceof ViterbiCrfClassifier viterbi) || !viterbi.cachesFeatures()) {
                checks.put(fileName(m), null);
                continue;
            }
            long tokens = 0;
            long differing = 0;
            for (List<String> words : sentences) {
                tokens += words.size();
                differing += viterbi.cliquesDifferingFromCoreNlp(words);
            }
            checks.put(fileName(m), new long[] {tokens, 2 * tokens, differing});
        }
        return checks;
    }

    @Override
    public String describe() {
        return describe(model, expertModel, miscModel);
    }

    /** "corenlp-crf:MODEL × EXPERT (MISC re-typed by MODEL)", without loading anything. */
    static String describe(String model, String expertModel, String miscModel) {
        return "corenlp-crf:" + fileName(model) + (expertModel == null ? "" : " × " + fileName(expertModel) + " (product of experts)")
                + (miscModel == null ? "" : " (MISC re-typed by " + fileName(miscModel) + ")");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

package dev.corpusstats.nlp.crf;

import com.sun.management.HotSpotDiagnosticMXBean;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CRF models of this JVM: each loaded once, on first use (an executor loads a model when its
 * first task needs it), never per row or task and never serialized from the driver; CoreNLP's CRF
 * classifier is safe to share between threads at inference. Loading installs the job's decoder
 * ({@link ViterbiCrfClassifier}) and per-word caches, and says in the log, once, when a model or the
 * JVM will run slower than it could.
 */
public final class CrfModels {
    private static final Map<String, CRFClassifier<CoreLabel>> MODELS = new ConcurrentHashMap<>();
    private static final AtomicBoolean HUGE_METHOD_WARNING_GIVEN = new AtomicBoolean();
    /** The pairs ("main|expert") already reported as not decodable together in this JVM. */
    private static final Set<String> PAIRS_REPORTED = ConcurrentHashMap.newKeySet();

    private CrfModels() {
    }

    /**
     * The shared classifier for a model (classpath resource or file), loaded on first call in this
     * JVM, with its {@link NGramFeatureCache} and {@link WordFunctionCache}, decoding by
     * {@link ViterbiCrfClassifier} (which takes its features from a {@link CliqueFeatureCache} when the
     * model's feature settings allow).
     */
    public static CRFClassifier<CoreLabel> load(String model) {
        return MODELS.computeIfAbsent(model, m -> {
            try {
                ViterbiCrfClassifier crf = ViterbiCrfClassifier.load(m);
                if (!crf.decodesByViterbi()) {
                    System.err.println("corpus-stats: " + m + " decodes with CoreNLP's own Viterbi (its inference"
                            + " settings, or this CoreNLP version's fields, differ); NER runs slower");
                }
                if (crf.decodesByViterbi() && !crf.cachesFeatures()) {
                    System.err.println("corpus-stats: " + m + " builds its CRF features as CoreNLP does (its feature"
                            + " settings differ from those of the models whose features the job caches); NER runs slower");
                }
                if (!NGramFeatureCache.install(crf, NGramFeatureCache.MAX_WORDS) && crf.flags.useNGrams) {
                    System.err.println("corpus-stats: could not install the n-gram feature cache in " + m
                            + " (this CoreNLP version's fields differ); NER runs without it, slower");
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

    /** A model's file name without its folders ("english.conll.4class.distsim.crf.ser.gz"), for messages. */
    public static String fileName(String model) {
        return model.substring(model.lastIndexOf('/') + 1);
    }

    /**
     * The main model decoded with the expert ({@link CrfProductOfExperts}), or null (with a line in the
     * log, once per pair and JVM) when the two cannot be decoded together: the main model then runs
     * alone rather than failing every task.
     */
    static CrfProductOfExperts pair(String model, String expertModel) {
        try {
            return CrfProductOfExperts.of(model, load(model), expertModel, load(expertModel));
        } catch (IllegalArgumentException e) {
            if (PAIRS_REPORTED.add(model + "|" + expertModel)) {
                System.err.println("corpus-stats: " + e.getMessage() + "; entities come from " + model + " alone");
            }
            return null;
        }
    }

    /**
     * Starts loading the given models (nulls are skipped) on a daemon thread and returns at once.
     * For local mode, where the driver JVM is also the executor: model loading then overlaps Spark's
     * start-up and the corpus read instead of delaying the first NLP task, which waits for the same
     * {@link #load} if it gets there first. A failure is left for that task to report, with its own
     * message.
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

    /**
     * CoreNLP's CRF feature extractor ({@code NERFeatureFactory.featuresC}) is larger than HotSpot's
     * limit for compiling a method (8,000 bytes of bytecode), so unless the JVM runs with
     * {@code -XX:-DontCompileHugeMethods} it stays interpreted, and a model whose features are not
     * cached runs much slower (docs/PERFORMANCE.md). The scripts and conf/spark-defaults.conf set the
     * flag; a JVM started without it says so once, in its log, when it loads such a model.
     */
    private static void warnIfFeatureExtractorStaysInterpreted() {
        if (hugeMethodsStayInterpreted() && HUGE_METHOD_WARNING_GIVEN.compareAndSet(false, true)) {
            System.err.println("corpus-stats: this JVM does not compile huge methods, so CoreNLP's CRF feature"
                    + " extractor runs interpreted (NER slower); add -XX:-DontCompileHugeMethods to its"
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
}

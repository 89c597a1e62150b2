package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.Index;
import edu.stanford.nlp.util.PaddedList;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The feature indices of CoreNLP's CRF for each position of a sentence, the array that
 * {@code CRFClassifier.documentToDataAndLabels} builds, mostly from a per-word cache.
 *
 * <p>Why: for every position CoreNLP's {@code NERFeatureFactory} builds ~48 feature strings and the
 * classifier looks each up in its feature index, a hash map of the model's feature strings; that is
 * most of the CRF's time, much of it cache misses in that map. Most of those features read one token only (its word, its character n-grams, its shape, its distributional
 * cluster, as the current, previous or next token, or within the disjunctive window), so a word's
 * feature indices can be looked up once and reused wherever it occurs. Only the ~9 features that
 * combine two or three tokens are built and looked up per position. Where CoreNLP searches the
 * sentence for other occurrences of a name (a capitalized word after a word and before a lower-case
 * one), the search is done here too, as CoreNLP does it for tokens without part-of-speech tags; a
 * sentence with tags gets those positions' features from CoreNLP itself.
 *
 * <p>This mirrors {@code NERFeatureFactory.featuresC} and {@code featuresCpC} (CoreNLP 4.5.10) for
 * the flags of the two models the job uses ({@code english.conll.4class.distsim},
 * {@code english.all.3class.distsim}); {@link #forModel} returns null for any model whose
 * feature flags differ in anything this class does not read, and the classifier then builds its
 * features as CoreNLP does. The indices of a clique are the same set as CoreNLP's, sorted
 * ({@code jobs/eval-ner.sh --check-features} checks it token by token, docs/NER.md). Sorted, the
 * weights are summed in another order than CoreNLP's, so two label sequences could only swap on a
 * tie at the last bits of a double.
 */
final class CliqueFeatureCache {
    /** Words whose feature indices are kept, per model: a bound on its memory whatever the corpus (docs/PERFORMANCE.md). */
    static final int MAX_WORDS = 100_000;

    /** CoreNLP's occurrence search looks this far either way, exclusive (its {@code jump < 150}). */
    private static final int OCCURRENCE_REACH = 150;

    /** Word entries kept in the cache are at most this long: a corpus of long tokens (URLs, base64) keeps the cache small. */
    static final int MAX_CACHED_LENGTH = 64;

    /**
     * Flags this class reads, or that do not change the features, and may differ from
     * {@link #supportedFlags()}; every other public field of the model's flags must equal it.
     */
    private static final Set<String> FLAGS_NOT_COMPARED = Set.of(
            // read here
            "wordFunction", "casedDistSim", "numberEquivalenceDistSim", "unknownWordDistSimClass", "maxNGramLeng",
            "disjunctionWidth", "useTitle", "wordShape",
            // training, file names and caches: no effect on the features of a trained model
            "sigma", "map", "loadClassifier", "serializeTo", "trainFile", "trainFileList", "trainFiles", "testFile",
            "saveFeatureIndexToDisk", "type", "distSimLexicon", "featureDiffThresh", "numTimesPruneFeatures",
            "multiThreadGrad", "dict2name", "cacheNGrams", "useQN", "QNsize", "inputEncoding", "outputEncoding",
            "props", "serializeToText", "serializeDatasetsDir", "loadDatasetsDir");

    private final NERFeatureFactory<CoreLabel> factory;
    private final SeqClassifierFlags flags;
    /** The model's feature index, for lookups ({@link FeatureIndexTable}). */
    private final FeatureIndexTable featureIndex;
    private final Map<String, String> distSimLexicon;
    private final CoreLabel pad;
    /** The factory's own {@code titlePattern} (serialized with the model). */
    private final Pattern titlePattern;
    private final Map<String, WordFeatures> words = new BoundedMap<>(MAX_WORDS);
    private final int classFeatureIndex;
    private final int noOccurrencePatternIndex;
    private final int prevSequenceIndex;
    private final int nextOccurrenceIndex;
    private final int prevOccurrenceIndex;
    /** The features of the padding CoreNLP reads before and after a sentence. */
    private final WordFeatures padFeatures;

    private CliqueFeatureCache(NERFeatureFactory<CoreLabel> factory, SeqClassifierFlags flags, Index<String> featureIndex,
                               Map<String, String> distSimLexicon, CoreLabel pad, Pattern titlePattern) {
        this.factory = factory;
        this.flags = flags;
        this.featureIndex = new FeatureIndexTable(featureIndex);
        this.distSimLexicon = distSimLexicon;
        this.pad = pad;
        this.titlePattern = titlePattern;
        this.classFeatureIndex = index("###|C");
        this.noOccurrencePatternIndex = index("NO-OCCURRENCE-PATTERN|C");
        this.prevSequenceIndex = index("PSEQ|CpC");
        this.nextOccurrenceIndex = index("X-NEXT-OCCURRENCE-X|C");
        this.prevOccurrenceIndex = index("X-PREV-OCCURRENCE-X|C");
        this.padFeatures = new WordFeatures(pad, this);
    }

    /**
     * The cache for {@code crf}, or null when its features are not the ones this class builds (another
     * feature factory, other flags, another clique structure) or CoreNLP's fields differ.
     *
     * @param pad the classifier's padding token (what CoreNLP reads before and after a sentence)
     */
    @SuppressWarnings("unchecked")
    static CliqueFeatureCache forModel(CRFClassifier<CoreLabel> crf, CoreLabel pad) {
        try {
            if (crf.featureFactories == null || crf.featureFactories.size() != 1 || pad == null
                    || crf.featureFactories.get(0).getClass() != NERFeatureFactory.class) {
                return null;
            }
            NERFeatureFactory<CoreLabel> factory = (NERFeatureFactory<CoreLabel>) crf.featureFactories.get(0);
            SeqClassifierFlags flags = (SeqClassifierFlags) field(FeatureFactory.class, "flags").get(factory);
            Index<String> featureIndex = (Index<String>) field(CRFClassifier.class, "featureIndex").get(crf);
            Map<String, String> lexicon = (Map<String, String>) field(NERFeatureFactory.class, "lexicon").get(factory);
            Pattern titlePattern = (Pattern) field(NERFeatureFactory.class, "titlePattern").get(factory);
            if (flags == null || featureIndex == null || lexicon == null || titlePattern == null || crf.windowSize != 2
                    || !sameFeatureFlags(flags, supportedFlags()) || !sameFeatureFlags(crf.flags, supportedFlags())
                    || flags.wordShape <= WordShapeClassifier.NOWORDSHAPE) {
                return null;
            }
            return new CliqueFeatureCache(factory, flags, featureIndex, lexicon, pad, titlePattern);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** The feature flags of the models this class mirrors (the 4-class model's), apart from {@link #FLAGS_NOT_COMPARED}. */
    static SeqClassifierFlags supportedFlags() {
        SeqClassifierFlags f = new SeqClassifierFlags();
        f.useNGrams = true;
        f.noMidNGrams = true;
        f.usePrev = true;
        f.useNext = true;
        f.usePrevSequences = true;
        f.useLongSequences = true;
        f.useTypeSeqs = true;
        f.useTypeSeqs2 = true;
        f.useTypeySequences = true;
        f.useDisjunctive = true;
        f.useClassFeature = true;
        f.useLastRealWord = true;
        f.useNextRealWord = true;
        f.useOccurrencePatterns = true;
        f.useDistSim = true;
        f.normalize = true;
        f.maxLeft = 1;
        f.useObservedSequencesOnly = true;
        return f;
    }

    /** Whether every public field that changes the features, other than those this class reads, is equal. */
    static boolean sameFeatureFlags(SeqClassifierFlags model, SeqClassifierFlags supported) throws IllegalAccessException {
        for (Field f : SeqClassifierFlags.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || FLAGS_NOT_COMPARED.contains(f.getName())) {
                continue;
            }
            if (!Objects.deepEquals(f.get(model), f.get(supported))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per position, per clique (0: the position alone, 1: it and the one before), the sorted, distinct
     * indices of the features CoreNLP's factory gives the sentence's tokens, as they carry the
     * annotations {@code classifySentence} set (text, shape); sets their distributional-similarity
     * class as CoreNLP's factory does. Null, for the caller to build them as CoreNLP does, when the
     * first token carries a domain (CoreNLP then doubles every feature) or a token carries another NER
     * system's tag (CoreNLP adds features for it whatever the flags).
     */
    int[][][] data(List<CoreLabel> document) {
        return data(document, null);
    }

    /**
     * As {@link #data(List)}, for the positions marked in {@code positions} only (null: all); the others'
     * entries stay null. A position's features read the words around it, never other positions'
     * features, so those built are the same as in a full pass.
     */
    int[][][] data(List<CoreLabel> document, boolean[] positions) {
        if (document.isEmpty() || document.get(0).get(CoreAnnotations.DomainAnnotation.class) != null) {
            return null;
        }
        boolean tagged = pad.containsKey(CoreAnnotations.PartOfSpeechAnnotation.class);
        for (CoreLabel token : document) {
            if (token.get(CoreAnnotations.StackedNamedEntityTagAnnotation.class) != null) {
                return null;
            }
            tagged |= token.containsKey(CoreAnnotations.PartOfSpeechAnnotation.class);
        }
        int size = document.size();
        WordFeatures[] tokens = new WordFeatures[size];
        annotateDistSim(document);
        for (int i = 0; i < size; i++) {
            tokens[i] = word(document.get(i));
        }
        WordFeatures padWord = padFeatures;
        int[][][] data = new int[size][2][];
        int[] buffer = new int[64];
        StringBuilder feature = new StringBuilder(64);
        PaddedList<CoreLabel> padded = null;
        int width = flags.disjunctionWidth;
        for (int i = 0; i < size; i++) {
            if (positions != null && !positions[i]) {
                continue;
            }
            WordFeatures c = tokens[i];
            WordFeatures p = i > 0 ? tokens[i - 1] : padWord;
            WordFeatures n = i + 1 < size ? tokens[i + 1] : padWord;
            WordFeatures p2 = i > 1 ? tokens[i - 2] : padWord;
            WordFeatures n2 = i + 2 < size ? tokens[i + 2] : padWord;

            // The position alone (featuresC).
            int m = 0;
            boolean searched = occurrencePatternSearched(c.word, n.word, p.word, i > 0);
            if (searched && tagged) {
                // Part-of-speech tags change what CoreNLP's occurrence search adds: its own features here.
                if (padded == null) {
                    padded = new PaddedList<>(document, pad);
                }
                for (String f : factory.getCliqueFeatures(padded, i, FeatureFactory.cliqueC)) {
                    buffer = ensure(buffer, m + 1);
                    m = put(buffer, m, featureIndex.indexOf(f));
                }
            } else {
                buffer = ensure(buffer, c.self.length + p.asPrev.length + n.asNext.length + 2 * width + 10);
                m = copy(c.self, buffer, m);
                m = copy(p.asPrev, buffer, m);
                m = copy(n.asNext, buffer, m);
                for (int k = 1; k <= width; k++) { // useDisjunctive: the words within the width, either side
                    m = put(buffer, m, (i + k < size ? tokens[i + k] : padWord).disjunctiveNext);
                    m = put(buffer, m, (i - k >= 0 ? tokens[i - k] : padWord).disjunctivePrev);
                }
                m = put(buffer, m, classFeatureIndex);
                if (!searched) {
                    m = put(buffer, m, noOccurrencePatternIndex);
                } else { // without tags CoreNLP's search finds only the word itself, 3 to 149 tokens away
                    if (occurs(tokens, c.word, i + 3, Math.min(size, i + OCCURRENCE_REACH))) {
                        m = put(buffer, m, nextOccurrenceIndex);
                    }
                    if (occurs(tokens, c.word, Math.max(0, i - OCCURRENCE_REACH + 1), i - 2)) {
                        m = put(buffer, m, prevOccurrenceIndex);
                    }
                }
                m = put(buffer, m, lookUp(feature, p.word, "...", c.shape, "-PW_CTYPE|C"));
                m = put(buffer, m, lookUp(feature, c.shape, "...", n.word, "-NW_CTYPE|C"));
                m = put(buffer, m, lookUp(feature, p.shape, "...", c.shape, "-PCTYPE|C"));
                m = put(buffer, m, lookUp(feature, c.shape, "...", n.shape, "-CNTYPE|C"));
                m = put(buffer, m, lookUp(feature, p.shape + "..." + c.shape, "...", n.shape, "-PCNTYPE|C"));
                if (p.word.length() <= 3) { // useLastRealWord
                    m = put(buffer, m, lookUp(feature, p2.word, "...", c.shape, "-PPW_CTYPE|C"));
                }
                if (n.word.length() <= 3) { // useNextRealWord
                    m = put(buffer, m, lookUp(feature, n2.word, "...", c.shape, "-NNW_CTYPE|C"));
                }
            }
            data[i][0] = distinctSorted(buffer, m);

            // The position and the one before it (featuresCpC; featuresCnC adds nothing with these flags).
            buffer = ensure(buffer, c.selfSequence.length + p.prevSequence.length + n.nextSequence.length + 4);
            m = copy(c.selfSequence, buffer, 0);
            m = copy(p.prevSequence, buffer, m);
            m = copy(n.nextSequence, buffer, m);
            m = put(buffer, m, prevSequenceIndex);
            m = put(buffer, m, lookUp(feature, p.word, "-", c.word, "-PSEQW2|CpC"));
            m = put(buffer, m, lookUp(feature, p.distSimOrEmpty, "-", c.distSimOrEmpty, "-PSEQpcDS|CpC"));
            m = put(buffer, m, lookUp(feature, p.shape, "-", c.shape, "-TYPES|CpC"));
            data[i][1] = distinctSorted(buffer, m);
        }
        return data;
    }

    /** Whether a token in [from, to) has this word. */
    private static boolean occurs(WordFeatures[] tokens, String word, int from, int to) {
        for (int j = from; j < to; j++) {
            if (tokens[j].word.equals(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether CoreNLP's {@code occurrencePatterns} searches the sentence at this position (a name-case
     * word after a real token and before a lower-case word with a letter); elsewhere it adds only
     * {@code NO-OCCURRENCE-PATTERN}.
     */
    static boolean occurrencePatternSearched(String word, String next, String previous, boolean previousIsToken) {
        return isNameCase(word) && noUpperCase(next) && hasLetter(next) && hasLetter(previous) && previousIsToken;
    }

    // CoreNLP's NERFeatureFactory.isNameCase, noUpperCase and hasLetter.
    private static boolean isNameCase(String s) {
        return s.length() >= 2 && (Character.isUpperCase(s.charAt(0)) || Character.isTitleCase(s.charAt(0)))
                && noUpperCaseFrom(s, 1);
    }

    private static boolean noUpperCase(String s) {
        return !s.isEmpty() && noUpperCaseFrom(s, 0);
    }

    /** Whether no character of {@code s} from {@code from} on is upper-case (also what {@link CrfProductOfExperts} asks). */
    static boolean noUpperCaseFrom(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * CoreNLP's {@code distSimAnnotate}: each token's distributional-similarity class, until the first
     * token that already has one. A cached word's class is reused: it is a function of the word.
     */
    private void annotateDistSim(List<CoreLabel> document) {
        for (CoreLabel token : document) {
            if (token.containsKey(CoreAnnotations.DistSimAnnotation.class)) {
                return;
            }
            WordFeatures cached = words.get(token.getString(CoreAnnotations.TextAnnotation.class));
            token.set(CoreAnnotations.DistSimAnnotation.class, cached != null ? cached.computedDistSim : distSimClass(token));
        }
    }

    private String distSimClass(CoreLabel token) {
        String word = wordOf(token);
        if (!flags.casedDistSim) {
            word = word.toLowerCase();
        }
        if (flags.numberEquivalenceDistSim) {
            word = WordShapeClassifier.wordShape(word, WordShapeClassifier.WORDSHAPEDIGITS);
        }
        String distSim = distSimLexicon.get(word);
        return distSim != null ? distSim : flags.unknownWordDistSimClass;
    }

    /** CoreNLP's {@code FeatureFactory.getWord}: the text through the model's word function. */
    private String wordOf(CoreLabel token) {
        String text = token.getString(CoreAnnotations.TextAnnotation.class);
        Function<String, String> function = flags.wordFunction;
        return function == null ? text : function.apply(text);
    }

    /** Whether a word with this text has its features cached. */
    boolean isCached(String text) {
        return words.containsKey(text);
    }

    /** The token's cached features, if its shape and class are those they were made from; else new ones. */
    private WordFeatures word(CoreLabel token) {
        String text = token.getString(CoreAnnotations.TextAnnotation.class);
        WordFeatures cached = words.get(text);
        if (cached != null && cached.describes(token)) {
            return cached;
        }
        WordFeatures word = new WordFeatures(token, this);
        if (cached == null && text.length() <= MAX_CACHED_LENGTH && word.distSim != null && word.distSim.equals(word.computedDistSim)) {
            words.put(text, word);
        }
        return word;
    }

    /** The index of the feature {@code first separator second suffix}, or -1 if the model does not know it. */
    private int lookUp(StringBuilder feature, String first, String separator, String second, String suffix) {
        feature.setLength(0);
        return featureIndex.indexOf(feature.append(first).append(separator).append(second).append(suffix).toString());
    }

    private int index(String feature) {
        return featureIndex.indexOf(feature);
    }

    private static int[] ensure(int[] buffer, int size) {
        return buffer.length >= size ? buffer : Arrays.copyOf(buffer, Math.max(size, 2 * buffer.length));
    }

    /** Appends an index unless it is -1 (a feature the model does not know); returns the new length. */
    private static int put(int[] buffer, int length, int index) {
        if (index >= 0) {
            buffer[length++] = index;
        }
        return length;
    }

    private static int copy(int[] indices, int[] buffer, int length) {
        System.arraycopy(indices, 0, buffer, length, indices.length);
        return length + indices.length;
    }

    /** The first {@code length} indices, sorted, without repeats (CoreNLP collects a clique's features in a set). */
    static int[] distinctSorted(int[] buffer, int length) {
        Arrays.sort(buffer, 0, length);
        int distinct = 0;
        for (int i = 0; i < length; i++) {
            if (distinct == 0 || buffer[i] != buffer[distinct - 1]) {
                buffer[distinct++] = buffer[i];
            }
        }
        return Arrays.copyOf(buffer, distinct);
    }

    /**
     * One token's features that read that token only, as indices (-1s dropped), in each role it can
     * have for a position: the position itself, the token before it, the token after it, within the
     * disjunctive window. Strings follow {@code featuresC} and {@code featuresCpC}: where CoreNLP
     * appends an annotation with {@code get}, a missing one reads "null"; with {@code getString}, "".
     */
    private static final class WordFeatures {
        final String shapeAnnotation;
        final String distSim;
        /** The class {@link #distSimClass} gives this token's text (what a token without one gets). */
        final String computedDistSim;
        final String word;
        final String shape;
        final String distSimOrEmpty;
        final int[] self;
        final int[] asPrev;
        final int[] asNext;
        final int[] selfSequence;
        final int[] prevSequence;
        final int[] nextSequence;
        final int disjunctiveNext;
        final int disjunctivePrev;

        WordFeatures(CoreLabel token, CliqueFeatureCache cache) {
            shapeAnnotation = token.get(CoreAnnotations.ShapeAnnotation.class);
            distSim = token.get(CoreAnnotations.DistSimAnnotation.class);
            computedDistSim = cache.distSimClass(token);
            word = cache.wordOf(token);
            shape = shapeAnnotation == null ? "" : shapeAnnotation;
            distSimOrEmpty = distSim == null ? "" : distSim;
            String distSimText = String.valueOf(distSim);
            int[] buffer = new int[32];
            int m = 0;
            for (String ngram : ngrams(word, cache.flags.maxNGramLeng)) {
                buffer = ensure(buffer, m + 1);
                m = put(buffer, m, cache.index(ngram + "|C"));
            }
            buffer = ensure(buffer, m + 4);
            m = put(buffer, m, cache.index(distSimText + "-DISTSIM|C"));
            if (cache.flags.useTitle && cache.titlePattern.matcher(word).matches()) {
                m = put(buffer, m, cache.index("IS_TITLE|C"));
            }
            m = put(buffer, m, cache.index(word + "-WORD|C"));
            m = put(buffer, m, cache.index(shape + "-TYPE|C"));
            self = distinctSorted(buffer, m);
            asPrev = indices(cache, word + "-PW|C", distSimText + "-PDISTSIM|C", shape + "-PTYPE|C");
            asNext = indices(cache, word + "-NW|C", distSimText + "-NDISTSIM|C", shape + "-NTYPE|C");
            selfSequence = indices(cache, word + "-PSEQW|CpC", distSimOrEmpty + "-PSEQcDS|CpC", shape + "-PSEQcS|CpC",
                    shape + "-TPS2|CpC");
            prevSequence = indices(cache, word + "-PSEQpW|CpC", distSimOrEmpty + "-PSEQpDS|CpC", shape + "-PSEQpS|CpC");
            nextSequence = indices(cache, shapeAnnotation + "-TNS1|CpC");
            disjunctiveNext = cache.index(word + "-DISJN|C");
            disjunctivePrev = cache.index(word + "-DISJP|C");
        }

        boolean describes(CoreLabel token) {
            return Objects.equals(shapeAnnotation, token.get(CoreAnnotations.ShapeAnnotation.class))
                    && Objects.equals(distSim, token.get(CoreAnnotations.DistSimAnnotation.class));
        }

        private static int[] indices(CliqueFeatureCache cache, String... features) {
            int[] buffer = new int[features.length];
            int m = 0;
            for (String feature : features) {
                m = put(buffer, m, cache.index(feature));
            }
            return distinctSorted(buffer, m);
        }

        /** CoreNLP's character n-grams with {@code noMidNGrams}: prefixes and suffixes of "<word>", "#"-quoted. */
        static List<String> ngrams(String word, int maxLength) {
            String w = '<' + word + '>';
            ArrayList<String> ngrams = new ArrayList<>();
            int max = maxLength >= 0 ? Math.min(maxLength, w.length()) : w.length();
            for (int j = 2; j <= max; j++) {
                ngrams.add('#' + w.substring(0, j) + '#');
            }
            int start = maxLength >= 0 ? Math.max(0, w.length() - maxLength) : 0;
            for (int i = start; i < w.length() - 1; i++) {
                ngrams.add('#' + w.substring(i) + '#');
            }
            return ngrams;
        }
    }
}

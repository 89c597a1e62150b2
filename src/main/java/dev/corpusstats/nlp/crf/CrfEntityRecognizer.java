package dev.corpusstats.nlp.crf;

import dev.corpusstats.nlp.entities.EntityRecognizer;
import dev.corpusstats.nlp.entities.MiscRetyper;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stanford CoreNLP's CRF named-entity classifier over the job's own tokens, sentence by sentence:
 * the main model, optionally decoded together with an expert model ({@link CrfProductOfExperts}),
 * optionally with MISC spans re-typed by a third ({@link MiscRetyper}). No POS tagger or other
 * annotator runs. The models come from {@link CrfModels}, loaded once per JVM.
 */
public final class CrfEntityRecognizer implements EntityRecognizer {
    private static final Map<String, String> TYPES = Map.of(
            "PERSON", PERSON, "PER", PERSON,
            "ORGANIZATION", ORGANIZATION, "ORG", ORGANIZATION,
            "LOCATION", LOCATION, "LOC", LOCATION,
            "MISC", MISC);

    private final String model;
    private final CRFClassifier<CoreLabel> classifier;
    private final String expertModel;
    /** Null without an expert model, or when the two cannot be decoded together. */
    private final CrfProductOfExperts productOfExperts;
    private final String miscModel;
    /** Null without a re-typing model. */
    private final MiscRetyper miscRetyper;

    /**
     * @param model       the main model: its labels are the ones given
     * @param expertModel null, or a second CRF decoded together with the main model
     *                    ({@link CrfProductOfExperts}: the labels maximizing the sum of both models'
     *                    log-probabilities). If the two cannot be decoded together (another
     *                    inference, another order), the main model runs alone and the log says why.
     * @param miscModel   null, or a PER/ORG/LOC model that re-types the MISC spans found ({@link MiscRetyper})
     */
    public CrfEntityRecognizer(String model, String expertModel, String miscModel) {
        this.model = model;
        this.classifier = CrfModels.load(model);
        this.expertModel = expertModel;
        this.productOfExperts = expertModel == null ? null : CrfModels.pair(model, expertModel);
        this.miscModel = miscModel;
        CRFClassifier<CoreLabel> retyping = miscModel == null ? null : CrfModels.load(miscModel);
        this.miscRetyper = retyping == null ? null : new MiscRetyper(words -> classify(retyping, words));
    }

    @Override
    public List<List<String>> label(List<List<String>> sentences) {
        List<List<String>> labels = new ArrayList<>(sentences.size());
        for (List<String> words : sentences) {
            List<String> types = productOfExperts == null ? classify(classifier, words) : types(productOfExperts.answers(words));
            if (miscRetyper != null) {
                miscRetyper.retype(words, types);
            }
            labels.add(types);
        }
        return labels;
    }

    private static List<String> classify(CRFClassifier<CoreLabel> crf, List<String> words) {
        if (words.isEmpty()) {
            return new ArrayList<>();
        }
        // classifySentence, not classify: it first adds the word-shape features the model was trained with.
        List<String> answers = new ArrayList<>(words.size());
        for (CoreLabel token : crf.classifySentence(CoreLabels.of(words))) {
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

    @Override
    public String describe() {
        return describe(model, expertModel, miscModel);
    }

    /** "corenlp-crf:MODEL × EXPERT (product of experts) (MISC re-typed by MODEL)", without loading anything. */
    public static String describe(String model, String expertModel, String miscModel) {
        return "corenlp-crf:" + CrfModels.fileName(model)
                + (expertModel == null ? "" : " × " + CrfModels.fileName(expertModel) + " (product of experts)")
                + (miscModel == null ? "" : " (MISC re-typed by " + CrfModels.fileName(miscModel) + ")");
    }
}

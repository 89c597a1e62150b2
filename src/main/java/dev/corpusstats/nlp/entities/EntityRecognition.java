package dev.corpusstats.nlp.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The job's entity recognizer: the engine's token labels, made into spans, then the document-level
 * steps. The evaluation command runs exactly this, so its scores are the job's.
 */
public final class EntityRecognition {
    private final EntityRecognizer engine;
    private final Set<DocumentConsistency.Rule> rules;

    /**
     * @param engine              labels tokens, sentence by sentence
     * @param documentConsistency apply {@link DocumentConsistency} (on by default in the job)
     */
    public EntityRecognition(EntityRecognizer engine, boolean documentConsistency) {
        this(engine, documentConsistency ? DocumentConsistency.ALL : Set.of());
    }

    /** With a chosen subset of the document-level rules (for measuring each one's gain). */
    public EntityRecognition(EntityRecognizer engine, Set<DocumentConsistency.Rule> rules) {
        this.engine = engine;
        this.rules = rules;
    }

    /** Entity spans per sentence of one document. */
    public List<List<EntitySpan>> recognize(List<List<String>> sentences) {
        List<List<String>> labels = engine.label(sentences);
        List<List<EntitySpan>> spans = new ArrayList<>(labels.size());
        for (List<String> sentence : labels) {
            spans.add(spansOf(sentence));
        }
        return rules.isEmpty() ? spans : DocumentConsistency.apply(sentences, spans, rules);
    }

    /** Consecutive tokens with the same type form one span (the IO reading of the engine's labels). */
    static List<EntitySpan> spansOf(List<String> labels) {
        List<EntitySpan> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= labels.size(); i++) {
            String label = i < labels.size() ? labels.get(i) : EntityRecognizer.OUTSIDE;
            if (start >= 0 && !label.equals(labels.get(start))) {
                spans.add(new EntitySpan(start, i, labels.get(start)));
                start = -1;
            }
            if (start < 0 && !label.equals(EntityRecognizer.OUTSIDE)) {
                start = i;
            }
        }
        return spans;
    }

    public String describe() {
        return engine.describe() + (rules.isEmpty() ? "" : " + document rules " + rules);
    }
}

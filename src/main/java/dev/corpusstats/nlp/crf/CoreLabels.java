package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.List;

/** Words as the tokens CoreNLP's classifiers read. */
public final class CoreLabels {
    private CoreLabels() {
    }

    /** One CoreLabel per word, with its word, value and original text set. */
    public static List<CoreLabel> of(List<String> words) {
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
}

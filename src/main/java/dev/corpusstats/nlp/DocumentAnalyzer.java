package dev.corpusstats.nlp;

import dev.corpusstats.nlp.TermNormalizer.Normalized;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure-Java NLP core: text in, sentences, tokens and term counts out. It has no Spark types, so
 * it is unit-tested directly and the Spark layer only maps rows through it.
 *
 * <p>Tokenization is done once per document and shared by every statistic computed from it. Not
 * thread-safe: create one per task (construction is cheap; nothing here loads a model).
 */
public final class DocumentAnalyzer {
    private final NewsTokenizer tokenizer = new NewsTokenizer();
    private final TermNormalizer normalizer;
    private final NGramCounter ngrams;

    public DocumentAnalyzer(StopWords stopWords, int maxN) {
        this.normalizer = new TermNormalizer(stopWords);
        this.ngrams = new NGramCounter(maxN);
    }

    public DocumentAnalysis analyze(String text) {
        List<Sentence> sentences = tokenizer.split(text);
        List<List<Normalized>> normalized = new ArrayList<>(sentences.size());
        int tokenCount = 0;
        for (Sentence sentence : sentences) {
            List<Token> tokens = sentence.tokens();
            List<Normalized> forms = new ArrayList<>(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : null;
                forms.add(normalizer.normalize(tokens.get(i).word(), next));
            }
            tokenCount += forms.size();
            normalized.add(forms);
        }
        List<TermCount> terms = ngrams.count(normalized);
        int termCount = 0;
        int distinct = 0;
        for (TermCount t : terms) {
            if (t.n() == 1) {
                termCount += t.count();
                distinct++;
            }
        }
        return new DocumentAnalysis(sentences, tokenCount, termCount, distinct, terms);
    }
}

package dev.corpusstats.nlp;

import dev.corpusstats.nlp.entities.DocEntity;
import dev.corpusstats.nlp.entities.EntityKeys;
import dev.corpusstats.nlp.entities.EntityMention;
import dev.corpusstats.nlp.entities.EntityMentions;
import dev.corpusstats.nlp.entities.EntityRecognition;
import dev.corpusstats.nlp.entities.EntitySettings;
import dev.corpusstats.nlp.entities.EntityTermCount;
import dev.corpusstats.nlp.entities.EntityTerms;
import dev.corpusstats.nlp.text.NGramCounter;
import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.StopWords;
import dev.corpusstats.nlp.text.TermCount;
import dev.corpusstats.nlp.text.TermNormalizer;
import dev.corpusstats.nlp.text.TermNormalizer.Normalized;
import dev.corpusstats.nlp.text.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure-Java NLP core: text in; sentences, tokens, term counts and entity mentions out. It has no
 * Spark types, so it is unit-tested directly and the Spark layer only maps rows through it.
 *
 * <p>Tokenization is done once per document and shared by terms and entities. Not thread-safe:
 * create one per task (construction is cheap; the NER models are loaded once per JVM).
 */
public final class DocumentAnalyzer {
    private final NewsTokenizer tokenizer = new NewsTokenizer();
    private final TermNormalizer normalizer;
    private final NGramCounter ngrams;
    private final EntityKeys entityKeys;
    /** Null when entities are off. */
    private final EntityRecognition recognition;

    public DocumentAnalyzer(StopWords stopWords, int maxN) {
        this(stopWords, maxN, EntitySettings.off());
    }

    public DocumentAnalyzer(StopWords stopWords, int maxN, EntitySettings entities) {
        this.normalizer = new TermNormalizer(stopWords);
        this.ngrams = new NGramCounter(maxN);
        this.entityKeys = entities.keys();
        this.recognition = entities.enabled() ? EntityEngines.recognition(entities) : null;
    }

    public DocumentAnalysis analyze(String text) {
        List<Sentence> sentences = tokenizer.split(text);
        List<List<Normalized>> normalized = new ArrayList<>(sentences.size());
        int tokenCount = 0;
        for (Sentence sentence : sentences) {
            List<Token> tokens = sentence.tokens();
            List<Normalized> forms = new ArrayList<>(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                String next = i + 1 < tokens.size() ? tokens.get(i + 1).form() : null;
                forms.add(normalizer.normalize(tokens.get(i).form(), next));
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
        List<EntityMention> mentions = recognition == null ? List.of()
                : EntityMentions.find(text, sentences, recognition, entityKeys);
        List<EntityTermCount> entityTerms = mentions.isEmpty() ? List.of() : EntityTerms.count(mentions, normalized, normalizer);
        return new DocumentAnalysis(sentences, tokenCount, termCount, distinct, terms, mentions, entityTerms,
                mentions.isEmpty() ? List.of() : DocEntity.of(mentions));
    }
}

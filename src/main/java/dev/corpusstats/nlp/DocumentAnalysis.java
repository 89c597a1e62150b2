package dev.corpusstats.nlp;

import dev.corpusstats.nlp.entities.DocEntity;
import dev.corpusstats.nlp.entities.EntityMention;
import dev.corpusstats.nlp.entities.EntityTermCount;
import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.TermCount;

import java.util.List;

/**
 * What the NLP core found in one document.
 *
 * @param sentences         the document's sentences and tokens
 * @param tokenCount        all tokens, punctuation included
 * @param termCount         unigram term occurrences (tokens that are neither stop words nor breaks)
 * @param distinctTermCount distinct unigram terms
 * @param terms             n-gram term counts, n = 1..maxN
 * @param mentions          named-entity mentions in text order (empty when entities are off)
 * @param entityTerms       per entity, the unigram terms of the sentences that mention it
 * @param entities          the document's entities, in order of first mention
 */
public record DocumentAnalysis(List<Sentence> sentences, int tokenCount, int termCount,
                               int distinctTermCount, List<TermCount> terms, List<EntityMention> mentions,
                               List<EntityTermCount> entityTerms, List<DocEntity> entities) {

    public int sentenceCount() {
        return sentences.size();
    }
}

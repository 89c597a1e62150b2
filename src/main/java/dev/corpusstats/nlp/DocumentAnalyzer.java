package dev.corpusstats.nlp;

import dev.corpusstats.nlp.TermNormalizer.Kind;
import dev.corpusstats.nlp.TermNormalizer.Normalized;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure-Java NLP core: text in; sentences, tokens, term counts and entity mentions out. It has no
 * Spark types, so it is unit-tested directly and the Spark layer only maps rows through it.
 *
 * <p>Tokenization is done once per document and shared by terms and entities. Not thread-safe:
 * create one per task (construction is cheap; the NER model is loaded once per JVM).
 */
public final class DocumentAnalyzer {
    private final NewsTokenizer tokenizer = new NewsTokenizer();
    private final TermNormalizer normalizer;
    private final NGramCounter ngrams;
    private final EntitySettings entitySettings;
    private final EntityRecognition recognition;

    public DocumentAnalyzer(StopWords stopWords, int maxN) {
        this(stopWords, maxN, EntitySettings.off());
    }

    public DocumentAnalyzer(StopWords stopWords, int maxN, EntitySettings entities) {
        this.normalizer = new TermNormalizer(stopWords);
        this.ngrams = new NGramCounter(maxN);
        this.entitySettings = entities;
        this.recognition = entities.enabled() ? entities.newRecognition() : null;
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
        List<EntityMention> mentions = recognition == null ? List.of() : mentions(text, sentences);
        List<EntityTermCount> entityTerms = mentions.isEmpty() ? List.of() : entityTerms(mentions, normalized);
        return new DocumentAnalysis(sentences, tokenCount, termCount, distinct, terms, mentions, entityTerms,
                mentions.isEmpty() ? List.of() : DocEntity.of(mentions));
    }

    private List<EntityMention> mentions(String text, List<Sentence> sentences) {
        List<List<String>> words = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            words.add(s.tokens().stream().map(Token::word).toList());
        }
        List<List<EntitySpan>> spans = recognition.recognize(words);
        List<EntityResolver.Candidate> candidates = new ArrayList<>();
        List<int[]> positions = new ArrayList<>(); // sentence, begin char, end char
        for (int s = 0; s < spans.size(); s++) {
            List<Token> tokens = sentences.get(s).tokens();
            for (EntitySpan span : spans.get(s)) {
                int begin = tokens.get(span.start()).begin();
                int end = tokens.get(span.end() - 1).end();
                candidates.add(new EntityResolver.Candidate(words.get(s).subList(span.start(), span.end()),
                        text.substring(begin, end), span.type()));
                positions.add(new int[] {s, begin, end});
            }
        }
        List<String> canonical = EntityResolver.canonicalTexts(candidates);
        boolean bmpOnly = text.length() == text.codePointCount(0, text.length());
        List<EntityMention> mentions = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            int[] p = positions.get(i);
            EntityResolver.Candidate c = candidates.get(i);
            int begin = bmpOnly ? p[1] : text.codePointCount(0, p[1]);
            int end = bmpOnly ? p[2] : begin + text.codePointCount(p[1], p[2]);
            mentions.add(new EntityMention(p[0], begin, end, c.text(), c.type(), canonical.get(i),
                    entitySettings.keys().entityId(c.type(), canonical.get(i))));
        }
        return mentions;
    }

    private List<EntityTermCount> entityTerms(List<EntityMention> mentions, List<List<Normalized>> sentences) {
        Map<String, Set<Integer>> sentencesOf = new LinkedHashMap<>();
        Map<String, Set<String>> ownWords = new HashMap<>();
        for (EntityMention m : mentions) {
            sentencesOf.computeIfAbsent(m.entityId(), k -> new HashSet<>()).add(m.sentence());
            Set<String> own = ownWords.computeIfAbsent(m.entityId(), k -> new HashSet<>());
            for (String word : m.canonical().split("\\s+")) {
                String term = normalizer.term(word);
                if (term != null) {
                    own.add(term);
                }
            }
        }
        List<EntityTermCount> counts = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> e : sentencesOf.entrySet()) {
            Map<String, Integer> termCounts = new LinkedHashMap<>();
            for (int s : e.getValue()) {
                for (Normalized form : sentences.get(s)) {
                    if (form.kind() == Kind.TERM && !ownWords.get(e.getKey()).contains(form.form())) {
                        termCounts.merge(form.form(), 1, Integer::sum);
                    }
                }
            }
            termCounts.forEach((term, count) -> counts.add(new EntityTermCount(e.getKey(), term, count)));
        }
        return counts;
    }

}

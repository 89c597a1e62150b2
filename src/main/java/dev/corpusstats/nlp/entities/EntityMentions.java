package dev.corpusstats.nlp.entities;

import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.TextForms;
import dev.corpusstats.nlp.text.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's entity mentions: the recognizer's spans over its sentences, each resolved to its
 * canonical mention within the document ({@link EntityResolver}) and given its corpus-wide entity
 * id ({@link EntityKeys}), with offsets into the document text in code points.
 *
 * <p>The recognizer and the resolver read the tokens' normalized forms ({@link Token#form}), so the
 * canonical text is normalized too ({@link TextForms#normalize}); a mention's own text is the exact
 * slice of the document text its offsets give.
 */
public final class EntityMentions {
    private EntityMentions() {
    }

    /** The mentions in text order; {@code sentences} are {@code text}'s, as the tokenizer split it. */
    public static List<EntityMention> find(String text, List<Sentence> sentences, EntityRecognition recognition, EntityKeys keys) {
        List<List<String>> words = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            words.add(s.tokens().stream().map(Token::form).toList());
        }
        List<List<EntitySpan>> spans = recognition.recognize(words);
        List<EntityResolver.Candidate> candidates = new ArrayList<>();
        List<int[]> positions = new ArrayList<>(); // sentence, begin char, end char
        List<String> slices = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            List<Token> tokens = sentences.get(s).tokens();
            for (EntitySpan span : spans.get(s)) {
                int begin = tokens.get(span.start()).begin();
                int end = tokens.get(span.end() - 1).end();
                String slice = text.substring(begin, end);
                candidates.add(new EntityResolver.Candidate(words.get(s).subList(span.start(), span.end()),
                        TextForms.normalize(slice), span.type()));
                positions.add(new int[] {s, begin, end});
                slices.add(slice);
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
            mentions.add(new EntityMention(p[0], begin, end, slices.get(i), c.type(), canonical.get(i),
                    keys.entityId(c.type(), canonical.get(i))));
        }
        return mentions;
    }
}

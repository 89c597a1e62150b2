package dev.corpusstats.nlp.text;

import dev.corpusstats.nlp.text.TermNormalizer.Kind;
import dev.corpusstats.nlp.text.TermNormalizer.Normalized;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts n-gram terms, n = 1 to {@code maxN}, in a document's sentences.
 *
 * <p>An n-gram is a run of consecutive tokens inside one sentence with no break (punctuation,
 * number) in it, whose first and last words are terms, not stop words; stop words may stand inside
 * ({@code bank of america}). Its text is the words' normalized forms joined by spaces, a clitic
 * glued to the word before ({@code karzai's effort}). Unigrams are exactly the document's terms.
 */
public final class NGramCounter {
    private final int maxN;

    public NGramCounter(int maxN) {
        if (maxN < 1 || maxN > 5) {
            throw new IllegalArgumentException("maxN must be in 1..5, got " + maxN);
        }
        this.maxN = maxN;
    }

    /**
     * Counts per (n, term), with each term's tf; iteration order is first occurrence. The tf is
     * computed here, per document, so that {@code doc_terms} needs no window over all its rows.
     */
    public List<TermCount> count(List<List<Normalized>> sentences) {
        List<Map<String, int[]>> counts = new ArrayList<>(maxN + 1);
        for (int n = 0; n <= maxN; n++) {
            counts.add(new LinkedHashMap<>());
        }
        StringBuilder text = new StringBuilder();
        for (List<Normalized> sentence : sentences) {
            int size = sentence.size();
            for (int start = 0; start < size; start++) {
                Normalized first = sentence.get(start);
                if (first.kind() != Kind.TERM) {
                    continue;
                }
                text.setLength(0);
                text.append(first.form());
                count(counts.get(1), text.toString());
                for (int n = 2; n <= maxN && start + n - 1 < size; n++) {
                    Normalized last = sentence.get(start + n - 1);
                    if (last.kind() == Kind.BREAK) {
                        break;
                    }
                    if (!last.clitic()) {
                        text.append(' ');
                    }
                    text.append(last.form());
                    if (last.kind() == Kind.TERM) {
                        count(counts.get(n), text.toString());
                    }
                }
            }
        }
        List<TermCount> result = new ArrayList<>();
        for (int n = 1; n <= maxN; n++) {
            long total = 0;
            for (int[] c : counts.get(n).values()) {
                total += c[0];
            }
            for (Map.Entry<String, int[]> e : counts.get(n).entrySet()) {
                result.add(new TermCount(e.getKey(), n, e.getValue()[0], (double) e.getValue()[0] / total));
            }
        }
        return result;
    }

    private static void count(Map<String, int[]> counts, String term) {
        counts.computeIfAbsent(term, k -> new int[1])[0]++;
    }

    public int maxN() {
        return maxN;
    }
}

package dev.corpusstats.nlp.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Re-types MISC spans with a second, PER/ORG/LOC model: where that model labels exactly the same
 * tokens as one run of one of its types, that type wins (CoNLL's MISC often swallows organizations
 * such as "Taliban"). The second model only sees each MISC run with {@link #CONTEXT} tokens either
 * side, which is all the rule reads.
 */
public final class MiscRetyper {
    /** Tokens of context either side of a MISC run that the second model sees. */
    static final int CONTEXT = 4;

    private final Function<List<String>, List<String>> otherModel;

    /** @param otherModel labels a run of words with the job's types (PER, ORG, LOC or {@code O}) */
    public MiscRetyper(Function<List<String>, List<String>> otherModel) {
        this.otherModel = otherModel;
    }

    /** Re-types the MISC runs of {@code types} (one sentence's labels, changed in place). */
    public void retype(List<String> words, List<String> types) {
        if (types.contains(EntityRecognizer.MISC)) {
            retypeMisc(types, labelsAroundMisc(words, types));
        }
    }

    /** The other model's labels over the {@link #miscWindows} of {@code types}, {@code O} elsewhere. */
    private List<String> labelsAroundMisc(List<String> words, List<String> types) {
        List<String> other = new ArrayList<>(Collections.nCopies(words.size(), EntityRecognizer.OUTSIDE));
        for (int[] window : miscWindows(types, CONTEXT)) {
            List<String> labels = otherModel.apply(words.subList(window[0], window[1]));
            for (int k = 0; k < labels.size(); k++) {
                other.set(window[0] + k, labels.get(k));
            }
        }
        return other;
    }

    /** [from, to) token ranges: each MISC run with {@code context} tokens either side, overlapping or touching ranges merged. */
    static List<int[]> miscWindows(List<String> types, int context) {
        List<int[]> windows = new ArrayList<>();
        for (int[] run : miscRuns(types)) {
            int from = Math.max(0, run[0] - context);
            int to = Math.min(types.size(), run[1] + context);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = to;
            } else {
                windows.add(new int[] {from, to});
            }
        }
        return windows;
    }

    /** Re-types each MISC run of {@code types} that {@code other} labels as exactly one run of one type. */
    static void retypeMisc(List<String> types, List<String> other) {
        for (int[] run : miscRuns(types)) { // runs found before any is re-typed
            int i = run[0];
            int end = run[1];
            String type = other.get(i);
            boolean sameRun = !type.equals(EntityRecognizer.OUTSIDE) && !type.equals(EntityRecognizer.MISC)
                    && (i == 0 || !other.get(i - 1).equals(type)) && (end == other.size() || !other.get(end).equals(type));
            for (int k = i; k < end && sameRun; k++) {
                sameRun = other.get(k).equals(type);
            }
            if (sameRun) {
                for (int k = i; k < end; k++) {
                    types.set(k, type);
                }
            }
        }
    }

    /** [start, end) of each maximal run of MISC labels. */
    private static List<int[]> miscRuns(List<String> types) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < types.size()) {
            if (!types.get(i).equals(EntityRecognizer.MISC)) {
                i++;
                continue;
            }
            int end = i;
            while (end < types.size() && types.get(end).equals(EntityRecognizer.MISC)) {
                end++;
            }
            runs.add(new int[] {i, end});
            i = end;
        }
        return runs;
    }
}

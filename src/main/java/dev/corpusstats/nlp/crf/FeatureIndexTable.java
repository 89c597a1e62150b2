package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.util.Index;

/**
 * A read-only copy of a CRF's feature index (feature string to number) laid out for fast lookups.
 *
 * <p>Why: {@link CliqueFeatureCache} looks up ~10 feature strings per token and model, most of them
 * absent from the model, in an index of 10^5 to 10^6 strings; in CoreNLP's {@code HashIndex} (a
 * {@code HashMap<String, Integer>}) each lookup walks a bucket, a node, the key and a boxed value,
 * mostly cache misses. Here a slot is one {@code long} (the string's hash and its number, open
 * addressing): a string the model lacks usually costs a single memory access, and a known one is
 * confirmed by comparing it with the index's own string.
 */
final class FeatureIndexTable {
    private final long[] slots; // (hash << 32) | (index + 1); 0 = empty
    private final String[] features;
    private final int mask;

    FeatureIndexTable(Index<String> index) {
        int size = index.size();
        features = new String[size];
        long wanted = Long.highestOneBit(Math.max(4L, size + size / 2L)) << 1; // at most 2/3 full
        if (wanted > 1 << 30) {
            throw new IllegalArgumentException("feature index too large for a table: " + size + " features");
        }
        int capacity = (int) wanted;
        slots = new long[capacity];
        mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            String feature = index.get(i);
            features[i] = feature;
            if (feature == null || indexOf(feature) >= 0) {
                continue; // an index holds each string once; keep the first if not
            }
            int hash = feature.hashCode();
            int slot = spread(hash) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = ((long) hash << 32) | (i + 1L);
        }
    }

    /** The feature's number in the model's index, or -1 if the model does not know it (as {@code Index.indexOf}). */
    int indexOf(String feature) {
        if (feature == null) {
            return -1;
        }
        int hash = feature.hashCode();
        int slot = spread(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int index = (int) entry - 1;
                if (feature.equals(features[index])) {
                    return index;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Mixes the high bits into the low ones that pick the slot (String hashes of similar strings differ mostly there). */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

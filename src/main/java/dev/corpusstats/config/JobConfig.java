package dev.corpusstats.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.Serializable;

/**
 * The job's settings, bound from {@code conf/corpus-stats.yaml} and command-line overrides. Every
 * key, its default and its meaning is listed in the README; unknown keys are rejected.
 *
 * <p>Plain public fields keep the YAML-to-object mapping obvious; {@link ConfigLoader#validate}
 * checks values after binding. The object is small and serializable: Spark ships it to executors.
 */
public final class JobConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public Input input = new Input();
    public Output output = new Output();
    public Terms terms = new Terms();
    public Collocations collocations = new Collocations();
    public Dedupe dedupe = new Dedupe();

    /** Where documents come from and how they are parsed. */
    public static final class Input implements Serializable {
        private static final long serialVersionUID = 1L;
        /** File, directory or glob; local path or any Hadoop filesystem URI. */
        public String path = "seeds";
        /** auto (by file extension), text, jsonl, csv or parquet. */
        public String format = "auto";
        @JsonProperty("id_column")
        public String idColumn = "id";
        @JsonProperty("text_column")
        public String textColumn = "text";
        /** Optional: records without it have a null title. */
        @JsonProperty("title_column")
        public String titleColumn = "title";
        /** Larger documents (after decompression) are rejected as too_large. */
        @JsonProperty("max_document_bytes")
        public long maxDocumentBytes = 10L * 1024 * 1024;
    }

    /** Where and how tables are written. */
    public static final class Output implements Serializable {
        private static final long serialVersionUID = 1L;
        public String path = "out";
        /** Keep each document's text in the documents table (offsets and keyword-in-context need it). */
        @JsonProperty("keep_text")
        public boolean keepText = true;
    }

    /** Term statistics. */
    public static final class Terms implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Longest n-gram counted, 1..3. */
        @JsonProperty("max_n")
        public int maxN = 3;
        /** A stop word file in Snowball format; null for the Snowball English list. */
        @JsonProperty("stop_words_file")
        public String stopWordsFile;
    }

    /** The collocations table. */
    public static final class Collocations implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Bigrams seen fewer times in the corpus are left out. */
        @JsonProperty("min_count")
        public int minCount = 2;
    }

    /** Documents whose text is identical. */
    public static final class Dedupe implements Serializable {
        private static final long serialVersionUID = 1L;
        /**
         * True: a text seen in several documents counts once in corpus statistics (the first doc_id in
         * order stands for it; the others name it in documents.duplicate_of). False: every copy counts.
         */
        @JsonProperty("count_duplicates_once")
        public boolean countDuplicatesOnce = true;
    }
}

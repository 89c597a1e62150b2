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
    public Entities entities = new Entities();

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
        /** Write report.html, a self-contained page showing the run, beside the tables. */
        public boolean report = true;
        /** Documents listed in report.html (the first ones by doc_id), to bound its size. */
        @JsonProperty("report_documents")
        public int reportDocuments = 2000;
        /**
         * overwrite: the tables live at the output root and each run replaces them. runs: each run is
         * published as {@code runs/run=NAME/} and {@code LATEST} names the greatest run name published. Either way a run
         * writes into {@code _attempts/RUN_ID/} and publishes only when complete.
         */
        public String layout = "overwrite";
        /** The run's folder name in the runs layout; null: the start time, e.g. 20261129T014730Z. */
        @JsonProperty("run_name")
        public String runName;
        /**
         * Keep per-document analyses (keyed by content hash) with the output and reuse those of the
         * previous published run: only new or changed documents go through the NLP.
         */
        public boolean incremental = false;
        /**
         * Tables written at once, and report queries run at once. Each is a few small Spark jobs; while
         * the driver plans and schedules one, another's tasks keep the cores busy. 1: one after another.
         */
        @JsonProperty("parallel_writes")
        public int parallelWrites = 3;
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

    /** Named-entity recognition and the entity tables. */
    public static final class Entities implements Serializable {
        private static final long serialVersionUID = 1L;
        /** False: no NER; the entity tables are written empty. */
        public boolean enabled = true;
        /** CoreNLP CRF model: a classpath resource (the application jar holds this one) or a file. */
        public String model = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
        /**
         * A second CRF decoded together with {@link #model}: the labels that maximize the sum of both
         * models' log-probabilities (docs/NER.md); null for the main model alone.
         */
        @JsonProperty("expert_model")
        public String expertModel = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
        /** A PER/ORG/LOC model that re-types the MISC spans found (docs/NER.md); null for none. */
        @JsonProperty("misc_retype_model")
        public String miscRetypeModel;
        /** Apply the document-level label consistency rules after the CRF (docs/NER.md). */
        @JsonProperty("document_rules")
        public boolean documentRules = true;
        /** Optional alias file, {@code alias<TAB>canonical} per line, merging known equivalent names. */
        @JsonProperty("alias_file")
        public String aliasFile;
        /** Terms kept per entity in entity_terms. */
        @JsonProperty("top_terms")
        public int topTerms = 10;
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

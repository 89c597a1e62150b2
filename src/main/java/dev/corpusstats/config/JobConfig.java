package dev.corpusstats.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The job's settings, bound from {@code conf/corpus-stats.yaml} and command-line overrides. This is
 * the one place each setting is declared: its YAML key, its default (the field's initial value) and
 * its validation ({@code validate} of its section). docs/CONFIGURATION.md lists every key with its
 * default, and {@code ConfigurationDocTest} checks the two agree; unknown keys are rejected.
 *
 * <p>Plain public fields keep the YAML-to-object mapping obvious. The object is small and
 * serializable: Spark ships it to executors.
 */
public final class JobConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public Input input = new Input();
    public Output output = new Output();
    public Terms terms = new Terms();
    public Collocations collocations = new Collocations();
    public Dedupe dedupe = new Dedupe();
    public Entities entities = new Entities();
    public Trends trends = new Trends();
    public Bursts bursts = new Bursts();
    public Facets facets = new Facets();

    /** Checks values that bind but make no sense; throws a {@link ConfigException} naming the first bad key. */
    public void validate() {
        // A section set to null (input: ~, or --set input=null) would otherwise fail with a NullPointerException.
        requireSection(input, "input").validate();
        requireSection(output, "output").validate();
        requireSection(terms, "terms").validate();
        requireSection(collocations, "collocations").validate();
        requireSection(dedupe, "dedupe");
        requireSection(entities, "entities").validate();
        requireSection(trends, "trends").validate();
        requireSection(bursts, "bursts").validate();
        requireSection(facets, "facets").validate();
    }

    /** Where documents come from and how they are parsed. */
    public static final class Input implements Serializable {
        private static final long serialVersionUID = 1L;
        /** File, directory or glob; local path or any Hadoop filesystem URI. */
        public String path = "seeds";
        /** How files are parsed; {@code auto} chooses by extension. */
        public InputFormat format = InputFormat.AUTO;
        @JsonProperty("id_column")
        public String idColumn = "id";
        @JsonProperty("text_column")
        public String textColumn = "text";
        /** Optional: records without it have a null title. */
        @JsonProperty("title_column")
        public String titleColumn = "title";
        /**
         * The most {@link #maxDocumentBytes} may be: a reader holds a record's bytes and then its text in
         * memory at once, and a Java array stops short of 2 GiB.
         */
        public static final long MAX_DOCUMENT_BYTES_CEILING = 512L * 1024 * 1024;

        /** Larger documents (after decompression) are rejected as too_large. */
        @JsonProperty("max_document_bytes")
        public long maxDocumentBytes = 10L * 1024 * 1024;

        /** JSON Lines / CSV / Parquet: the field holding the publication date; null for none. */
        @JsonProperty("date_column")
        public String dateColumn;
        /** A {@code java.time} pattern for the date field; null: ISO 8601, RFC 1123/822 or epoch seconds/milliseconds. */
        @JsonProperty("date_format")
        public String dateFormat;
        /** The zone of dates and date-times written without an offset. */
        @JsonProperty("time_zone")
        public String timeZone = "UTC";
        /** JSON Lines / CSV / Parquet: fields whose values (a string, or a list of strings) are the document's facets. */
        @JsonProperty("facet_columns")
        public List<String> facetColumns = new ArrayList<>();
        /**
         * Text files: a pattern over the path relative to the input root naming a date and facets,
         * e.g. {@code {category}/*} or {@code {date:yyyy/MM/dd}/**}; null for none.
         */
        @JsonProperty("path_pattern")
        public String pathPattern;
        /** Dates before this day (UTC) are out of range. */
        @JsonProperty("earliest_date")
        public String earliestDate = "1900-01-01";
        /** Dates on or after this day (UTC) are out of range; null: any after the day that follows the run's start day. */
        @JsonProperty("latest_date")
        public String latestDate;

        void validate() {
            require(path != null && !path.isBlank(), "input.path", "must be set");
            require(format != null, "input.format", "must be one of " + ConfigLoader.codes(InputFormat.class));
            require(idColumn != null && !idColumn.isBlank(), "input.id_column", "must be set");
            require(textColumn != null && !textColumn.isBlank(), "input.text_column", "must be set");
            require(maxDocumentBytes > 0 && maxDocumentBytes <= MAX_DOCUMENT_BYTES_CEILING, "input.max_document_bytes",
                    "must be positive and at most " + MAX_DOCUMENT_BYTES_CEILING + " (512 MiB), got " + maxDocumentBytes);
            require(dateColumn == null || !dateColumn.isBlank(), "input.date_column", "must be a field name or null");
            if (dateFormat != null) {
                try {
                    DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("bad value for 'input.date_format': not a java.time pattern: " + e.getMessage());
                }
            }
            try {
                ZoneId.of(timeZone == null ? "" : timeZone);
            } catch (DateTimeException e) {
                throw new ConfigException("bad value for 'input.time_zone': not a time zone id (UTC, Europe/London, +01:00): '"
                        + timeZone + "'");
            }
            require(facetColumns != null, "input.facet_columns", "must be a list of field names ([] for none)");
            Set<String> names = new HashSet<>();
            for (String name : facetColumns) {
                require(name != null && !name.isBlank(), "input.facet_columns", "a facet column must be a field name");
                require(!name.equals(Facets.PERIOD), "input.facet_columns", "'" + Facets.PERIOD
                        + "' is the facet of each document's time period; rename the column's facet");
                require(names.add(name), "input.facet_columns", "'" + name + "' is listed twice");
            }
            require(pathPattern == null || !pathPattern.isBlank(), "input.path_pattern", "must be a pattern or null");
            LocalDate earliest = day(earliestDate, "input.earliest_date");
            require(earliest != null, "input.earliest_date", "must be a day (yyyy-MM-dd)");
            LocalDate latest = day(latestDate, "input.latest_date");
            require(latest == null || latest.isAfter(earliest), "input.latest_date", "must be after input.earliest_date");
        }

        /** The first instant out of range: {@link #latestDate}, or two days after {@code runStart}'s day began (UTC). */
        public Instant latestInstant(Instant runStart) {
            LocalDate latest = latestDate != null ? LocalDate.parse(latestDate)
                    : runStart.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2);
            return latest.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public Instant earliestInstant() {
            return LocalDate.parse(earliestDate).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        private static LocalDate day(String value, String key) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                throw new ConfigException("bad value for '" + key + "': must be a day (yyyy-MM-dd), got '" + value + "'");
            }
        }
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
        /** Where a run is published; either way it writes into {@code _attempts/RUN_ID/} first. */
        public OutputLayout layout = OutputLayout.OVERWRITE;
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

        void validate() {
            require(path != null && !path.isBlank(), "output.path", "must be set");
            require(layout != null, "output.layout", "must be one of " + ConfigLoader.codes(OutputLayout.class));
            if (runName != null) {
                require(runName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}"), "output.run_name",
                        "letters, digits, '.', '_' and '-' only (it names a folder), got '" + runName + "'");
            }
            require(parallelWrites >= 1 && parallelWrites <= 16, "output.parallel_writes", "must be 1..16, got " + parallelWrites);
            require(reportDocuments >= 0, "output.report_documents", "must not be negative, got " + reportDocuments);
        }
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

        void validate() {
            require(maxN >= 1 && maxN <= 3, "terms.max_n", "must be 1, 2 or 3, got " + maxN);
            requireFileOrNull(stopWordsFile, "terms.stop_words_file");
        }
    }

    /** The collocations table. */
    public static final class Collocations implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Bigrams seen fewer times in the corpus are left out. */
        @JsonProperty("min_count")
        public int minCount = 2;

        void validate() {
            require(minCount >= 1, "collocations.min_count", "must be at least 1, got " + minCount);
        }
    }

    /** Named-entity recognition and the entity tables. */
    public static final class Entities implements Serializable {
        private static final long serialVersionUID = 1L;
        /** CoreNLP's 4-class CoNLL model (PER, ORG, LOC, MISC), which the application jar holds. */
        public static final String CONLL_4CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
        /** CoreNLP's 3-class model (PER, ORG, LOC), which the application jar holds. */
        public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

        /** False: no NER; the entity tables are written empty. */
        public boolean enabled = true;
        /** CRF model: a classpath resource or a file. */
        public String model = CONLL_4CLASS;
        /**
         * A second CRF decoded together with {@link #model}: the labels that maximize the sum of both
         * models' log-probabilities (docs/NER.md); null for the main model alone.
         */
        @JsonProperty("expert_model")
        public String expertModel = ALL_3CLASS;
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

        void validate() {
            require(model != null && !model.isBlank(), "entities.model", "must be set");
            require(expertModel == null || !expertModel.isBlank(), "entities.expert_model", "must be a model or null");
            require(miscRetypeModel == null || !miscRetypeModel.isBlank(), "entities.misc_retype_model", "must be a model or null");
            requireFileOrNull(aliasFile, "entities.alias_file");
            require(topTerms >= 1, "entities.top_terms", "must be at least 1, got " + topTerms);
        }
    }

    /** Documents per time period and the terms and entities over time. */
    public static final class Trends implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The period of periods, term_trends, entity_trends, bursts and the {@code period} facet: day, week (ISO) or month, in UTC. */
        public String period = "week";
        /** Terms (n = 1, 2) and entities in fewer corpus documents have no trends or bursts. */
        @JsonProperty("min_doc_count")
        public int minDocCount = 5;

        void validate() {
            require(period != null && List.of("day", "week", "month").contains(period), "trends.period",
                    "must be one of day, week, month, got '" + period + "'");
            require(minDocCount >= 1, "trends.min_doc_count", "must be at least 1, got " + minDocCount);
        }
    }

    /** Kleinberg's two-state burst automaton over each term's and entity's documents per period. */
    public static final class Bursts implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The burst state's rate is s times the base rate. */
        public double s = 2.0;
        /** The cost of entering the burst state is γ · ln(periods). */
        public double gamma = 1.0;

        void validate() {
            require(s > 1 && Double.isFinite(s), "bursts.s", "must be greater than 1, got " + s);
            require(gamma >= 0 && Double.isFinite(gamma), "bursts.gamma", "must be 0 or more, got " + gamma);
        }
    }

    /** What sets each facet value apart: facet_terms and facet_entities. */
    public static final class Facets implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The facet of each dated document's time period, at {@code trends.period}. */
        public static final String PERIOD = "period";
        /** Terms and entities kept per facet value, by log-likelihood ratio. */
        @JsonProperty("top_k")
        public int topK = 25;
        /** A term or entity must be in at least this many of a value's documents to characterise it. */
        @JsonProperty("min_doc_count")
        public int minDocCount = 3;

        void validate() {
            require(topK >= 1, "facets.top_k", "must be at least 1, got " + topK);
            require(minDocCount >= 1, "facets.min_doc_count", "must be at least 1, got " + minDocCount);
        }
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

    private static <T> T requireSection(T section, String key) {
        require(section != null, key, "must be a mapping of settings, not null");
        return section;
    }

    private static void requireFileOrNull(String file, String key) {
        if (file != null) {
            require(Files.isRegularFile(Path.of(file)), key, "file not found: " + file);
        }
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new ConfigException("bad value for '" + key + "': " + problem);
        }
    }
}

package dev.corpusstats.stats;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.TimePeriod;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.util.List;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The statistics tables of one run, from its analyzed documents and rejects: what each table is
 * built from, and which intermediate results several tables share. Those are cached, each built
 * once by the first table write that needs it, on that write's thread, so that planning them
 * overlaps the writes already running:
 * <ul>
 *   <li>{@code terms} (for doc_terms, collocations, entity_terms);</li>
 *   <li>the person links ({@link EntityLinks}, for every entity table);</li>
 *   <li>the linked mentions (for entity_mentions, entities, entity_cooccurrence);</li>
 *   <li>{@code doc_entities} (for entities, entity_cooccurrence, entity_trends, facet_entities);</li>
 *   <li>{@code doc_facets} (for facet_terms, facet_entities) and each dated document's period (for
 *       periods and the trends);</li>
 *   <li>the trends tables (for bursts).</li>
 * </ul>
 * The documents and tokens per period are gathered on the driver when first needed.
 * The document-term rows are not cached: exploding the cached analyses again costs less than a
 * columnar cache of them.
 */
public final class CorpusTables {
    /**
     * The order the writes start in: the cheap and independent tables first, then each shared input
     * before the tables that wait on it, so that the writes running at once rarely wait on each other.
     */
    public static final List<Table> WRITE_ORDER = List.of(Table.DOCUMENTS, Table.REJECTS, Table.DOC_FACETS, Table.PERIODS,
            Table.TERMS, Table.DOC_TERMS, Table.COLLOCATIONS, Table.TERM_TRENDS, Table.ENTITY_MENTIONS, Table.DOC_ENTITIES,
            Table.ENTITIES, Table.ENTITY_COOCCURRENCE, Table.ENTITY_TERMS, Table.ENTITY_TRENDS, Table.BURSTS,
            Table.FACET_TERMS, Table.FACET_ENTITIES);

    private final JobConfig config;
    private final Dataset<Row> analyzed;
    private final Dataset<Row> rejects;
    private final Dataset<Row> corpusDocuments;
    private final long documentCount;
    private final long unigramOccurrences;
    private final Dataset<Row> docTermCounts;
    private final Supplier<Dataset<Row>> terms;
    private final Supplier<Dataset<Row>> links;
    private final Supplier<Dataset<Row>> mentions;
    private final Supplier<Dataset<Row>> docEntities;
    private final TimePeriod period;
    private final Supplier<Dataset<Row>> docFacets;
    private final Supplier<Dataset<Row>> documentPeriods;
    private final Supplier<PeriodCounts> periodCounts;
    private final Supplier<Dataset<Row>> termTrends;
    private final Supplier<Dataset<Row>> entityTrends;

    private CorpusTables(JobConfig config, Dataset<Row> analyzed, Dataset<Row> rejects, Dataset<Row> corpusDocuments,
                         long documentCount, long unigramOccurrences, RunCaches caches) {
        this.config = config;
        this.analyzed = analyzed;
        this.rejects = rejects;
        this.corpusDocuments = corpusDocuments;
        this.documentCount = documentCount;
        this.unigramOccurrences = unigramOccurrences;
        this.docTermCounts = DocTermCounts.from(corpusDocuments);
        this.terms = new OnFirstUse<>(() -> caches.persist(TermsTable.from(docTermCounts, documentCount)));
        this.links = new OnFirstUse<>(() -> caches.persist(EntityLinks.from(DocEntitiesTable.perDocument(corpusDocuments))));
        this.mentions = new OnFirstUse<>(() -> caches.persist(EntityMentionsTable.linked(corpusDocuments, links.get())));
        this.docEntities = new OnFirstUse<>(() -> caches.persist(DocEntitiesTable.from(corpusDocuments, links.get())));
        this.period = TimePeriod.of(config.trends.period);
        this.docFacets = new OnFirstUse<>(() -> caches.persist(DocFacetsTable.from(analyzed, period)));
        this.documentPeriods = new OnFirstUse<>(() -> caches.persist(DocumentPeriods.of(corpusDocuments, period)));
        this.periodCounts = new OnFirstUse<>(() -> PeriodCounts.of(documentPeriods.get(), period));
        // The trends are read twice (written, then by the bursts) and can be large: on disk, not the heap
        this.termTrends = new OnFirstUse<>(() -> caches.persist(TermTrendsTable.from(docTermCounts, terms.get(),
                documentPeriods.get(), periods(), config.trends.minDocCount), StorageLevel.DISK_ONLY()));
        this.entityTrends = new OnFirstUse<>(() -> caches.persist(EntityTrendsTable.from(docEntities.get(),
                documentPeriods.get(), periods(), config.trends.minDocCount), StorageLevel.DISK_ONLY()));
    }

    private Dataset<Row> periods() {
        return PeriodsTable.from(analyzed.sparkSession(), periodCounts.get());
    }

    /**
     * The tables of these documents. Counts the corpus first (N and N₁, which several tables' formulas
     * need): that query is the first to read {@code analyzed}, so it runs the analysis, if it is
     * cached and not yet computed.
     *
     * @param analyzed {@link AnalyzeDocuments} rows
     * @param rejects  rejected reader rows ({@code ingest.ResolveDocuments})
     * @param caches   where the shared inputs are cached, for the run to unpersist
     */
    public static CorpusTables of(JobConfig config, Dataset<Row> analyzed, Dataset<Row> rejects, RunCaches caches) {
        Dataset<Row> corpusDocuments = DocTermCounts.corpusDocuments(analyzed, config.dedupe.countDuplicatesOnce);
        // N (documents) and N₁ (unigram occurrences) in one pass: Σ term_count = Σ terms.total_count for n = 1.
        Row totals = corpusDocuments.agg(count(lit(1)), coalesce(sum("term_count"), lit(0L))).first();
        return new CorpusTables(config, analyzed, rejects, corpusDocuments, totals.getLong(0), totals.getLong(1), caches);
    }

    /** N: the documents the statistics count. */
    public long corpusDocumentCount() {
        return documentCount;
    }

    /** The rows of {@code table}, as a plan: built when called, computed when written. */
    public Dataset<Row> plan(Table table) {
        return switch (table) {
            case DOCUMENTS -> DocumentsTable.from(analyzed, config.output.keepText);
            case REJECTS -> RejectsTable.from(rejects);
            case TERMS -> terms.get();
            case DOC_TERMS -> DocTermsTable.from(docTermCounts, terms.get());
            case COLLOCATIONS -> CollocationsTable.from(terms.get(), config.collocations.minCount, unigramOccurrences);
            case ENTITY_MENTIONS -> EntityMentionsTable.from(mentions.get());
            case DOC_ENTITIES -> docEntities.get();
            case ENTITIES -> EntitiesTable.from(mentions.get(), docEntities.get());
            case ENTITY_COOCCURRENCE -> EntityCooccurrenceTable.from(mentions.get(), docEntities.get(), documentCount);
            case ENTITY_TERMS -> EntityTermsTable.from(corpusDocuments, terms.get(), config.entities.topTerms, unigramOccurrences,
                    links.get());
            case DOC_FACETS -> docFacets.get();
            case PERIODS -> periods();
            case TERM_TRENDS -> termTrends.get();
            case ENTITY_TRENDS -> entityTrends.get();
            case BURSTS -> BurstsTable.from(termTrends.get(), entityTrends.get(), periodCounts.get(), config.bursts);
            case FACET_TERMS -> FacetTermsTable.from(docTermCounts, corpusDocuments, docFacets.get(), terms.get(),
                    config.facets.minDocCount, config.facets.topK);
            case FACET_ENTITIES -> FacetEntitiesTable.from(docEntities.get(), docFacets.get(), config.facets.minDocCount,
                    config.facets.topK);
        };
    }
}

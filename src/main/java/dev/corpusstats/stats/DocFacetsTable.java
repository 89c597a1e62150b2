package dev.corpusstats.stats;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.TimePeriod;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

/**
 * The {@code doc_facets} table: one (doc_id, facet, value) row per facet value of every document in
 * {@code documents}, duplicates included, and a {@code period} row for each dated one. A long table
 * rather than a column per facet or a map: any number of facets and of values per document, and a
 * plain join or filter in DuckDB, pandas or Spark.
 */
final class DocFacetsTable {
    private DocFacetsTable() {
    }

    /** @param analyzed {@link AnalyzeDocuments} rows, duplicates included */
    static Dataset<Row> from(Dataset<Row> analyzed, TimePeriod period) {
        Dataset<Row> read = analyzed.select(col("doc_id"), explode(col("facets")).as("f"))
                .select(col("doc_id"), col("f.facet").as("facet"), col("f.value").as("value"));
        Dataset<Row> periods = analyzed.filter(col("published_at").isNotNull())
                .select(col("doc_id"), lit(JobConfig.Facets.PERIOD).as("facet"),
                        DocumentPeriods.label(col("published_at"), period).as("value"));
        return Table.DOC_FACETS.select(read.unionByName(periods));
    }
}

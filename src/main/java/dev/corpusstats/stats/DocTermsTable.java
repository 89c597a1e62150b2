package dev.corpusstats.stats;

import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * The {@code doc_terms} table: per document and n-gram term, count, tf (count over the document's
 * n-grams of the same n), tfidf ({@link Formulas#tfidf}, idf from {@code terms}) and rank (1 =
 * highest tfidf in the document among terms of the same n; ties broken by term, so ranks are
 * deterministic).
 */
final class DocTermsTable {
    private DocTermsTable() {
    }

    /**
     * @param docTermCounts {@link DocTermCounts} rows, whose tf the NLP core computed per document
     *                      (a window over all rows would shuffle every one of them)
     * @param terms         the terms table
     */
    static Dataset<Row> from(Dataset<Row> docTermCounts, Dataset<Row> terms) {
        WindowSpec byScore = Window.partitionBy("doc_id", "n").orderBy(col("tfidf").desc(), col("term").asc());
        // Partitioned by doc_id once: the rank window (per doc_id and n) needs no shuffle of its own, and
        // Spark drops the writer's identical repartition(doc_id).
        return Table.DOC_TERMS.select(docTermCounts
                .join(terms.select("term", "n", "idf"), new String[] {"term", "n"})
                .repartition(col("doc_id"))
                .withColumn("tfidf", FormulaColumns.tfidf(col("tf"), col("idf")))
                .withColumn("rank", row_number().over(byScore)));
    }
}

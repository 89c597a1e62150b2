package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code entities} table: one row per corpus-wide entity, with its display name (the canonical
 * text its mentions resolve to most often among those with as many words as the entity's key, else
 * among all; ties: the alphabetically first), mention and document counts, and its variants (every
 * surface text seen, with counts, most frequent first).
 */
final class EntitiesTable {
    private EntitiesTable() {
    }

    /**
     * @param mentions    {@link EntityMentionsTable#linked} mentions (with their canonical texts)
     * @param docEntities the doc_entities table
     */
    static Dataset<Row> from(Dataset<Row> mentions, Dataset<Row> docEntities) {
        Dataset<Row> counts = docEntities.groupBy("entity_id")
                .agg(first("type").as("type"), sum("mentions").cast("long").as("mention_count"),
                        count(lit(1)).as("doc_count"));
        // Prefer a name with as many words as the entity's key: after corpus-level linking "PER:barack obama"
        // is named "Barack Obama" even where most documents only say "Obama".
        Dataset<Row> names = mentions.groupBy("entity_id", "canonical").agg(count(lit(1)).as("n"))
                .withColumn("fits", expr("size(split(canonical, ' ')) = size(split(substr(entity_id, instr(entity_id, ':') + 1), ' '))"))
                .withColumn("r", row_number().over(Window.partitionBy("entity_id")
                        .orderBy(col("fits").desc(), col("n").desc(), col("canonical"))))
                .filter("r = 1").select(col("entity_id"), col("canonical").as("name"));
        Dataset<Row> variants = mentions.groupBy("entity_id", "text").agg(count(lit(1)).as("count"))
                .groupBy("entity_id")
                .agg(expr("array_sort(collect_list(struct(text, count)), (a, b) -> case "
                        + "when a.count > b.count then -1 when a.count < b.count then 1 "
                        + "when a.text < b.text then -1 when a.text > b.text then 1 else 0 end)").as("variants"));
        return Table.ENTITIES.select(counts.join(names, "entity_id").join(variants, "entity_id"));
    }
}

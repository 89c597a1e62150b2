package dev.corpusstats.stats;

import dev.corpusstats.nlp.entities.EntityRecognizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

/**
 * Corpus-level person linking: a one-word person entity ("PER:obama", from documents that only say
 * "Obama") is the same entity as the multi-word person whose last word it is ("PER:barack obama"),
 * when that person is the only candidate or has at least {@value #DOMINANCE} times the mentions of the
 * next one ("Barack Obama" over "Michelle Obama"). Within a document the resolver already does this;
 * here it crosses documents. Computed as a join, never on the driver.
 */
final class EntityLinks {
    static final int DOMINANCE = 3;

    private EntityLinks() {
    }

    /** from_id → to_id for the one-word persons to merge, from {@link DocEntitiesTable#perDocument} rows. */
    static Dataset<Row> from(Dataset<Row> docEntities) {
        SparkSession spark = docEntities.sparkSession();
        docEntities.createOrReplaceTempView("link_doc_entities");
        return spark.sql("""
                WITH persons AS (
                  SELECT entity_id, substr(entity_id, 5) AS words, sum(mentions) AS m
                  FROM link_doc_entities WHERE type = '%s' GROUP BY entity_id
                ), candidates AS (
                  SELECT s.entity_id AS from_id, l.entity_id AS to_id, l.m,
                         row_number() OVER (PARTITION BY s.entity_id ORDER BY l.m DESC, l.entity_id) AS r,
                         lead(l.m) OVER (PARTITION BY s.entity_id ORDER BY l.m DESC, l.entity_id) AS next_m
                  FROM persons s JOIN persons l
                    ON instr(s.words, ' ') = 0 AND instr(l.words, ' ') > 0
                   AND element_at(split(l.words, ' '), -1) = s.words
                )
                SELECT from_id, to_id FROM candidates
                WHERE r = 1 AND (next_m IS NULL OR m >= %d * next_m)
                """.formatted(EntityRecognizer.PERSON, DOMINANCE));
    }

    /** Rows with {@code entity_id} rewritten through the links. */
    static Dataset<Row> relink(Dataset<Row> rows, Dataset<Row> links) {
        String[] columns = rows.columns();
        Column[] select = new Column[columns.length];
        for (int i = 0; i < columns.length; i++) {
            select[i] = columns[i].equals("entity_id") ? coalesce(col("to_id"), col("entity_id")).as("entity_id") : col(columns[i]);
        }
        return rows.join(links, rows.col("entity_id").equalTo(links.col("from_id")), "left").select(select);
    }
}

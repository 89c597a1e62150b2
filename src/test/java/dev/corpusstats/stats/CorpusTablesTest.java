package dev.corpusstats.stats;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.ingest.ReadCorpus;
import dev.corpusstats.output.Table;
import dev.corpusstats.testing.HandMade;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sourceRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@link CorpusTables}: N leaves out the duplicate, and every table's plan has the table's columns and types. */
class CorpusTablesTest {
    private static HandMade.Doc obamaAndKarzai(String docId) {
        return doc(docId).text("Obama met Karzai for peace talks. Peace talks resumed.").counts(2, 10)
                .term("obama", 1, 1, 0.125).term("meet", 1, 1, 0.125).term("karzai", 1, 1, 0.125).term("peace", 1, 2, 0.25)
                .term("talk", 1, 2, 0.25).term("resume", 1, 1, 0.125)
                .term("obama meet", 2, 1, 0.2).term("meet karzai", 2, 1, 0.2).term("peace talk", 2, 2, 0.4).term("talk resume", 2, 1, 0.2)
                .mention(0, 0, 5, "Obama", "PER", "Obama", "PER:obama").mention(0, 10, 16, "Karzai", "PER", "Karzai", "PER:karzai")
                .entityTerm("PER:obama", "meet", 1).entityTerm("PER:obama", "peace", 1).entityTerm("PER:obama", "talk", 1)
                .entityTerm("PER:karzai", "meet", 1).entityTerm("PER:karzai", "peace", 1).entityTerm("PER:karzai", "talk", 1)
                .entity("PER:obama", "Obama", "PER", 1, 0, 0.5).entity("PER:karzai", "Karzai", "PER", 1, 10, 0.5);
    }

    @Test
    void countsTheCorpusAndPlansEveryTableWithItsSchema() {
        Dataset<Row> analyzedRows = analyzed(
                obamaAndKarzai("d1").publishedAt("2026-02-10T09:00:00Z").facet("section", "world"),
                obamaAndKarzai("d2").duplicateOf("d1").publishedAt("2026-02-10T09:00:00Z"),
                doc("d3").text("Barack Obama visited Kabul.").counts(1, 5).publishedAt("2026-02-24T18:30:00Z")
                        .facet("section", "asia")
                        .term("barack", 1, 1, 0.25).term("obama", 1, 1, 0.25).term("visit", 1, 1, 0.25).term("kabul", 1, 1, 0.25)
                        .term("barack obama", 2, 1, 1.0 / 3).term("obama visit", 2, 1, 1.0 / 3).term("visit kabul", 2, 1, 1.0 / 3)
                        .mention(0, 0, 12, "Barack Obama", "PER", "Barack Obama", "PER:barack obama")
                        .mention(0, 21, 26, "Kabul", "LOC", "Kabul", "LOC:kabul")
                        .entityTerm("PER:barack obama", "visit", 1).entityTerm("PER:barack obama", "kabul", 1)
                        .entityTerm("LOC:kabul", "barack", 1).entityTerm("LOC:kabul", "obama", 1).entityTerm("LOC:kabul", "visit", 1)
                        .entity("PER:barack obama", "Barack Obama", "PER", 1, 0, 0.5).entity("LOC:kabul", "Kabul", "LOC", 1, 21, 0.5));
        Dataset<Row> rejects = frame(ReadCorpus.SCHEMA, sourceRecord("file:/in/empty.txt", "empty", null, null, null, 0L, null, "empty", null));
        RunCaches caches = new RunCaches();
        try {
            JobConfig config = new JobConfig();
            config.trends.minDocCount = 1;
            config.facets.minDocCount = 1;
            config.bursts.gamma = 0.1; // two documents: a cheap burst state, so that bursts has rows
            CorpusTables tables = CorpusTables.of(config, analyzedRows, rejects, caches);
            assertEquals(2, tables.corpusDocumentCount());
            for (Table table : Table.values()) {
                List<Row> rows = tables.plan(table).collectAsList();
                assertFalse(rows.isEmpty(), table.folder() + " has rows");
                StructField[] actual = rows.get(0).schema().fields();
                assertEquals(names(table.schema().fields()), names(actual), table.folder() + " columns");
                assertEquals(types(table.schema().fields()), types(actual), table.folder() + " types");
            }
        } finally {
            caches.unpersistAll(true);
        }
    }

    private static List<String> names(StructField[] fields) {
        return Arrays.stream(fields).map(StructField::name).toList();
    }

    private static List<String> types(StructField[] fields) {
        return Arrays.stream(fields).map(f -> f.dataType().simpleString()).toList();
    }
}

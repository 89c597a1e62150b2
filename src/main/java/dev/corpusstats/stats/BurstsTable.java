package dev.corpusstats.stats;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.BurstDetector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

/**
 * The {@code bursts} table: the intervals in which a term or entity is in Kleinberg's burst state
 * ({@link BurstDetector}, parameters {@code bursts.s} and {@code bursts.gamma}). Each key's batches
 * are the periods of {@code periods}, all of them: batch t has {@code periods.documents} documents,
 * of which the key's {@code doc_count} in its trends table are relevant (0 where it has no row).
 * {@code kind} is {@code term} (key: the term, as in term_trends) or {@code entity} (key: entity_id).
 */
final class BurstsTable {
    static final String TERM = "term";
    static final String ENTITY = "entity";

    private static final StructType BURST = new StructType()
            .add("start_period", DataTypes.StringType, false)
            .add("end_period", DataTypes.StringType, false)
            .add("weight", DataTypes.DoubleType, false)
            .add("documents", DataTypes.LongType, false);

    private BurstsTable() {
    }

    static Dataset<Row> from(Dataset<Row> termTrends, Dataset<Row> entityTrends, PeriodCounts periods, JobConfig.Bursts settings) {
        Dataset<Row> series = termTrends.select(lit(TERM).as("kind"), col("term").as("key"), col("period"), col("doc_count"))
                .unionByName(entityTrends.select(lit(ENTITY).as("kind"), col("entity_id").as("key"), col("period"), col("doc_count")));
        BurstDetector detector = new BurstDetector(settings.s, settings.gamma);
        UserDefinedFunction detect = udf((UDF1<Seq<Row>, Seq<Row>>) batches -> bursts(detector, periods, batches),
                DataTypes.createArrayType(BURST, false)).withName("bursts");
        return Table.BURSTS.select(series.groupBy(col("kind"), col("key"))
                .agg(collect_list(struct(col("period"), col("doc_count"))).as("series"))
                .select(col("kind"), col("key"), explode(detect.apply(col("series"))).as("b"))
                .select(col("kind"), col("key"), col("b.start_period").as("start_period"), col("b.end_period").as("end_period"),
                        col("b.weight").as("weight"), col("b.documents").as("documents")));
    }

    /** One key's bursts, from its (period, doc_count) rows. */
    static Seq<Row> bursts(BurstDetector detector, PeriodCounts periods, Seq<Row> batches) {
        long[] relevant = new long[periods.size()];
        for (Row batch : CollectionConverters.asJava(batches)) {
            relevant[periods.index(batch.getString(0))] = batch.getLong(1);
        }
        List<Row> rows = new ArrayList<>();
        for (BurstDetector.Burst b : detector.bursts(relevant, periods.documents())) {
            rows.add(RowFactory.create(periods.labels().get(b.start()), periods.labels().get(b.end()), b.weight(), b.relevant()));
        }
        return CollectionConverters.asScala(rows).toSeq();
    }
}

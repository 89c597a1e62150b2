package dev.corpusstats.stats;

import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Spark forms of the formulas give exactly what {@link Formulas} gives, to the last bit. */
class FormulaColumnsTest {
    @Test
    void eachColumnFunctionIsItsFormula() {
        StructType schema = new StructType()
                .add("a", DataTypes.LongType, false).add("b", DataTypes.LongType, false)
                .add("c", DataTypes.LongType, false).add("n", DataTypes.LongType, false)
                .add("tf", DataTypes.DoubleType, false).add("idf", DataTypes.DoubleType, false);
        List<Row> inputs = List.of(RowFactory.create(2L, 3L, 2L, 9L, 0.1, 1.7), RowFactory.create(5L, 5L, 5L, 5L, 1.0 / 3, 2.0),
                RowFactory.create(1L, 10L, 10L, 100L, 0.25, Math.log(11.0 / 2.0) + 1));
        List<Row> rows = TestSpark.session().createDataFrame(inputs, schema).select(
                FormulaColumns.idf(col("n"), col("a")), FormulaColumns.tfidf(col("tf"), col("idf")),
                FormulaColumns.pmi(col("a"), col("b"), col("c"), col("n")), FormulaColumns.npmi(col("a"), col("b"), col("c"), col("n")),
                FormulaColumns.logLikelihoodRatio(col("a"), col("b"), col("c"), col("n")),
                FormulaColumns.documentNpmi(col("a"), col("b"), col("c"), col("n"))).collectAsList();
        for (int i = 0; i < inputs.size(); i++) {
            Row in = inputs.get(i);
            Row out = rows.get(i);
            long a = in.getLong(0), b = in.getLong(1), c = in.getLong(2), n = in.getLong(3);
            assertEquals(Formulas.idf(n, a), out.getDouble(0));
            assertEquals(Formulas.tfidf(in.getDouble(4), in.getDouble(5)), out.getDouble(1));
            assertEquals(Formulas.pmi(a, b, c, n), out.getDouble(2));
            assertEquals(Formulas.npmi(a, b, c, n), out.getDouble(3));
            assertEquals(Formulas.logLikelihoodRatio(a, b, c, n), out.getDouble(4));
            assertEquals(Formulas.documentNpmi(a, b, c, n), out.getDouble(5));
        }
    }
}

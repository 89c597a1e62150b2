package dev.corpusstats.stats;

import dev.corpusstats.stats.core.Formulas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.udf;

/**
 * {@link Formulas} as Spark column functions, so that every table computes a statistic with exactly
 * the Java function its documentation defines; {@code FormulaColumnsTest} checks each against it.
 */
final class FormulaColumns {
    private static final UserDefinedFunction IDF = udf((UDF2<Long, Long, Double>) Formulas::idf, DataTypes.DoubleType).withName("idf");
    private static final UserDefinedFunction PMI = score("pmi", Formulas::pmi);
    private static final UserDefinedFunction NPMI = score("npmi", Formulas::npmi);
    private static final UserDefinedFunction LLR = score("llr", Formulas::logLikelihoodRatio);
    private static final UserDefinedFunction DOCUMENT_NPMI = score("document_npmi", Formulas::documentNpmi);

    private FormulaColumns() {
    }

    /** {@link Formulas#idf}. */
    static Column idf(Column corpusDocs, Column docCount) {
        return IDF.apply(corpusDocs, docCount);
    }

    /**
     * {@link Formulas#tfidf}, as Spark's own product: the same double multiplication, without a
     * function call per row of the largest table.
     */
    static Column tfidf(Column tf, Column idf) {
        return tf.multiply(idf);
    }

    /** {@link Formulas#pmi}. */
    static Column pmi(Column c12, Column c1, Column c2, Column n) {
        return PMI.apply(c12, c1, c2, n);
    }

    /** {@link Formulas#npmi}. */
    static Column npmi(Column c12, Column c1, Column c2, Column n) {
        return NPMI.apply(c12, c1, c2, n);
    }

    /** {@link Formulas#logLikelihoodRatio}. */
    static Column logLikelihoodRatio(Column c12, Column c1, Column c2, Column n) {
        return LLR.apply(c12, c1, c2, n);
    }

    /** {@link Formulas#documentNpmi}. */
    static Column documentNpmi(Column docsTogether, Column docsA, Column docsB, Column n) {
        return DOCUMENT_NPMI.apply(docsTogether, docsA, docsB, n);
    }

    private interface Score extends java.io.Serializable {
        double apply(long c12, long c1, long c2, long n);
    }

    private static UserDefinedFunction score(String name, Score f) {
        UDF4<Long, Long, Long, Long, Double> udf = (c12, c1, c2, n) -> f.apply(c12, c1, c2, n);
        return udf(udf, DataTypes.DoubleType).withName(name);
    }
}

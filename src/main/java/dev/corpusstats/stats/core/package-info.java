/**
 * The statistics core: pure functions and algorithms with no Spark types, which the NLP core and the
 * Spark tables both call, unit-tested in milliseconds.
 */
package dev.corpusstats.stats.core;

/**
 * The optional Spark engine of the data comparison (数据比对, docs/adr/0134): the platform's rules evaluated on
 * a Spark cluster, for province-size reference data. Rows are read from PostgreSQL over JDBC in partitions,
 * grouped by token, and each person's rows go through the platform's own rule code
 * ({@link org.siarchive.comparison.ComparisonChecks}), so the hits equal the in-process engine's. The holdings
 * statistics (docs/adr/0143) read the catalogue's items with the platform's item query and count them with its
 * classification ({@link org.siarchive.analytics.HoldingsClassification}).
 */
@NullMarked
package org.siarchive.spark;

import org.jspecify.annotations.NullMarked;

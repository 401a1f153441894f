package org.siarchive.spark;

import org.apache.spark.sql.SparkSession;

/** Spark in this JVM for tests: {@code local[2]}, bound to the loopback address, no web UI, few shuffle partitions. */
final class SparkSessions {

    private SparkSessions() {}

    static SparkSession local() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("siarchive-comparison-test")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}

package org.siarchive.search;

/**
 * Where {@link EntryFields} writes an item's fields: each backend turns the kinds below into its own (a Lucene
 * document's field classes, or the Solr schema's field types of the same name). The names and values are the same
 * on every backend; what a field does is its kind.
 */
interface IndexFields {

    /** Found by its exact value and shown: the item's id, its 档号. */
    void key(String name, String value);

    /** Found by its exact value (or a prefix of it), not shown: names, pinyin, blind-index tokens, scope. */
    void exact(String name, String value);

    /** Shown only. */
    void stored(String name, String value);

    /** Shown only, a number. */
    void storedNumber(String name, int value);

    /** The handling time, in epoch milliseconds: shown and sorted on. */
    void time(String name, long epochMillis);

    /** The item's 密级, filtered on as a range (a reader sees every level up to their clearance). */
    void clearance(String name, int level);

    /** Analysed text, not shown: the words, bigrams and 档号 grams fields. */
    void text(String name, String value);

    /** A facet value, counted over the hits and drilled down into through the {@code f_<dimension>} field. */
    void facet(String dimension, String value);
}

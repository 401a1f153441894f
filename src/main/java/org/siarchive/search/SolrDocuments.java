package org.siarchive.search;

import java.util.List;
import java.util.function.Function;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.jspecify.annotations.Nullable;

/**
 * The index layout ({@link EntryFields}) as Solr documents: every kind of field is a field of the same name, typed by
 * the configset's schema ({@code solr/siarchive/conf/schema.xml}); facet values go to {@code f_<dimension>}, which
 * has doc values for counting.
 */
final class SolrDocuments {

    /** The fields a hit is made of (and the shown text, for its snippet). */
    static final List<String> SHOWN = List.of(
            EntryFields.ID,
            "code",
            "title",
            "person",
            "employer",
            "category_code",
            "step_code",
            "insurance_type",
            "year_value",
            "handled",
            "responsible",
            "doc_date",
            "retention_code",
            "security_level",
            "page_count",
            EntryFields.DISPLAY);

    private final EntryFields fields;

    SolrDocuments(Function<String, byte @Nullable []> idIndex) {
        this.fields = new EntryFields(idIndex);
    }

    SolrInputDocument build(SearchEntry e) {
        var d = new SolrInputDocument();
        fields.write(e, new Fields(d));
        return d;
    }

    /** A found document as a hit, with its snippet. */
    static SearchHit hit(SolrDocument d, @Nullable String snippet) {
        return EntryFields.hit(d::getFirstValue, snippet);
    }

    /** Each kind of field as a plain field: the schema types it. */
    private record Fields(SolrInputDocument d) implements IndexFields {

        @Override
        public void key(String name, String value) {
            d.addField(name, value);
        }

        @Override
        public void exact(String name, String value) {
            d.addField(name, value);
        }

        @Override
        public void stored(String name, String value) {
            d.addField(name, value);
        }

        @Override
        public void storedNumber(String name, int value) {
            d.addField(name, value);
        }

        @Override
        public void time(String name, long epochMillis) {
            d.addField(name, epochMillis);
        }

        @Override
        public void clearance(String name, int level) {
            d.addField(name, level);
        }

        @Override
        public void text(String name, String value) {
            d.addField(name, value);
        }

        @Override
        public void facet(String dimension, String value) {
            d.addField("f_" + dimension, value);
        }
    }
}

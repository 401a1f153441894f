package org.siarchive.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules' JSON: the canonical form stored with each version and the catalogue file. Kept apart from
 * {@link RuleCatalogue} (a Spring bean) so that an engine outside the platform reads rules with the same mapper.
 */
final class RuleJson {

    static final String RESOURCE = "/comparison/rules.json";
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private record File(List<RuleDefinition> rules) {}

    private RuleJson() {}

    /** The rules of the catalogue file, validated. */
    static List<RuleDefinition> resource() {
        try (InputStream in = RuleJson.class.getResourceAsStream(RESOURCE)) {
            var rules = MAPPER.readValue(in, File.class).rules();
            rules.forEach(RuleDefinition::validate);
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String canonical(RuleDefinition rule) {
        return MAPPER.writeValueAsString(rule);
    }

    /** A stored version's definition, validated. */
    static RuleDefinition parse(String canonical) {
        var rule = MAPPER.readValue(canonical, RuleDefinition.class);
        rule.validate();
        return rule;
    }
}

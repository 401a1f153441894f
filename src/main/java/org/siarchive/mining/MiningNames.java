package org.siarchive.mining;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.siarchive.catalog.Catalog;
import org.springframework.context.MessageSource;

/**
 * What people read for the codes a run stores: business steps and materials by their names from the catalogue's
 * classification, regions by the unit names stored with the run, series and months from the bundles.
 */
final class MiningNames {

    private final Map<String, String> steps;
    private final Map<String, String> materials;
    private final Map<Long, String> regions;
    private final MessageSource messages;
    private final Locale locale;

    MiningNames(Catalog catalog, MiningResult result, MessageSource messages, Locale locale) {
        this(
                catalog.classification().steps().stream()
                        .collect(Collectors.toMap(s -> s.code(), s -> s.name(), (a, b) -> a)),
                catalog.classification().materials().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().name(), (a, b) -> a)),
                result.regionNames(),
                messages,
                locale);
    }

    MiningNames(
            Map<String, String> steps,
            Map<String, String> materials,
            Map<Long, String> regions,
            MessageSource messages,
            Locale locale) {
        this.steps = steps;
        this.materials = materials;
        this.regions = regions;
        this.messages = messages;
        this.locale = locale;
    }

    String step(String code) {
        return steps.getOrDefault(code, label("mining.name.unknownStep"));
    }

    String material(String code) {
        return materials.getOrDefault(code, label("mining.name.unknownMaterial"));
    }

    String materials(List<String> codes) {
        return codes.stream().map(this::material).collect(Collectors.joining(label("mining.name.and")));
    }

    String region(Long id) {
        String name = id == null ? null : regions.get(id);
        return name == null || name.isEmpty() ? label("mining.name.noRegion") : name;
    }

    /** The series a trend is of: 全部业务 (件/页/存储), a step, a region, or a step in a region. */
    String series(Trend t) {
        return switch (t.kind()) {
            case TOTAL -> label("mining.series.total." + t.measure());
            case STEP -> step(t.step());
            case REGION -> region(t.region());
            case STEP_REGION -> text("mining.series.stepInRegion", step(t.step()), region(t.region()));
        };
    }

    String month(int calendarMonth) {
        return text("mining.month", calendarMonth);
    }

    String label(String key) {
        return messages.getMessage(key, null, locale);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

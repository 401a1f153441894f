package org.siarchive.supervision;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The defaults a new inspection plan copies (docs/adr/0092): each KPI's target and weight
 * ({@code siarchive.supervision.kpi.<CODE>=target:weight}) and the checklist template
 * ({@code siarchive.supervision.checklist=CODE:max,…}, each code labelled {@code supervision.checklist.<CODE>}
 * in the bundles). Read once at start; a broken setting stops the start rather than a plan later.
 */
@Component
class SupervisionSettings {

    static final String DEFAULT_CHECKLIST = "RULES:8,STORAGE:8,SCOPE:8,FOUR_CHECKS:8,UTILISATION:8";

    /** A KPI's target and weight. */
    record Target(double target, double weight) {}

    /** One item of the checklist template: its code and maximum score. */
    record Item(String code, double maxScore) {}

    private final Map<InspectionKpi, Target> targets = new EnumMap<>(InspectionKpi.class);
    private final List<Item> checklist;

    SupervisionSettings(Environment env) {
        for (var k : InspectionKpi.values()) {
            String s = env.getProperty("siarchive.supervision.kpi." + k.name());
            targets.put(k, s == null ? new Target(k.defaultTarget(), k.defaultWeight()) : target(k, s));
        }
        checklist = checklist(env.getProperty("siarchive.supervision.checklist", DEFAULT_CHECKLIST));
    }

    Map<InspectionKpi, Target> targets() {
        return Map.copyOf(targets);
    }

    List<Item> checklist() {
        return checklist;
    }

    private static Target target(InspectionKpi k, String s) {
        String[] p = s.split(":");
        double t = Double.parseDouble(p[0].strip());
        double w = Double.parseDouble(p[1].strip());
        if (t <= 0 || w < 0 || k.share() && t > 1) {
            throw new IllegalStateException("siarchive.supervision.kpi." + k.name() + " out of range: " + s);
        }
        return new Target(t, w);
    }

    private static List<Item> checklist(String s) {
        var out = new ArrayList<Item>();
        for (String part : s.split(",")) {
            String[] p = part.strip().split(":");
            String code = p[0].strip();
            double max = Double.parseDouble(p[1].strip());
            if (!code.matches("[A-Z][A-Z0-9_]{0,31}") || max <= 0 || max > 100) {
                throw new IllegalStateException("siarchive.supervision.checklist item out of range: " + part);
            }
            out.add(new Item(code, max));
        }
        if (out.isEmpty() || out.size() > 50) {
            throw new IllegalStateException("siarchive.supervision.checklist needs 1 to 50 items");
        }
        return List.copyOf(out);
    }
}

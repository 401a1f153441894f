package org.siarchive.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The classification scheme and code tables as reference data (editable rows, read here as a snapshot). */
public record Classification(
        List<Category> categories,
        List<Step> steps,
        Map<String, Material> materials,
        Map<String, String> insuranceTypes,
        Map<String, String> certTypes,
        Map<String, String> securityLevels,
        Map<String, String> fonds) {

    public record Category(String code, String name) {}

    /** 业务环节 with the materials it files; {@code subject} is PERSON, EMPLOYER or ANY. */
    public record Step(
            String code,
            String name,
            String categoryCode,
            @Nullable String insuranceType,
            String subject,
            List<StepMaterial> materials) {}

    public record StepMaterial(String code, String name, boolean required) {}

    /** 业务材料 with the 归档范围条目 and retention it falls under. */
    public record Material(String code, String name, String scopeCode, String scopeName, String retentionCode) {}

    public @Nullable Step step(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }
}

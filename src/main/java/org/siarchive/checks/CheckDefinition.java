package org.siarchive.checks;

/** One check item: code {@code <stage>-<property>-<n>}, property 1 真实性 … 4 安全性, names in both languages. */
public record CheckDefinition(String code, Stage stage, int property, String nameZh, String nameEn) {

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }

    public static String propertyName(int property, boolean english) {
        return switch (property) {
            case 1 -> english ? "authenticity" : "真实性";
            case 2 -> english ? "integrity" : "完整性";
            case 3 -> english ? "usability" : "可用性";
            default -> english ? "security" : "安全性";
        };
    }
}

package org.siarchive.quality;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The mandatory descriptive fields of an item (必填著录项目: the DA/T 46 core elements and the business
 * handling fields): the one list that {@link Quality#check} refuses blank ("required") and that the filing
 * check's GD-2-4 item (DA/T 70-2018) reports by its Chinese name.
 */
public enum RequiredField {
    FONDS_CODE("fondsCode", "全宗号", Submission::fondsCode),
    TITLE("title", "题名", Submission::title),
    RESPONSIBLE("responsible", "责任者", Submission::responsible),
    DOC_DATE("docDate", "日期", Submission::docDate),
    ACCEPTANCE_NO("acceptanceNo", "业务受理号", Submission::acceptanceNo),
    BUSINESS_STEP("businessStep", "业务环节", Submission::businessStep),
    HANDLER("handler", "经办人", Submission::handler),
    HANDLING_AGENCY("handlingAgency", "经办机构", Submission::handlingAgency),
    HANDLED_AT("handledAt", "经办时间", Submission::handledAt);

    private static final Set<String> FIELDS =
            Arrays.stream(values()).map(RequiredField::field).collect(Collectors.toUnmodifiableSet());

    private final String field;
    private final String nameZh;
    private final Function<Submission, @Nullable String> value;

    RequiredField(String field, String nameZh, Function<Submission, @Nullable String> value) {
        this.field = field;
        this.nameZh = nameZh;
        this.value = value;
    }

    /** The field's name in a submission and in a violation ({@code title}). */
    public String field() {
        return field;
    }

    /** The name an archivist reads in a check report (题名). */
    public String nameZh() {
        return nameZh;
    }

    /** Whether the submission field of this name is mandatory. */
    public static boolean isRequired(String field) {
        return FIELDS.contains(field);
    }

    /** Every mandatory field of {@code s} by its Chinese name, in this list's order, with its value as sent. */
    public static Map<String, @Nullable String> of(Submission s) {
        var out = new LinkedHashMap<String, @Nullable String>();
        for (var f : values()) {
            out.put(f.nameZh, f.value.apply(s));
        }
        return out;
    }
}

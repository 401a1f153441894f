package org.siarchive.quality;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Descriptive metadata of one item (件) as a business system or clerk submits it: DA/T 46 core
 * elements plus the social-insurance fields. Strings as received; {@link Quality} says what is wrong.
 */
public record Submission(
        @Nullable String fondsCode,
        @Nullable String acceptanceNo,
        @Nullable String businessStep,
        @Nullable String insuranceType,
        @Nullable String title,
        @Nullable String responsible,
        @Nullable String docDate,
        @Nullable String docNo,
        @Nullable String securityLevel,
        @Nullable Person person,
        @Nullable Employer employer,
        @Nullable String handler,
        @Nullable String handlingAgency,
        @Nullable String handledAt,
        @Nullable List<Material> files) {

    /** 参保人 as named on the material; phone and bank account (社保卡银行账号) are optional. */
    public record Person(
            @Nullable String certType,
            @Nullable String certNo,
            @Nullable String name,
            @Nullable String phone,
            @Nullable String bankAccount) {

        public Person(@Nullable String certType, @Nullable String certNo, @Nullable String name) {
            this(certType, certNo, name, null, null);
        }
    }

    /** 参保单位 as named on the material. */
    public record Employer(@Nullable String creditCode, @Nullable String name) {}

    /** What one uploaded file is: its 材料 code, in the order of the uploaded parts. */
    public record Material(@Nullable String material) {}

    public List<Material> filesOrEmpty() {
        return files == null ? List.of() : files;
    }
}

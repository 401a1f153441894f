package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Register;
import org.springframework.context.MessageSource;

/**
 * The 目录 register in the layout archive staff keep: 序号, 档号, 题名, 责任者, 日期, 保管期限, 密级, 页数, 备注. Search
 * results, 一人一档 and 一企一档 print through it; coded cells (保管期限, 密级) are named in the reader's language.
 */
public final class DirectoryRegister {

    /** The 保管期限 codes (glossary), longest first. */
    public static final List<String> RETENTION_CODES = List.of("Y", "D100", "D50", "D30", "D10");

    private static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("register.col.seq", 5),
            Register.Column.of("register.col.archiveCode", 26),
            Register.Column.of("register.col.title", 40),
            Register.Column.of("register.col.responsible", 16),
            Register.Column.of("register.col.date", 11),
            Register.Column.of("register.col.retention", 8),
            Register.Column.of("register.col.security", 6),
            Register.Column.of("register.col.pages", 5),
            Register.Column.of("register.col.remarks", 12));

    private final MessageSource messages;
    private final Locale locale;

    public DirectoryRegister(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** One item of the 目录; {@code seq} counts from 1, the codes are labelled here. */
    public record Line(
            String archiveCode,
            String title,
            @Nullable String responsible,
            @Nullable LocalDate date,
            @Nullable String retentionCode,
            @Nullable String securityLevel,
            @Nullable Integer pages,
            @Nullable String remarks) {}

    public Register of(String titleKey, List<Line> lines) {
        var rows = new java.util.ArrayList<List<?>>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            var l = lines.get(i);
            rows.add(Arrays.asList(
                    i + 1,
                    l.archiveCode(),
                    l.title(),
                    l.responsible(),
                    l.date(),
                    retention(l.retentionCode()),
                    security(l.securityLevel()),
                    l.pages(),
                    l.remarks()));
        }
        return new Register(titleKey, COLUMNS, rows);
    }

    /** A 保管期限 code's name (永久, 30年 …); the code itself when unknown. */
    public @Nullable String retention(@Nullable String code) {
        return code == null ? null : messages.getMessage("directory.retention." + code, null, code, locale);
    }

    /** A 密级 code's name (公开, 内部, 敏感); the code itself when unknown. */
    public @Nullable String security(@Nullable String code) {
        return code == null ? null : messages.getMessage("directory.security." + code, null, code, locale);
    }
}

package org.siarchive.support.corpus;

import org.jspecify.annotations.Nullable;

/**
 * What is printed on the page that a reader must be able to extract (null when the layout has no such
 * field): the form title (a material name of the classification), the person's name, 公民身份号码, the
 * organisation's 统一社会信用代码 and the form's own date (ISO {@code yyyy-MM-dd}; the page prints it in
 * one of the usual Chinese forms).
 */
public record Printed(
        String formTitle,
        @Nullable String name,
        @Nullable String idNumber,
        @Nullable String creditCode,
        @Nullable String date) {}

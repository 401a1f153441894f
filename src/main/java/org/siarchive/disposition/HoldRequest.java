package org.siarchive.disposition;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFacts;

/**
 * A legal hold as asked for, from the API or the console: case type (AUDIT 稽核, LITIGATION 诉讼, PETITION
 * 信访, OTHER), case reference, reason, owner (default the placer) and the subject — ITEMS (archiveCodes
 * and/or itemIds), PERSON (idNumber), EMPLOYER (creditCode) or QUERY (query). Only the subject's fields are read.
 */
public record HoldRequest(
        @Nullable String caseType,
        @Nullable String caseRef,
        @Nullable String reason,
        @Nullable String owner,
        @Nullable String subject,
        @Nullable List<String> archiveCodes,
        @Nullable List<String> itemIds,
        @Nullable String idNumber,
        @Nullable String creditCode,
        ItemFacts.@Nullable Criteria query) {}

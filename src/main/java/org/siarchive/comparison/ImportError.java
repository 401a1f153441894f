package org.siarchive.comparison;

import org.jspecify.annotations.Nullable;

/** One broken rule in one column of one row; the value only masked (reference_import_error). */
record ImportError(long rowNo, String column, String rule, @Nullable String valueMasked) {}

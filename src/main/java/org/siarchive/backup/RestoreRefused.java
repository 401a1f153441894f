package org.siarchive.backup;

import java.util.List;

/** A backup that cannot be restored as it is, with every problem found; nothing was written. */
public class RestoreRefused extends RuntimeException {

    private final List<String> problems;

    RestoreRefused(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package org.siarchive.capture;

/**
 * The sender's file name is kept as descriptive metadata only: directories, control characters and
 * excess length are stripped so it can never act as a path or break a page.
 */
final class OriginalNames {

    private OriginalNames() {}

    static String clean(String raw) {
        String name = raw == null ? "" : raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "unnamed";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}

package org.siarchive.preservation;

/** A file to put into an object version: the staged upload and where it goes inside the object. */
public record StoredFile(String logicalPath, java.nio.file.Path source) {}

package org.siarchive.preservation;

/**
 * A reason the file policy found in a file's bytes: {@code rule} is the stable code a refusal names
 * (e.g. {@code file.activeContent}), {@code detail} says what was found, in Chinese, for the archivist.
 * {@code refused} is false only for hazards the policy is set to flag rather than refuse.
 */
public record FileHazard(String rule, String detail, boolean refused) {}

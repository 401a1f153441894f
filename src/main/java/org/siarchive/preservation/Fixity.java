package org.siarchive.preservation;

/** Size and both digests of one byte stream, hex lower-case. SM3 per GB/T 32905, SHA-256 beside it. */
public record Fixity(long size, String sm3, String sha256) {}

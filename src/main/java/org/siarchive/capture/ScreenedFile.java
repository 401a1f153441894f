package org.siarchive.capture;

/** What the capture checks found an upload to be: its media type, size and SHA-256. */
public record ScreenedFile(String mediaType, long size, String sha256) {}

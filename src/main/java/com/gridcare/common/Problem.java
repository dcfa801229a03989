package com.gridcare.common;

import java.util.List;

/**
 * An RFC 7807 problem: {@code type} is stable ({@code urn:gridcare:problem:<slug>}) and is what clients branch on;
 * {@code detail} is for people and never carries internals or personal data.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem("urn:gridcare:problem:" + slug, title, status, detail, instance, null);
    }
}

package com.gridcare.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/**
 * Chinese texts from a UTF-8 properties resource, so wording is edited without touching code. Arguments fill
 * {@link MessageFormat} placeholders; callers pass them formatted already.
 */
public final class ResourceTexts {

    private final String resource;
    private final Properties texts = new Properties();

    private ResourceTexts(String resource) {
        this.resource = resource;
        try (InputStream in = ResourceTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResourceTexts load(String resource) {
        return new ResourceTexts(resource);
    }

    public String text(String key, Object... arguments) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no text " + key + " in " + resource);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern).format(arguments);
    }
}

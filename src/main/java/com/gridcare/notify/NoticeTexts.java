package com.gridcare.notify;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/** The Chinese texts of notices, from {@code messages/notices.properties}, so wording changes never touch code. */
@ApplicationScoped
public class NoticeTexts {

    private final Properties texts = new Properties();

    public NoticeTexts() {
        try (var in = NoticeTexts.class.getResourceAsStream("/messages/notices.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("messages/notices.properties is part of the application", e);
        }
    }

    public String title(String key, Object... arguments) {
        return format(key + ".title", arguments);
    }

    public String text(String key, Object... arguments) {
        return format(key + ".text", arguments);
    }

    private String format(String key, Object... arguments) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no notice text " + key);
        }
        return new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(arguments);
    }
}

package com.gridcare.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Chinese texts residents read in WeChat, from {@value #RESOURCE} (UTF-8), so that wording is edited without
 * touching code. Arguments are {@link MessageFormat} placeholders; callers pass them as text, formatted already.
 */
@ApplicationScoped
public class WeChatTexts {

    static final String RESOURCE = "wechat/messages.properties";

    private final Properties texts = new Properties();

    public WeChatTexts() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String key, Object... arguments) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no WeChat text " + key);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern).format(arguments);
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }
}

package com.gridcare.wechat.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which keyword field of a topic's template message carries what ({@value #RESOURCE}): the keywords belong to the
 * template an operator picked in WeChat's library, so they are edited beside the texts, not in code.
 */
@ApplicationScoped
public class WeChatTemplates {

    static final String RESOURCE = "wechat/templates.properties";
    /** WeChat's format for a time keyword with its date. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** WeChat's length limits per keyword kind (the keyword's name without its number). */
    private static final Map<String, Integer> LIMITS = Map.of("thing", 20, "character_string", 32, "phrase", 5);

    private final Properties layout = new Properties();

    public WeChatTemplates() {
        try (InputStream in = WeChatTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            layout.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The keyword fields of {@code topic}'s template for a notice with {@code title}, written {@code at}, with
     * {@code data}; cut to WeChat's limits.
     */
    public Map<String, String> fields(WeChatMessenger.Topic topic, String title, ZonedDateTime at,
            Map<String, ?> data) {
        Map<String, String> values = new HashMap<>();
        data.forEach((name, value) -> values.put(name, String.valueOf(value)));
        values.put("title", title);
        values.put("time", TIME.format(at));
        Map<String, String> fields = new LinkedHashMap<>();
        String prefix = topic.name() + ".";
        for (String key : layout.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                String keyword = key.substring(prefix.length());
                fields.put(keyword, cut(keyword, fill(key, layout.getProperty(key), values)));
            }
        }
        return fields;
    }

    private static String fill(String key, String pattern, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException(key + " needs {" + placeholder.group(1) + "}: the notice lacks it");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(filled).toString();
    }

    private static String cut(String keyword, String value) {
        Integer limit = LIMITS.get(keyword.replaceAll("\\d+$", ""));
        if (limit == null || value.codePointCount(0, value.length()) <= limit) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, limit - 1)) + "…";
    }
}

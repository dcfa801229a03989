package com.gridcare.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;

/**
 * Brings a question and the knowledge base to one spelling before they are compared: full width to half width
 * (NFKC), lower case, traditional to simplified characters, markup and symbols (emoji, punctuation) dropped, and the
 * synonym list of {@code faq/synonyms.txt} applied. Both sides go through the same steps, so a synonym or a
 * conversion quirk can never make the knowledge base unreachable from its own phrasings.
 */
final class TextNormaliser {

    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|&[a-zA-Z#0-9]+;");
    /**
     * Runs of six or more digits are account, phone or ID numbers: they say which account, not what is asked, and
     * as words no topic knows they would only make the bot less sure ("0301000001 我这个月电费多少").
     */
    /**
     * Invisible characters (NUL, escapes, zero-width spaces) never separated the words the resident saw; removed
     * first, since the traditional-to-simplified conversion does not expect them.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final Pattern IDENTIFIER = Pattern.compile("\\d{6,}");

    private final Map<String, String> synonyms;
    private final int longestVariant;

    private TextNormaliser(Map<String, String> synonyms) {
        this.synonyms = synonyms;
        this.longestVariant = synonyms.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    static TextNormaliser fromResources() {
        return new TextNormaliser(readSynonyms("faq/synonyms.txt"));
    }

    String normalise(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        String plain = IDENTIFIER.matcher(MARKUP.matcher(Normalizer.normalize(visible, Normalizer.Form.NFKC))
                .replaceAll(" ")).replaceAll(" ");
        String simplified = HanLP.convertToSimplifiedChinese(plain.toLowerCase(Locale.ROOT));
        StringBuilder kept = new StringBuilder(simplified.length());
        boolean space = false;
        for (int i = 0; i < simplified.length(); ) {
            int codePoint = simplified.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                kept.appendCodePoint(codePoint);
                space = false;
            } else if (!space && kept.length() > 0) {
                kept.append(' ');
                space = true;
            }
        }
        return replaceSynonyms(kept.toString().strip());
    }

    /** Longest variant first, one pass left to right: a replacement is never replaced again. */
    private String replaceSynonyms(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (int length = Math.min(longestVariant, text.length() - i); length > 0; length--) {
                String canonical = synonyms.get(text.substring(i, i + length));
                if (canonical != null) {
                    out.append(canonical);
                    i += length;
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }

    private static Map<String, String> readSynonyms(String resource) {
        Map<String, String> variants = new HashMap<>();
        try (InputStream in = TextNormaliser.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                String canonical = line.substring(0, colon).strip();
                for (String variant : line.substring(colon + 1).split(",")) {
                    // Variants are matched against normalised text, so they are stored in that spelling too.
                    variants.put(HanLP.convertToSimplifiedChinese(variant.strip().toLowerCase(Locale.ROOT)), canonical);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variants;
    }
}

package com.gridcare.dataset;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The words the generator builds Chinese names and addresses from, kept in {@code dataset/vocabulary.properties}. */
record Vocabulary(String city, String[] districts, String[] surnames, String[] givenNames, String[] roads,
        String[] estates, String[] companyWords, String[] industries, String companySuffix, String[] shopWords,
        String substation, String feeder, String transformerArea, String gridArea, String districtSupervisor,
        String houseNumber, String building, String room) {

    static Vocabulary load() {
        Properties words = new Properties();
        try (var in = Vocabulary.class.getResourceAsStream("/dataset/vocabulary.properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("dataset/vocabulary.properties is unreadable", e);
        }
        return new Vocabulary(words.getProperty("city"), list(words, "districts"), list(words, "surnames"),
                list(words, "given"), list(words, "roads"), list(words, "estates"), list(words, "company_words"),
                list(words, "industries"), words.getProperty("company_suffix"), list(words, "shop_words"),
                words.getProperty("substation"), words.getProperty("feeder"), words.getProperty("transformer_area"),
                words.getProperty("grid_area"), words.getProperty("district_supervisor"),
                words.getProperty("house_number"), words.getProperty("building"), words.getProperty("room"));
    }

    private static String[] list(Properties words, String key) {
        return words.getProperty(key).split(",");
    }
}

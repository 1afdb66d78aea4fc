package org.encaisse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Every task form exists in French and in English, the two alike in everything but their words: the same
 * fields, keys, choices' values, validation and conditions, so that a task completed in either language gives
 * the process the same variables. Each reads in one language only.
 */
class FormTwinsTests {

    /** What a person reads; everything else must be the same in both languages. */
    private static final Set<String> WORDS = Set.of("text", "label", "description", "dateLabel", "timeLabel", "placeholder");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFrenchFormHasItsEnglishTwin() throws IOException {
        List<Path> french = frenchForms();
        assertThat(french).hasSizeGreaterThanOrEqualTo(17);
        for (Path form : french) {
            Path english = englishOf(form);
            assertThat(english).as("English twin of " + form).exists();
            JsonNode fr = JSON.readTree(form.toFile());
            JsonNode en = JSON.readTree(english.toFile());
            assertThat(en.get("id").asText()).isEqualTo(fr.get("id").asText() + FormLanguage.ENGLISH_SUFFIX);
            assertThat(fr.get("id").asText() + ".form").isEqualTo(form.getFileName().toString());
            assertSameShape(fr.get("components"), en.get("components"), form + " components");
        }
    }

    @Test
    void eachFormReadsInOneLanguage() throws IOException {
        List<Path> all = new ArrayList<>(frenchForms());
        for (Path form : frenchForms()) {
            all.add(englishOf(form));
        }
        for (Path form : all) {
            List<String> words = new ArrayList<>();
            collectWords(JSON.readTree(form.toFile()), words);
            assertThat(words).as("labels of " + form).isNotEmpty()
                    .noneMatch(word -> word.contains(" / "));
        }
        JsonNode callFr = JSON.readTree(Path.of("forms/collection/CallCustomerForm.form").toFile());
        JsonNode callEn = JSON.readTree(Path.of("forms/collection/en/CallCustomerForm_en.form").toFile());
        assertThat(callFr.get("components").get(2).get("label").asText()).isEqualTo("Résultat de l'appel");
        assertThat(callEn.get("components").get(2).get("label").asText()).isEqualTo("Outcome");
    }

    private static void assertSameShape(JsonNode fr, JsonNode en, String where) {
        assertThat(en.getNodeType()).as(where).isEqualTo(fr.getNodeType());
        if (fr.isObject()) {
            assertThat(iterable(en.fieldNames())).as(where + " fields").containsExactlyInAnyOrderElementsOf(iterable(fr.fieldNames()));
            for (Map.Entry<String, JsonNode> field : iterable(fr.fields())) {
                if (!WORDS.contains(field.getKey())) {
                    assertSameShape(field.getValue(), en.get(field.getKey()), where + "." + field.getKey());
                }
            }
        } else if (fr.isArray()) {
            assertThat(en.size()).as(where + " size").isEqualTo(fr.size());
            for (int i = 0; i < fr.size(); i++) {
                assertSameShape(fr.get(i), en.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(en).as(where).isEqualTo(fr);
        }
    }

    private static void collectWords(JsonNode node, List<String> words) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : iterable(node.fields())) {
                if (WORDS.contains(field.getKey()) && field.getValue().isTextual()) {
                    words.add(field.getValue().asText());
                } else {
                    collectWords(field.getValue(), words);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectWords(child, words));
        }
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static List<Path> frenchForms() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            return files.filter(path -> path.toString().endsWith(".form") && !path.getParent().endsWith("en")).sorted().toList();
        }
    }

    private static Path englishOf(Path french) {
        String name = french.getFileName().toString().replace(".form", FormLanguage.ENGLISH_SUFFIX + ".form");
        return french.getParent().resolve("en").resolve(name);
    }
}

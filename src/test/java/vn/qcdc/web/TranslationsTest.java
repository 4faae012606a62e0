package vn.qcdc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Vietnamese and English must say the same things: same keys, no empty value. */
class TranslationsTest {

    /** Every bundle Spring is told to read, and every bundle file there is: each must be in the other list. */
    static Stream<String> bundles() throws IOException {
        Set<String> configured = configuredBundles();
        Set<String> onDisk = new TreeSet<>();
        Path resources = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(resources)) {
            files.map(f -> resources.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith("_vi.properties") || f.endsWith("_en.properties"))
                    .map(f -> f.substring(0, f.length() - "_vi.properties".length()))
                    .forEach(onDisk::add);
        }
        assertThat(onDisk).as("bundle files on disk").isEqualTo(configured);
        return configured.stream();
    }

    private static Set<String> configuredBundles() throws IOException {
        String basename = null;
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.yaml"))) {
            if (line.trim().startsWith("basename:")) {
                basename = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        assertThat(basename).as("spring.messages.basename in application.yaml").isNotNull();
        return new TreeSet<>(Arrays.stream(basename.split(",")).map(String::trim).toList());
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void pageMessagesHaveTheSameKeysInBothLanguages(String bundle) throws IOException {
        assertThat(TranslationsTest.class.getClassLoader().getResource(bundle + "_vi.properties")).as(bundle + "_vi").isNotNull();
        assertThat(TranslationsTest.class.getClassLoader().getResource(bundle + "_en.properties")).as(bundle + "_en").isNotNull();
        Properties vi = properties(bundle + "_vi.properties");
        Properties en = properties(bundle + "_en.properties");
        assertThat(vi.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        vi.forEach((k, v) -> assertThat(v.toString()).as("vi " + k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void camundaTranslationHasEveryKeyOfTheEnglishOriginal(String app) throws IOException {
        String base = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
        JsonNode en = json(base + "en.json");
        JsonNode vi = json(base + "vi.json");
        assertThat(keys(vi, "")).isEqualTo(keys(en, ""));
        for (String key : keys(en, "")) {
            JsonNode original = en.at("/" + key.replace(".", "/"));
            if (original.isTextual() && !original.asText().isBlank()) {
                assertThat(vi.at("/" + key.replace(".", "/")).asText()).as(app + " " + key).isNotBlank();
            }
        }
    }

    private static Set<String> keys(JsonNode node, String prefix) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            keys.add(key);
            if (field.getValue().isObject()) {
                keys.addAll(keys(field.getValue(), key + "."));
            }
        }
        return keys;
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            return new ObjectMapper().readTree(text);
        }
    }

    private static Properties properties(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = resource(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static InputStream resource(String name) {
        InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}

package dev.corpusstats.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/CONFIGURATION.md lists every setting with the default that {@link JobConfig} declares. */
class ConfigurationDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\| `([^`]*)` \\|.*");

    @Test
    void everySettingIsDocumentedWithItsDefault() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("docs/CONFIGURATION.md"), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.put(row.group(1), row.group(2));
            }
        }
        Map<String, String> code = new TreeMap<>();
        JsonNode defaults = ConfigLoader.toTree(new JobConfig());
        for (Iterator<Map.Entry<String, JsonNode>> sections = defaults.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            section.getValue().fields().forEachRemaining(setting ->
                    code.put(section.getKey() + "." + setting.getKey(), setting.getValue().isNull() ? "null"
                            : setting.getValue().isArray() ? setting.getValue().toString() : setting.getValue().asText()));
        }
        assertEquals(code, documented);
    }
}

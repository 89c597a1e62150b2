package dev.corpusstats.output;

import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/SCHEMA.md documents every table's columns, in order, with the types and nullability in code. */
class SchemaDocTest {
    private static final Pattern SECTION = Pattern.compile("^## `([a-z_]+)`\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| ([a-z_0-9]+) \\| ([a-z<>:,_]+) \\| (yes|no) \\|.*");

    @Test
    void schemaDocumentMatchesTheCode() throws Exception {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(Path.of("docs/SCHEMA.md"), StandardCharsets.UTF_8)) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = new ArrayList<>();
                documented.put(section.group(1), current);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (current != null && row.matches()) {
                current.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
            }
        }
        documented.values().removeIf(List::isEmpty);
        Map<String, List<String>> code = new LinkedHashMap<>();
        for (Table table : Table.values()) {
            List<String> columns = new ArrayList<>();
            for (StructField f : table.schema().fields()) {
                columns.add(f.name() + " " + docType(f) + " " + (f.nullable() ? "yes" : "no"));
            }
            code.put(table.folder(), columns);
        }
        assertEquals(code, documented);
    }

    private static String docType(StructField f) {
        return f.dataType().simpleString().replace("bigint", "long");
    }
}

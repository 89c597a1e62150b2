package dev.corpusstats.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the effective {@link JobConfig}: the YAML file's values, then command-line overrides
 * (dotted keys such as {@code terms.max_n=2}), then validation. Every failure is a
 * {@link ConfigException} naming the key or file at fault.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private ConfigLoader() {
    }

    /**
     * @param file      YAML settings file, or null for the built-in defaults
     * @param overrides dotted key to value, applied over the file; a null value clears a setting
     */
    public static JobConfig load(Path file, Map<String, String> overrides) {
        ObjectNode tree = readTree(file);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            set(tree, e.getKey(), e.getValue());
        }
        JobConfig config = bind(tree, file);
        config.validate();
        return config;
    }

    private static ObjectNode readTree(Path file) {
        if (file == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file);
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("configuration file " + file + " must hold a mapping of keys, not " + node.getNodeType());
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            // The parser's message spans lines (it quotes the text around the error): keep its first.
            String problem = e.getOriginalMessage().strip().lines().findFirst().orElse("parse error");
            throw new ConfigException("configuration file " + file + " is not valid YAML: " + problem + location(e));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    private static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value == null ? NullNode.instance : valueNode(dottedKey, value));
    }

    /** A value as text, but a YAML flow list ({@code [section, wire_source]}) for settings that take a list. */
    private static JsonNode valueNode(String key, String value) {
        if (!value.strip().startsWith("[")) {
            return TextNode.valueOf(value);
        }
        try {
            return YAML.readTree(value);
        } catch (JsonProcessingException e) {
            throw new ConfigException("bad value for '" + key + "': not a list like [a, b]: '" + value + "'");
        }
    }

    private static JobConfig bind(ObjectNode tree, Path file) {
        String where = file == null ? "command line" : file.toString();
        try {
            return YAML.treeToValue(tree, JobConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("unknown configuration key '" + path(e) + "' (" + where + "); known keys here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            if (e.getTargetType() != null && e.getTargetType().isEnum()) {
                throw new ConfigException("bad value for '" + path(e) + "' (" + where + "): must be one of "
                        + codes(e.getTargetType()) + ", got '" + e.getValue() + "'");
            }
            throw new ConfigException("bad value for '" + path(e) + "' (" + where + "): '" + e.getValue()
                    + "' is not a valid " + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            throw new ConfigException("bad value for '" + path(e) + "' (" + where + "): expected "
                    + (e.getTargetType() == null ? "another type" : "a value of type " + e.getTargetType().getSimpleName()));
        } catch (JsonProcessingException e) {
            throw new ConfigException("bad configuration (" + where + "): " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** The names an enum setting accepts, as written in settings files: "auto, text, jsonl, csv, parquet". */
    static String codes(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** The effective configuration as YAML-shaped JSON, for the manifest. */
    public static JsonNode toTree(JobConfig config) {
        return YAML.valueToTree(config);
    }
}

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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the effective {@link JobConfig}: the YAML file's values, then command-line overrides
 * (dotted keys such as {@code terms.max_n=2}), then validation. Every failure is a
 * {@link ConfigException} naming the key or file at fault.
 */
public final class ConfigLoader {
    static final Set<String> FORMATS = Set.of("auto", "text", "jsonl", "csv", "parquet");
    static final Set<String> LAYOUTS = Set.of("overwrite", "runs");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        validate(config);
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
        node.set(parts[parts.length - 1], value == null ? NullNode.instance : TextNode.valueOf(value));
    }

    private static JobConfig bind(ObjectNode tree, Path file) {
        String where = file == null ? "command line" : file.toString();
        try {
            return YAML.treeToValue(tree, JobConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("unknown configuration key '" + path(e) + "' (" + where + "); known keys here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw new ConfigException("bad value for '" + path(e) + "' (" + where + "): '" + e.getValue()
                    + "' is not a valid " + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            throw new ConfigException("bad value for '" + path(e) + "' (" + where + "): expected "
                    + (e.getTargetType() == null ? "another type" : "a value of type " + e.getTargetType().getSimpleName()));
        } catch (JsonProcessingException e) {
            throw new ConfigException("bad configuration (" + where + "): " + e.getOriginalMessage());
        }
    }

    /** Checks values that bind but make no sense. */
    public static void validate(JobConfig c) {
        // A section set to null (input: ~, or --set input=null) would otherwise fail below with a NullPointerException.
        require(c.input != null, "input", "must be a mapping of settings, not null");
        require(c.output != null, "output", "must be a mapping of settings, not null");
        require(c.terms != null, "terms", "must be a mapping of settings, not null");
        require(c.collocations != null, "collocations", "must be a mapping of settings, not null");
        require(c.dedupe != null, "dedupe", "must be a mapping of settings, not null");
        require(c.entities != null, "entities", "must be a mapping of settings, not null");
        require(c.input.path != null && !c.input.path.isBlank(), "input.path", "must be set");
        require(c.input.format != null && FORMATS.contains(c.input.format), "input.format",
                "must be one of " + String.join(", ", FORMATS.stream().sorted().toList()) + ", got '" + c.input.format + "'");
        require(c.input.idColumn != null && !c.input.idColumn.isBlank(), "input.id_column", "must be set");
        require(c.input.textColumn != null && !c.input.textColumn.isBlank(), "input.text_column", "must be set");
        require(c.input.maxDocumentBytes > 0, "input.max_document_bytes", "must be positive, got " + c.input.maxDocumentBytes);
        require(c.output.path != null && !c.output.path.isBlank(), "output.path", "must be set");
        require(c.output.layout != null && LAYOUTS.contains(c.output.layout), "output.layout",
                "must be overwrite or runs, got '" + c.output.layout + "'");
        if (c.output.runName != null) {
            require(c.output.runName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}"), "output.run_name",
                    "letters, digits, '.', '_' and '-' only (it names a folder), got '" + c.output.runName + "'");
        }
        require(c.output.parallelWrites >= 1 && c.output.parallelWrites <= 16, "output.parallel_writes",
                "must be 1..16, got " + c.output.parallelWrites);
        require(c.output.reportDocuments >= 0, "output.report_documents", "must not be negative, got " + c.output.reportDocuments);
        require(c.terms.maxN >= 1 && c.terms.maxN <= 3, "terms.max_n", "must be 1, 2 or 3, got " + c.terms.maxN);
        require(c.collocations.minCount >= 1, "collocations.min_count", "must be at least 1, got " + c.collocations.minCount);
        require(c.entities.topTerms >= 1, "entities.top_terms", "must be at least 1, got " + c.entities.topTerms);
        require(c.entities.model != null && !c.entities.model.isBlank(), "entities.model", "must be set");
        require(c.entities.expertModel == null || !c.entities.expertModel.isBlank(), "entities.expert_model", "must be a model or null");
        require(c.entities.miscRetypeModel == null || !c.entities.miscRetypeModel.isBlank(), "entities.misc_retype_model",
                "must be a model or null");
        if (c.entities.aliasFile != null) {
            require(Files.isRegularFile(Path.of(c.entities.aliasFile)), "entities.alias_file",
                    "file not found: " + c.entities.aliasFile);
        }
        if (c.terms.stopWordsFile != null) {
            require(Files.isRegularFile(Path.of(c.terms.stopWordsFile)), "terms.stop_words_file",
                    "file not found: " + c.terms.stopWordsFile);
        }
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new ConfigException("bad value for '" + key + "': " + problem);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** The effective configuration as YAML-shaped JSON, for the manifest. */
    public static JsonNode toTree(JobConfig config) {
        return YAML.valueToTree(config);
    }
}

package dev.corpusstats.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.corpusstats.config.OutputLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code _manifest.json}: what a run did. Written last, with Jackson, beside the tables; a run that
 * fails writes it too, with status {@code failed} and the error. Field names are documented in
 * docs/SCHEMA.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Manifest {
    public static final String FILE_NAME = "_manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonProperty("run_id") public String runId;
    /** The run's folder name in the runs layout. */
    @JsonProperty("run_name") public String runName;
    @JsonProperty("status") public String status;
    /** overwrite or runs: see {@link RunOutput}. */
    @JsonProperty("layout") public OutputLayout layout;
    /** Where the output is published (succeeded runs); a failed run's manifest stays in its attempt folder. */
    @JsonProperty("published_to") public String publishedTo;
    /**
     * The entries the run published there (table folders, report.html, _state, this manifest): the
     * next run replaces only these, see {@link RunOutput#requireOwnEntries()}.
     */
    @JsonProperty("published_entries") public java.util.List<String> publishedEntries;
    @JsonProperty("started_at") public String startedAt;
    @JsonProperty("ended_at") public String endedAt;
    @JsonProperty("duration_seconds") public Double durationSeconds;
    @JsonProperty("input") public Map<String, Object> input = new LinkedHashMap<>();
    @JsonProperty("configuration") public JsonNode configuration;
    @JsonProperty("versions") public Map<String, String> versions = new LinkedHashMap<>();
    /** The NER model the entity tables come from; absent when entities are off. */
    @JsonProperty("entity_model") public String entityModel;
    /**
     * Incremental runs: the analyses' fingerprint, the previous output whose analyses were reused
     * (if any), and how many documents were reused and analyzed.
     */
    @JsonProperty("incremental") public Map<String, Object> incremental;
    /** What the run cleaned up before it started: interrupted publishes finished, killed attempts deleted. */
    @JsonProperty("recovered") public java.util.List<String> recovered;
    @JsonProperty("tables") public Map<String, TableInfo> tables = new LinkedHashMap<>();
    /** Wall seconds per stage: read, nlp, statistics_and_write, report. */
    @JsonProperty("stage_seconds") public Map<String, Double> stageSeconds = new LinkedHashMap<>();
    @JsonProperty("error") public String error;

    /** A written table: its folder (relative to the output root), row count, and seconds to compute and write it. */
    public record TableInfo(@JsonProperty("path") String path, @JsonProperty("rows") long rows,
                            @JsonProperty("seconds") double seconds) {
    }

    public void write(String outputRoot, Configuration hadoopConf) throws IOException {
        Path path = new Path(outputRoot, FILE_NAME);
        FileSystem fs = path.getFileSystem(hadoopConf);
        fs.setWriteChecksum(false); // no .crc side files beside the manifest on local disks
        try (FSDataOutputStream out = fs.create(path, true)) {
            JSON.writeValue((java.io.OutputStream) out, this);
        }
    }

    public static Manifest read(String outputRoot, Configuration hadoopConf) throws IOException {
        Path path = new Path(outputRoot, FILE_NAME);
        try (var in = path.getFileSystem(hadoopConf).open(path)) {
            return JSON.readValue(in.getWrappedStream(), Manifest.class);
        }
    }
}

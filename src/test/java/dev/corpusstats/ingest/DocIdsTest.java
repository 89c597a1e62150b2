package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocIdsTest {

    @Test
    void relativePathWithoutExtension() {
        assertEquals("000_9e75ee7642a235e9", DocIds.fromRelativePath("000_9e75ee7642a235e9.txt"));
        assertEquals("sport/199", DocIds.fromRelativePath("sport/199.txt"));
        assertEquals("a/b", DocIds.fromRelativePath("a/b.txt.gz"));
        assertEquals("notes", DocIds.fromRelativePath("notes"));
        assertEquals("v1.2/readme", DocIds.fromRelativePath("v1.2/readme"));
        assertEquals("dir/.profile", DocIds.fromRelativePath("dir/.profile"));
    }

    @Test
    void formatByExtensionLooksThroughGzip() {
        assertEquals(InputFormat.JSONL, InputFormats.forFile(InputFormat.AUTO, "a.jsonl.gz"));
        assertEquals(InputFormat.CSV, InputFormats.forFile(InputFormat.AUTO, "A.CSV"));
        assertEquals(InputFormat.PARQUET, InputFormats.forFile(InputFormat.AUTO, "part-0.parquet"));
        assertEquals(InputFormat.TEXT, InputFormats.forFile(InputFormat.AUTO, "199.txt"));
        assertEquals(InputFormat.TEXT, InputFormats.forFile(InputFormat.AUTO, "README"));
        assertEquals(InputFormat.CSV, InputFormats.forFile(InputFormat.CSV, "data.txt"));
    }
}

package dev.corpusstats.ingest;

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
        assertEquals("jsonl", InputFormats.forFile("auto", "a.jsonl.gz"));
        assertEquals("csv", InputFormats.forFile("auto", "A.CSV"));
        assertEquals("parquet", InputFormats.forFile("auto", "part-0.parquet"));
        assertEquals("text", InputFormats.forFile("auto", "199.txt"));
        assertEquals("text", InputFormats.forFile("auto", "README"));
        assertEquals("csv", InputFormats.forFile("csv", "data.txt"));
    }
}

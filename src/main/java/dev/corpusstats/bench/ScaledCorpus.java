package dev.corpusstats.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.nlp.text.Sentence;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A K-times larger corpus made from a folder of text files or a JSON Lines file, with distinct doc
 * ids and no two documents identical (the job counts identical texts once, so plain copies would
 * measure nothing). Copy c of document i has the doc id {@code ID~c}. Copy 0 has the input's text as
 * it is; copy c ≥ 1 has its sentences shuffled (seeded by c and i, so the corpus is the same every
 * time) and gains the first sentence of the document c places further on (wrapping round), which
 * keeps copies distinct even for one-sentence documents. Documents without a sentence (blank texts)
 * are the same in every copy and lend none, so the job rejects or skips each copy as it does the
 * original. Each copy has the length and vocabulary of its original, so cost per token is comparable
 * across scales.
 *
 * <p>Text files keep their folder below the input root, with {@code ~c} before the extension
 * ({@code sport/199.txt → sport/199~3.txt}), so a path pattern over folders still matches. JSON Lines
 * records keep every field but the id and the text as they are (dates, facets), and are streamed:
 * one record in memory at a time, whatever the input's size.
 */
public final class ScaledCorpus {
    /** Lines are whole documents: no cap below the job's own limit on a record. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private ScaledCorpus() {
    }

    /** True for the JSON Lines files {@link #writeJsonLines} reads: {@code .jsonl} or {@code .jsonl.gz}. */
    public static boolean isJsonLines(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    }

    /**
     * Scales a folder of text files (names starting with {@code .} are left out, as the job leaves them).
     *
     * @return the number of documents written
     */
    public static int write(Path input, int scale, Path target) throws IOException {
        List<Path> files = textFiles(input);
        List<String> texts = new ArrayList<>(files.size());
        for (Path f : files) {
            texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        NewsTokenizer tokenizer = new NewsTokenizer();
        List<List<String>> sentences = new ArrayList<>(texts.size());
        List<String> firsts = new ArrayList<>();
        for (String text : texts) {
            List<String> parts = sentences(tokenizer, text);
            sentences.add(parts);
            if (!parts.isEmpty()) {
                firsts.add(parts.get(0));
            }
        }
        int written = 0;
        for (int copy = 0; copy < scale; copy++) {
            int lender = copy; // the donor of the next document with sentences
            for (int i = 0; i < files.size(); i++) {
                Path relative = input.relativize(files.get(i));
                Path out = target.resolve(relative).resolveSibling(copyName(relative.getFileName().toString(), copy));
                Files.createDirectories(out.getParent());
                String donor = null;
                if (!sentences.get(i).isEmpty()) {
                    donor = firsts.get(lender++ % firsts.size());
                }
                String text = variant(texts.get(i), sentences.get(i), copy, i, donor);
                // CREATE_NEW: an input name that already ends in ~c would otherwise be overwritten by a copy
                Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written++;
            }
        }
        return written;
    }

    /**
     * Scales a JSON Lines file ({@code .gz} is decompressed) into {@code copy-C.jsonl} files, one per
     * copy. A record's id and text are the fields {@code idColumn} and {@code textColumn}; a record
     * whose id or text is missing or not a string or number keeps it as it is, so the job rejects
     * each copy as it rejects the original.
     *
     * @return the number of records written
     * @throws IOException also for input that is not a sequence of JSON objects
     */
    public static int writeJsonLines(Path input, int scale, Path target, String idColumn, String textColumn)
            throws IOException {
        Files.createDirectories(target);
        // Copy 0's sentence split of each record, one JSON array a line, beside the corpus (not in it,
        // which the job reads): later copies read it in step with the input instead of holding it or
        // splitting every text again.
        Path split = Files.createTempFile(target.toAbsolutePath().getParent(), "sentences-", ".jsonl");
        try {
            NewsTokenizer tokenizer = new NewsTokenizer();
            int records = 0;
            int lenders = 0;
            for (int copy = 0; copy < scale; copy++) {
                try (InputStream in = open(input);
                     JsonParser p = JSON.createParser(in);
                     OutputStream out = Files.newOutputStream(target.resolve("copy-" + copy + ".jsonl"));
                     JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
                     Split known = copy == 0 ? null : new Split(split, false, 0);
                     Split donors = copy == 0 || lenders == 0 ? null : new Split(split, true, copy % lenders);
                     JsonGenerator splitOut = copy == 0 ? JSON.createGenerator(Files.newOutputStream(split)) : null) {
                    g.setRootValueSeparator(null); // records end with the newline written below
                    if (splitOut != null) {
                        splitOut.setRootValueSeparator(null);
                    }
                    int i = 0;
                    JsonToken token;
                    while ((token = p.nextToken()) != null) {
                        if (token != JsonToken.START_OBJECT) {
                            throw new IOException(input + ": line " + p.currentLocation().getLineNr()
                                    + ": a JSON Lines record must be an object");
                        }
                        List<String> before = known == null ? null : known.next();
                        List<String> sentences = copyRecord(p, g, idColumn, textColumn, copy, i,
                                before == null ? text -> sentences(tokenizer, text) : text -> before, donors);
                        g.writeRaw('\n');
                        if (splitOut != null) {
                            splitOut.writeStartArray();
                            for (String sentence : sentences) {
                                splitOut.writeString(sentence);
                            }
                            splitOut.writeEndArray();
                            splitOut.writeRaw('\n');
                            lenders += sentences.isEmpty() ? 0 : 1;
                        }
                        i++;
                    }
                    records = i;
                }
            }
            return records * scale;
        } finally {
            Files.deleteIfExists(split);
        }
    }

    /**
     * Copies one object, the parser on its {@code START_OBJECT}, with the copy's id and text.
     *
     * @param split  the text's sentences
     * @param donors where a text with sentences takes its donor from; null in copy 0
     * @return the text's sentences (none if the record has no text), for copy 0's split file
     */
    private static List<String> copyRecord(JsonParser p, JsonGenerator g, String idColumn, String textColumn,
                                           int copy, int index, Function<String, List<String>> split, Split donors)
            throws IOException {
        List<String> sentences = List.of();
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            g.writeFieldName(name);
            boolean scalar = value == JsonToken.VALUE_STRING || value.isNumeric();
            if (name.equals(idColumn) && scalar) {
                g.writeString(copyId(p.getText(), copy));
            } else if (name.equals(textColumn) && scalar) {
                String text = p.getText();
                sentences = split.apply(text);
                String donor = donors == null || sentences.isEmpty() ? null : donors.next().get(0);
                g.writeString(variant(text, sentences, copy, index, donor));
            } else {
                g.copyCurrentStructure(p);
            }
        }
        g.writeEndObject();
        return sentences;
    }

    /**
     * The texts of the input's documents, one at a time, in the order the scaled copies take them: a
     * folder's text files, or a JSON Lines file's {@code textColumn} values (records without one left out).
     */
    public static void forEachText(Path input, String textColumn, TextConsumer action) throws IOException {
        if (!isJsonLines(input)) {
            for (Path f : textFiles(input)) {
                action.accept(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
            return;
        }
        try (InputStream in = open(input); JsonParser p = JSON.createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException(input + ": line " + p.currentLocation().getLineNr()
                            + ": a JSON Lines record must be an object");
                }
                String text = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals(textColumn) && (value == JsonToken.VALUE_STRING || value.isNumeric())) {
                        text = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (text != null) {
                    action.accept(text);
                }
            }
        }
    }

    /** What {@link #forEachText} hands each text to. */
    @FunctionalInterface
    public interface TextConsumer {
        void accept(String text) throws IOException;
    }

    /** Copy {@code copy}'s doc id: {@code ID~c}. */
    static String copyId(String id, int copy) {
        return id + "~" + copy;
    }

    /**
     * Copy {@code copy}'s file name: {@code ~c} where the job's doc id ends (before the extension the
     * id drops, looking through {@code .gz}), so the copy's doc id is the original's plus {@code ~c}.
     */
    static String copyName(String fileName, int copy) {
        String gz = fileName.toLowerCase(Locale.ROOT).endsWith(".gz") ? fileName.substring(fileName.length() - 3) : "";
        String name = fileName.substring(0, fileName.length() - gz.length());
        int dot = name.lastIndexOf('.');
        int end = dot > 0 ? dot : name.length();
        return copyId(name.substring(0, end), copy) + name.substring(end) + gz;
    }

    /** Copy {@code copy} of document {@code index}: see the class comment. A text without sentences stays as it is. */
    static String variant(String text, List<String> sentences, int copy, int index, String donor) {
        if (copy == 0 || sentences.isEmpty()) {
            return text;
        }
        List<String> shuffled = new ArrayList<>(sentences);
        Collections.shuffle(shuffled, new Random(31L * copy + index));
        if (donor != null) {
            shuffled.add(donor);
        }
        return String.join("\n", shuffled);
    }

    private static List<String> sentences(NewsTokenizer tokenizer, String text) {
        List<String> parts = new ArrayList<>();
        for (Sentence s : tokenizer.split(text)) {
            int begin = s.tokens().get(0).begin();
            int end = s.tokens().get(s.tokens().size() - 1).end();
            parts.add(text.substring(begin, end));
        }
        return parts;
    }

    private static List<Path> textFiles(Path input) throws IOException {
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * Copy 0's split file read line by line: every record's sentences in step with the input, or
     * (lenders) only those of records with sentences, from the {@code start}-th on and wrapping round
     * at the end, so that in copy c the j-th such record borrows from the (j + c) mod M-th.
     */
    private static final class Split implements AutoCloseable {
        private final Path file;
        private final boolean lenders;
        private BufferedReader lines;

        Split(Path file, boolean lenders, int start) throws IOException {
            this.file = file;
            this.lenders = lenders;
            this.lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            for (int i = 0; i < start; i++) {
                next();
            }
        }

        List<String> next() throws IOException {
            while (true) {
                String line = lines.readLine();
                if (line == null && lenders) {
                    lines.close();
                    lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    line = lines.readLine();
                }
                if (line == null) {
                    throw new IOException(file + " ended before the input: did the input change while it was scaled?");
                }
                List<String> sentences = new ArrayList<>();
                try (JsonParser p = JSON.createParser(line)) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        sentences.add(p.getText());
                    }
                }
                if (!lenders || !sentences.isEmpty()) {
                    return sentences;
                }
            }
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}

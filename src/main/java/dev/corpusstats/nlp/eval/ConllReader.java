package dev.corpusstats.nlp.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an annotated NER corpus in CoNLL format into documents.
 *
 * <p>One token a line, columns separated by whitespace: the word is the first column and the NER
 * tag the last, so both {@code word TAG} (WikiGold) and {@code word POS chunk TAG} (CoNLL-2003)
 * read. A blank line ends a sentence. A line whose first column is {@code -DOCSTART-} ends a
 * document; since corpora put it before each document or after each one, a boundary with no
 * sentences since the last one is ignored, so both layouts give the same documents and none empty.
 */
public final class ConllReader {
    private static final String DOCSTART = "-DOCSTART-";

    private final List<GoldDocument> documents = new ArrayList<>();
    private final List<List<GoldToken>> sentences = new ArrayList<>();
    private final List<GoldToken> tokens = new ArrayList<>();

    private ConllReader() {
    }

    /** Reads a UTF-8 file. */
    public static List<GoldDocument> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /**
     * Reads all of {@code reader}, leaving it open.
     *
     * @throws IllegalArgumentException for a token line with fewer than two columns
     */
    public static List<GoldDocument> read(Reader reader) throws IOException {
        return new ConllReader().readAll(new BufferedReader(reader));
    }

    private List<GoldDocument> readAll(BufferedReader in) throws IOException {
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                endSentence();
                continue;
            }
            String[] columns = stripped.split("\\s+");
            if (columns[0].equals(DOCSTART)) {
                endDocument();
            } else if (columns.length < 2) {
                throw new IllegalArgumentException("line " + lineNumber + " has no tag column: " + line);
            } else {
                tokens.add(new GoldToken(columns[0], columns[columns.length - 1]));
            }
        }
        endDocument();
        return List.copyOf(documents);
    }

    private void endSentence() {
        if (!tokens.isEmpty()) {
            sentences.add(List.copyOf(tokens));
            tokens.clear();
        }
    }

    private void endDocument() {
        endSentence();
        if (!sentences.isEmpty()) {
            documents.add(new GoldDocument(sentences));
            sentences.clear();
        }
    }
}

package dev.corpusstats.bench;

import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.nlp.text.Sentence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A K-times larger corpus made from a folder of text files, with distinct doc ids and no two
 * documents identical (the job counts identical texts once, so plain copies would measure nothing).
 * Copy 0 is the input as it is. Copy c ≥ 1 of a document has its sentences shuffled (seeded by c and
 * the document, so the corpus is the same every time) and gains the first sentence of document
 * (i + c) mod N, which keeps copies distinct even for one-sentence documents. Each copy has the
 * length and vocabulary of its original, so cost per token is comparable across scales.
 */
public final class ScaledCorpus {
    private ScaledCorpus() {
    }

    /** @return the number of documents written */
    public static int write(Path input, int scale, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(input)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        List<String> texts = new ArrayList<>(files.size());
        for (Path f : files) {
            texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        NewsTokenizer tokenizer = new NewsTokenizer();
        List<List<String>> sentences = new ArrayList<>(texts.size());
        for (String text : texts) {
            List<String> parts = new ArrayList<>();
            for (Sentence s : tokenizer.split(text)) {
                int begin = s.tokens().get(0).begin();
                int end = s.tokens().get(s.tokens().size() - 1).end();
                parts.add(text.substring(begin, end));
            }
            sentences.add(parts);
        }
        int written = 0;
        for (int copy = 0; copy < scale; copy++) {
            for (int i = 0; i < files.size(); i++) {
                String relative = input.relativize(files.get(i)).toString();
                Path out = target.resolve("copy-" + copy).resolve(relative);
                Files.createDirectories(out.getParent());
                String text;
                if (copy == 0) {
                    text = texts.get(i);
                } else {
                    List<String> shuffled = new ArrayList<>(sentences.get(i));
                    Collections.shuffle(shuffled, new Random(31L * copy + i));
                    List<String> donor = sentences.get((i + copy) % files.size());
                    if (!donor.isEmpty()) {
                        shuffled.add(donor.get(0));
                    }
                    text = String.join("\n", shuffled);
                }
                Files.writeString(out, text, StandardCharsets.UTF_8);
                written++;
            }
        }
        return written;
    }
}

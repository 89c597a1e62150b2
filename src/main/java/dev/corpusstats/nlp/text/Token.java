package dev.corpusstats.nlp.text;

import java.io.Serializable;

/**
 * One token of a document as the tokenizer produced it.
 *
 * @param word  the token text as it appears in the document, {@code text[begin:end]} (no PTB
 *              escaping; format characters inside it kept)
 * @param form  the word as statistics and the recognizer read it: {@link TextForms#normalize}
 *              (NFC, no format characters); never empty
 * @param begin offset of the first char in the document text, in UTF-16 code units (Java's
 *              {@code String} index)
 * @param end   offset one past the last char, in UTF-16 code units
 */
public record Token(String word, String form, int begin, int end) implements Serializable {
}

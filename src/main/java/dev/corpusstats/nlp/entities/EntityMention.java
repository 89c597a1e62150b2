package dev.corpusstats.nlp.entities;

import java.io.Serializable;

/**
 * A named-entity mention in a document.
 *
 * @param sentence  0-based sentence index
 * @param begin     offset of its first character in the document text, in Unicode code points
 *                  (what Python's {@code str} indexes), inclusive
 * @param end       offset after its last character, in code points
 * @param text      the document text between begin and end
 * @param type      PER, ORG, LOC or MISC
 * @param canonical the text of the mention it resolves to within the document (itself, or the
 *                  longest compatible mention of the same type: "Karzai" → "Hamid Karzai")
 * @param entityId  the corpus-wide entity id, {@code TYPE:normalized key} ("PER:hamid karzai")
 */
public record EntityMention(int sentence, int begin, int end, String text, String type, String canonical,
                            String entityId) implements Serializable {
}

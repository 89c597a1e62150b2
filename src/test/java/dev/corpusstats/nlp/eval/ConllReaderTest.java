package dev.corpusstats.nlp.eval;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConllReaderTest {

    private static final List<GoldDocument> EXPECTED = List.of(
            new GoldDocument(List.of(
                    List.of(new GoldToken("EU", "I-ORG"), new GoldToken("rejects", "O"), new GoldToken("German", "I-MISC")),
                    List.of(new GoldToken("Peter", "I-PER"), new GoldToken("Blackburn", "I-PER")))),
            new GoldDocument(List.of(
                    List.of(new GoldToken("BRUSSELS", "I-LOC"), new GoldToken("1996-08-22", "O")))));

    private static List<GoldDocument> read(String text) throws IOException {
        return ConllReader.read(new StringReader(text));
    }

    @Test
    void readsFourColumnsWithDocstartBeforeEachDocument() throws IOException {
        String text = """
                -DOCSTART- -X- O O

                EU NNP I-NP I-ORG
                rejects VBZ I-VP O
                German JJ I-NP I-MISC

                Peter NNP I-NP I-PER
                Blackburn NNP I-NP I-PER

                -DOCSTART- -X- O O

                BRUSSELS NNP I-NP I-LOC
                1996-08-22 CD I-NP O
                """;
        assertEquals(EXPECTED, read(text));
    }

    @Test
    void docstartAfterEachDocumentGivesTheSameDocuments() throws IOException {
        String text = """
                EU NNP I-NP I-ORG
                rejects VBZ I-VP O
                German JJ I-NP I-MISC

                Peter NNP I-NP I-PER
                Blackburn NNP I-NP I-PER

                -DOCSTART- -X- O O

                BRUSSELS NNP I-NP I-LOC
                1996-08-22 CD I-NP O

                -DOCSTART- -X- O O""";
        assertEquals(EXPECTED, read(text));
    }

    @Test
    void readsTwoColumnsAndToleratesExtraBlankLinesAndTabs() throws IOException {
        String text = "EU I-ORG\nrejects\tO\n  German   I-MISC  \n\n\n\nPeter I-PER\nBlackburn I-PER\n"
                + "-DOCSTART- O\nBRUSSELS I-LOC\r\n1996-08-22 O\r\n\r\n";
        assertEquals(EXPECTED, read(text));
    }

    @Test
    void noDocstartAtAllIsOneDocument() throws IOException {
        List<GoldDocument> docs = read("a O\n\nb I-PER\n");
        assertEquals(List.of(new GoldDocument(List.of(List.of(new GoldToken("a", "O")), List.of(new GoldToken("b", "I-PER"))))),
                docs);
    }

    @Test
    void emptyInputGivesNoDocuments() throws IOException {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("\n\n-DOCSTART- -X- O O\n\n"));
    }

    @Test
    void tokenLineWithoutTagIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("EU I-ORG\nrejects\n"));
        assertEquals("line 2 has no tag column: rejects", e.getMessage());
    }
}

package dev.corpusstats.nlp.eval;

import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.entities.DocumentConsistency;
import dev.corpusstats.nlp.entities.EntitySettings;
import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The evaluation's command line: which parts of the recognizer run, and one readable line per mistake. */
class NerEvaluationOptionsTest {
    @TempDir
    Path dir;

    @Test
    void partsChosenByTheOptions() {
        Path gold = TestFiles.write(dir, "gold.conll", "EU B-ORG\n");
        NerEvaluation.Options all = NerEvaluation.Options.parse(List.of("--gold", gold.toString()));
        EntitySettings job = all.entitySettings();
        assertEquals(JobConfig.Entities.CONLL_4CLASS, job.model());
        assertEquals(JobConfig.Entities.ALL_3CLASS, job.expertModel());
        assertNull(job.miscModel());
        assertEquals(DocumentConsistency.ALL, all.rules());

        EntitySettings bare = NerEvaluation.Options.parse(List.of("--gold", gold.toString(), "--baseline")).entitySettings();
        assertNull(bare.expertModel());
        assertNull(bare.miscModel());
        EntitySettings retyped = NerEvaluation.Options.parse(List.of("--gold", gold.toString(), "--no-expert", "--misc-retype"))
                .entitySettings();
        assertNull(retyped.expertModel());
        assertEquals(JobConfig.Entities.ALL_3CLASS, retyped.miscModel());
        assertEquals(Set.of(DocumentConsistency.Rule.TYPE_VOTE),
                NerEvaluation.Options.parse(List.of("--gold", gold.toString(), "--rules", "type_vote")).rules());
        assertEquals(Set.of(), NerEvaluation.Options.parse(List.of("--gold", gold.toString(), "--rules", "none")).rules());
    }

    @Test
    void mistakesAreOneLineEach() {
        Path gold = TestFiles.write(dir, "gold.conll", "EU B-ORG\n");
        assertMessage("option --gold needs a value", "--gold");
        assertMessage("option --json needs a value", "--gold", gold.toString(), "--json");
        assertMessage("--gold FILE is required and must exist", "--baseline");
        assertMessage("--gold FILE is required and must exist: " + dir.resolve("none"), "--gold", dir.resolve("none").toString());
        assertMessage("unknown rule 'votes' in --rules; rules: type_vote, person_parts, propagate, none",
                "--gold", gold.toString(), "--rules", "votes");
        assertMessage("unknown option --gld", "--gld", gold.toString());
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(ConfigException.class, () -> NerEvaluation.Options.parse(List.of(args))).getMessage());
    }
}

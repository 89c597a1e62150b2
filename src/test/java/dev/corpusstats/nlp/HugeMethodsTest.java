package dev.corpusstats.nlp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

class HugeMethodsTest {
    /** The test JVMs run with the flag the job's launchers set (pom.xml's argLine), so the check reads it. */
    @Test
    void thisJvmCompilesHugeMethods() {
        assertFalse(CrfEntityRecognizer.hugeMethodsStayInterpreted());
    }
}

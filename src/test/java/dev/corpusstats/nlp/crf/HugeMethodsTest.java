package dev.corpusstats.nlp.crf;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HugeMethodsTest {
    /** The check reads this JVM's own setting: the build's test JVMs set the flag, an IDE's may not. */
    @Test
    void theCheckReadsThisJvmsSetting() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean compiled = options.lastIndexOf("-XX:-DontCompileHugeMethods") > options.lastIndexOf("-XX:+DontCompileHugeMethods");
        assertEquals(!compiled, CrfModels.hugeMethodsStayInterpreted(), options.toString());
    }
}

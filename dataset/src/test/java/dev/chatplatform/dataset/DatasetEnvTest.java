package dev.chatplatform.dataset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** .run/dataset.env is sourced by bash (the benchmarks): every value must come back as it was written. */
class DatasetEnvTest {

    @ParameterizedTest
    @ValueSource(strings = {"built-in sentences", "exabloom seed.csv", "it's; $(echo no) `echo no` \"quoted\""})
    void aValueSourcedByBashIsTheValueWritten(String value) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "CORPUS=" + DatasetGenerator.shellWord(value) + "; printf %s \"$CORPUS\"")
                .redirectErrorStream(true).start();
        String echoed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).isZero();
        assertThat(echoed).isEqualTo(value);
    }
}

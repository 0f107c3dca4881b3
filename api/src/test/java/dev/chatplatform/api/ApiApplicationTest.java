package dev.chatplatform.api;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ApiApplicationTest {

    @Test
    void virtualThreadsGetTwoCarriersPerCoreUnlessTheOperatorSaysOtherwise() {
        Properties unset = new Properties();
        ApiApplication.useCarriers(unset, 2);
        assertThat(unset.getProperty(ApiApplication.CARRIERS)).isEqualTo("4");

        Properties set = new Properties();
        set.setProperty(ApiApplication.CARRIERS, "3");
        ApiApplication.useCarriers(set, 2);
        assertThat(set.getProperty(ApiApplication.CARRIERS)).isEqualTo("3");
    }
}

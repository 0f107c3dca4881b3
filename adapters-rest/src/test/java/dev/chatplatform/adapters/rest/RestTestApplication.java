package dev.chatplatform.adapters.rest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The {@code @SpringBootConfiguration} the {@code @WebMvcTest} slices start from: the real application
 * lives in the api module, which this module must not depend on. It applies the same strict JSON scalars as
 * {@link RestConfiguration}, which a slice leaves out (slices skip scanned {@code @Configuration} classes),
 * or these tests could not see the 400 for {@code {"body": 42}}.
 */
@SpringBootApplication
public class RestTestApplication {

    @Bean
    JsonMapperBuilderCustomizer strictScalarsInSlices() {
        return StrictJson::configure;
    }
}

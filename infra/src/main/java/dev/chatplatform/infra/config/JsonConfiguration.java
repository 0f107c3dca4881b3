package dev.chatplatform.infra.config;

import dev.chatplatform.adapters.rest.StrictJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies the API's strict JSON scalars to Boot's mapper. */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return StrictJson::configure;
    }
}

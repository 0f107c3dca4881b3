package dev.chatplatform.adapters.rest;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP adapter as a process imports it: its controllers, problem-detail advice and filters, and the
 * API's strict JSON scalars applied to Boot's mapper, whose answers are written whole.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RestConfiguration.class)
public class RestConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return StrictJson::configure;
    }

    @Bean
    WholeJsonConverter wholeJsonConverter(JsonMapper mapper) {
        return new WholeJsonConverter(mapper);
    }
}

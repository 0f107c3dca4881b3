package dev.chatplatform.adapters.rest;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP adapter as a process imports it: its controllers, problem-detail advice and filters, and the
 * API's strict JSON scalars applied to Boot's mapper.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RestConfiguration.class)
public class RestConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return StrictJson::configure;
    }
}

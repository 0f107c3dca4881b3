package dev.chatplatform.adapters.rest;

import dev.chatplatform.adapters.rest.ratelimit.AppRateLimitFilter;
import dev.chatplatform.adapters.rest.ratelimit.RateLimitProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(RateLimitProperties.class)
public class RestConfiguration {

    /**
     * Declared here rather than scanned: a {@code @WebMvcTest} slice picks up every filter component, and
     * this one needs the process's MeterRegistry, which a slice has not; its own tests build it.
     */
    @Bean
    AppRateLimitFilter appRateLimitFilter(RateLimitProperties limits, MeterRegistry meters) {
        return new AppRateLimitFilter(limits, meters);
    }

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return StrictJson::configure;
    }

    @Bean
    WholeJsonConverter wholeJsonConverter(JsonMapper mapper) {
        return new WholeJsonConverter(mapper);
    }
}

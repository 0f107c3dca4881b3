package dev.chatplatform.adapters.rest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * The {@code @SpringBootConfiguration} the {@code @WebMvcTest} slices start from: the real application
 * lives in infra, which this module must not depend on.
 */
@SpringBootApplication
public class RestTestApplication {

    /**
     * Mirrors infra's {@code JsonConfiguration} (strict scalars): without it Jackson would quietly turn
     * {@code {"body": 42}} into the string "42", and these tests could not see the 400 the API answers.
     * Keep the two in step.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalarsAsInInfra() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}

package dev.chatplatform.adapters.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document's schemas in the wire's snake_case. swagger-core derives property names with a
 * Jackson 2 mapper of its own, which knows nothing of the API's (Jackson 3) naming strategy, so it
 * documented {@code chatsCount} for a field the API sends as {@code chats_count}. springdoc picks up
 * every {@code ModelConverter} bean and consults it first.
 */
@Component
public class SnakeCaseSchemas extends ModelResolver {

    public SnakeCaseSchemas() {
        super(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        openapi31(true); // springdoc serves OpenAPI 3.1 by default
    }
}

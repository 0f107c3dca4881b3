package dev.chatplatform.adapters.rest;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Boot's JSON converter, except that an answer is serialised whole first and then written with its
 * {@code Content-Length} in one go. Spring writes the body straight into the response and flushes it,
 * which commits the response without a length: Tomcat then answers chunked, in two socket writes (the
 * body, then the closing chunk), for answers that are a few hundred bytes. On the POST path those two
 * writes were 17% of a request's CPU.
 */
public class WholeJsonConverter extends JacksonJsonHttpMessageConverter {

    public WholeJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    /**
     * Not for bytes: they are an answer already serialised (springdoc's {@code /v3/api-docs} is one). Boot 4 puts
     * a converter bean ahead of Spring MVC's own, byte[] one included, so this converter wrote the OpenAPI
     * document as a base64 JSON string, which Swagger UI cannot read.
     */
    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
        return valueClass != byte[].class && super.canWrite(type, valueClass, mediaType);
    }

    @Override
    protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output,
                                 Map<String, Object> hints) throws IOException {
        Buffered buffered = new Buffered(output.getHeaders());
        super.writeInternal(value, type, buffered, hints);
        output.getHeaders().setContentLength(buffered.body.size());
        buffered.body.writeTo(output.getBody());
    }

    /** The same headers, a body in memory. */
    private static final class Buffered implements HttpOutputMessage {

        private final HttpHeaders headers;
        /** Most answers fit at once; an inbox page of 50 chats (about 26 kB) grows it twice, not six times. */
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);

        Buffered(HttpHeaders headers) {
            this.headers = headers;
        }

        @Override
        public OutputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}

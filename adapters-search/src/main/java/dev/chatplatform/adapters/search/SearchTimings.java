package dev.chatplatform.adapters.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.apache.http.protocol.HttpContext;

import java.util.concurrent.TimeUnit;

/**
 * {@code chat.search{op}}: the time of each Elasticsearch request this process makes, from its send to its
 * response, by kind ({@code search}, {@code bulk}, {@code other}: health, mapping). Measured on the HTTP client
 * under the Java client, so every call is counted whichever method made it.
 */
final class SearchTimings {

    private static final String STARTED = SearchTimings.class.getName() + ".started";
    private static final String OP = SearchTimings.class.getName() + ".op";

    private final Timer search;
    private final Timer bulk;
    private final Timer other;

    SearchTimings(MeterRegistry meters) {
        this.search = timer(meters, "search");
        this.bulk = timer(meters, "bulk");
        this.other = timer(meters, "other");
    }

    private static Timer timer(MeterRegistry meters, String op) {
        return Timer.builder("chat.search").tag("op", op).description("Elasticsearch requests, send to response")
                .register(meters);
    }

    /** Adds the interceptors that time each request to the client's builder. */
    HttpAsyncClientBuilder instrument(HttpAsyncClientBuilder builder) {
        return builder
                .addInterceptorFirst((HttpRequestInterceptor) (request, context) -> {
                    context.setAttribute(STARTED, System.nanoTime());
                    context.setAttribute(OP, timerOf(request));
                })
                .addInterceptorLast((HttpResponseInterceptor) (response, context) -> record(context));
    }

    private Timer timerOf(HttpRequest request) {
        String uri = request.getRequestLine().getUri();
        if (uri.contains("/_search")) {
            return search;
        }
        return uri.contains("/_bulk") ? bulk : other;
    }

    private static void record(HttpContext context) {
        if (context.getAttribute(STARTED) instanceof Long started && context.getAttribute(OP) instanceof Timer timer) {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}

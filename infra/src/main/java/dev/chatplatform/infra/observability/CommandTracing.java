package dev.chatplatform.infra.observability;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Carries a write's trace from the request that made it, through RabbitMQ, into the worker and back to the
 * API's event fan-out, so one trace shows the POST, its publish, the worker's batch (its MySQL transaction,
 * the events it publishes and the hand-over to the index) and the Elasticsearch bulk request (issue 13).
 * <p>
 * The context travels as a W3C {@code traceparent}: inside each command (a group-commit envelope holds the
 * commands of many requests, each with its own trace) and as a header of event messages. A batch serves many
 * traces at once: its span is a child of the first traced command's and links to the others, as OpenTelemetry's
 * messaging conventions do for batches. Only sampled requests carry a context; the rest cost nothing here.
 */
@Component
public class CommandTracing {

    /** The AMQP header of an event message that carries the trace of the batch that published it. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** Caps the links of one batch's span: a sample of its traces is enough. */
    static final int MAX_LINKS = 32;

    private final Tracer tracer;

    @Autowired
    public CommandTracing(ObjectProvider<Tracer> tracer) {
        this(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    public CommandTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** No tracing at all: for tests and tools. */
    public static CommandTracing off() {
        return new CommandTracing(Tracer.NOOP);
    }

    /** The span of a command's publish, a child of the request's span; null when the request is not sampled. */
    public Span startPublish(String kind) {
        Span current = tracer.currentSpan();
        if (current == null || !Boolean.TRUE.equals(current.context().sampled())) {
            return null;
        }
        return tracer.nextSpan(current).name("chat.publish " + kind).start();
    }

    /** The context of the span in scope, as a {@code traceparent}, if it is sampled; else null. */
    public String currentTraceparent() {
        Span current = tracer.currentSpan();
        return current == null ? null : traceparent(current);
    }

    /** A sampled span's context as a W3C {@code traceparent}; null for no span or one not sampled. */
    public static String traceparent(Span span) {
        if (span == null || !Boolean.TRUE.equals(span.context().sampled())) {
            return null;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
    }

    /**
     * The span of work done for these traced commands ({@code traceparents}, nulls skipped), started: a child of
     * the first, linked to the others. Null when none is traced.
     */
    public Span startFor(String name, List<String> traceparents) {
        TraceContext parent = null;
        Span.Builder builder = tracer.spanBuilder().name(name);
        int links = 0;
        for (String traceparent : traceparents) {
            TraceContext context = context(traceparent);
            if (context == null) {
                continue;
            }
            if (parent == null) {
                parent = context;
                builder.setParent(context);
            } else if (links++ < MAX_LINKS) {
                builder.addLink(new Link(context));
            }
        }
        return parent == null ? null : builder.start();
    }

    /** Puts the span in scope on this thread (so what it publishes carries it); a no-op scope for null. */
    public Tracer.SpanInScope inScope(Span span) {
        return span == null ? NO_SCOPE : tracer.withSpan(span);
    }

    private static final Tracer.SpanInScope NO_SCOPE = () -> { };

    private TraceContext context(String traceparent) {
        if (traceparent == null || traceparent.length() != 55) {
            return null;
        }
        return tracer.traceContextBuilder()
                .traceId(traceparent.substring(3, 35))
                .spanId(traceparent.substring(36, 52))
                .sampled(true)
                .build();
    }
}

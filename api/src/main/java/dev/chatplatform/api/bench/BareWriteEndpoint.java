package dev.chatplatform.api.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.adapters.rest.message.MessageResponse;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.infra.rabbitmq.GroupCommitPublisher;
import dev.chatplatform.infra.redis.LuaScript;
import dev.chatplatform.infra.redis.ScriptPipeline;
import dev.chatplatform.infra.wire.WriteCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark's yardsticks, in the API's own JVM and off unless {@code chat.bench.bare-port} is set: a JDK
 * HTTP server on 127.0.0.1 with no Spring MVC, no Tomcat and no filters (benchmarks/wrk/post-run.sh bare and
 * bare-write, scripts/benchmark.sh):
 * <ul>
 * <li>{@code POST /bare}: what a POST message must do at the least: one numbering script through the same
 *     {@link ScriptPipeline} and one persistent publish, group-committed and confirmed on a quorum queue, through
 *     the same {@link GroupCommitPublisher}; no validation, no pending copy. Its queue is capped (oldest dropped):
 *     nothing consumes it.</li>
 * <li>{@code POST /bare/write/{token}/{chat}}: our POST message without the web framework: the body read with
 *     the same JSON mapper, {@link CreateMessageUseCase} called as the controller calls it (token, number, the
 *     confirmed command on the real write exchange, the pending copy), the answer written as the controller
 *     writes it. The worker persists and indexes what it sends, as for any message. At a rate where this misses
 *     a latency bar, no web framework in front of our write path could meet it on the same machine.</li>
 * </ul>
 * Our POST's throughput as a ratio of each is what the framework costs, and what the rest of the write path does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("chat.bench.bare-port")
public class BareWriteEndpoint {

    static final String EXCHANGE = "chat.bench";
    static final String QUEUE = "chat.bench.bare";
    static final String WRITE_PATH = "/bare/write/";

    private static final LuaScript NEXT = new LuaScript("return redis.call('HINCRBY', KEYS[1], 'n', 1)");

    @Bean
    Declarables bareWriteTopology() {
        TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
        Queue queue = QueueBuilder.durable(QUEUE).quorum().maxLength(100_000).build();
        return new Declarables(exchange, queue, BindingBuilder.bind(queue).to(exchange).with("#"));
    }

    @Bean(destroyMethod = "destroy")
    Server bareWriteServer(@Value("${chat.bench.bare-port}") int port, ScriptPipeline scripts, RabbitTemplate rabbit,
                           WriteCodec codec, CreateMessageUseCase createMessage, JsonMapper json) throws IOException {
        return new Server(port, scripts, new GroupCommitPublisher(rabbit, EXCHANGE, codec, Duration.ofSeconds(5), 2,
                256, 512 * 1024, 8192), createMessage, json);
    }

    static final class Server implements DisposableBean {

        private static final Logger LOG = LoggerFactory.getLogger(Server.class);

        private final HttpServer http;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final ScriptPipeline scripts;
        private final GroupCommitPublisher publisher;
        private final CreateMessageUseCase createMessage;
        private final JsonMapper json;

        Server(int port, ScriptPipeline scripts, GroupCommitPublisher publisher, CreateMessageUseCase createMessage,
               JsonMapper json) throws IOException {
            this.scripts = scripts;
            this.publisher = publisher;
            this.createMessage = createMessage;
            this.json = json;
            this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            http.createContext("/bare", this::handle);
            http.createContext(WRITE_PATH, this::handleWrite);
            http.setExecutor(threads);
            http.start();
            LOG.warn("benchmark endpoint on 127.0.0.1:{}/bare (chat.bench.bare-port): not for production", port);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = body(exchange);
                int status;
                byte[] answer;
                try {
                    long number = (Long) scripts.run(NEXT, List.of("bench:bare"), List.of());
                    publisher.await(publisher.send("message", body));
                    status = 201;
                    answer = ("{\"number\":" + number + "}").getBytes(StandardCharsets.UTF_8);
                } catch (RuntimeException e) {
                    status = 503;
                    answer = problem(status);
                }
                respond(exchange, status, answer);
            }
        }

        /** {@code POST /bare/write/{token}/{chat}} with {@code {"body": ..., "sender": ...}}: see the class comment. */
        private void handleWrite(HttpExchange exchange) throws IOException {
            try (exchange) {
                int status;
                byte[] answer;
                try {
                    String[] path = exchange.getRequestURI().getPath().substring(WRITE_PATH.length()).split("/");
                    if (path.length != 2) {
                        throw new NotFoundException("path");
                    }
                    JsonNode request = json.readTree(body(exchange));
                    JsonNode sender = request.get("sender");
                    MessageView view = createMessage.create(new CreateMessageUseCase.Command(PathValues.token(path[0]),
                            PathValues.chatNumber(Long.parseLong(path[1])), new MessageBody(request.path("body").asString(null)),
                            sender == null || sender.isNull() ? null : new UserId(sender.asString())));
                    status = 201;
                    answer = json.writeValueAsBytes(MessageResponse.from(view));
                } catch (NotFoundException e) {
                    status = 404;
                    answer = problem(status);
                } catch (InvalidValueException | JacksonException | NumberFormatException e) {
                    status = 400;
                    answer = problem(status);
                } catch (DependencyUnavailableException e) {
                    status = 503;
                    answer = problem(status);
                } catch (RuntimeException e) {
                    LOG.warn("bare write failed: {}", e.toString());
                    status = 500;
                    answer = problem(status);
                }
                respond(exchange, status, answer);
            }
        }

        private static byte[] body(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                return in.readAllBytes();
            }
        }

        private static byte[] problem(int status) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }

        private static void respond(HttpExchange exchange, int status, byte[] answer) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }

        @Override
        public void destroy() {
            http.stop(0);
            threads.shutdownNow();
            publisher.close();
        }
    }
}

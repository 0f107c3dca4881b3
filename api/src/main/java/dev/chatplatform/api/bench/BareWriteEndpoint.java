package dev.chatplatform.api.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * The benchmark's yardstick, in the API's own JVM and off unless {@code chat.bench.bare-port} is set: a JDK
 * HTTP server on 127.0.0.1 whose one endpoint ({@code POST /bare}) does only what a POST message must: one
 * numbering script through the same {@link ScriptPipeline} and one persistent publish, group-committed and
 * confirmed on a quorum queue, through the same {@link GroupCommitPublisher}; no Spring MVC, no filters, no
 * validation, no pending copy. Our POST's throughput as a ratio of this one's is what the framework and our
 * code cost (benchmarks/wrk/post-run.sh bare). Its queue is capped (oldest dropped): nothing consumes it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("chat.bench.bare-port")
public class BareWriteEndpoint {

    static final String EXCHANGE = "chat.bench";
    static final String QUEUE = "chat.bench.bare";

    private static final LuaScript NEXT = new LuaScript("return redis.call('HINCRBY', KEYS[1], 'n', 1)");

    @Bean
    Declarables bareWriteTopology() {
        TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
        Queue queue = QueueBuilder.durable(QUEUE).quorum().maxLength(100_000).build();
        return new Declarables(exchange, queue, BindingBuilder.bind(queue).to(exchange).with("#"));
    }

    @Bean(destroyMethod = "destroy")
    Server bareWriteServer(@Value("${chat.bench.bare-port}") int port, ScriptPipeline scripts, RabbitTemplate rabbit,
                           WriteCodec codec) throws IOException {
        return new Server(port, scripts, new GroupCommitPublisher(rabbit, EXCHANGE, codec, Duration.ofSeconds(5), 2,
                256, 512 * 1024, 8192));
    }

    static final class Server implements DisposableBean {

        private static final Logger LOG = LoggerFactory.getLogger(Server.class);

        private final HttpServer http;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final ScriptPipeline scripts;
        private final GroupCommitPublisher publisher;

        Server(int port, ScriptPipeline scripts, GroupCommitPublisher publisher) throws IOException {
            this.scripts = scripts;
            this.publisher = publisher;
            this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            http.createContext("/bare", this::handle);
            http.setExecutor(threads);
            http.start();
            LOG.warn("benchmark endpoint on 127.0.0.1:{}/bare (chat.bench.bare-port): not for production", port);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                int status;
                byte[] answer;
                try {
                    long number = (Long) scripts.run(NEXT, List.of("bench:bare"), List.of());
                    publisher.await(publisher.send("message", body));
                    status = 201;
                    answer = ("{\"number\":" + number + "}").getBytes(StandardCharsets.UTF_8);
                } catch (RuntimeException e) {
                    status = 503;
                    answer = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
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

package dev.chatplatform.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's socket write buffer. Tomcat hands an answer to the socket in writes of at most this buffer: with its
 * default of 8 KiB an inbox page of 50 chats (about 26 KiB) took four write calls, each waking the client for a
 * read of its own, where one would do: alternated runs of the first page, 8 clients, 2,162-2,541/s against
 * 1,779-2,073/s, wrk's CPU per answer 0.052-0.059 ms against 0.070-0.078 (docs/performance.md, issue 12). Every connection holds one such buffer
 * while it is open, WebSocket subscribers included, so it is sized for the pages the API answers, not larger.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration {

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer(@Value("${chat.api.socket-write-buffer:32KB}") DataSize size) {
        return connector -> {
            if (!connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes()))) {
                throw new IllegalStateException("Tomcat's connector has no socket.appWriteBufSize");
            }
        };
    }
}

package dev.chatplatform.infra.wire;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wire formats, shared by the Redis adapter (a pending copy is the command's bytes) and the RabbitMQ
 * adapter (the queued commands and the events); imported by both.
 */
@Configuration(proxyBeanMethods = false)
public class WireConfiguration {

    @Bean
    WriteCodec writeCodec() {
        return new WriteCodec();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}

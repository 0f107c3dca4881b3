package dev.chatplatform.adapters.persistence;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The MySQL adapter as a process imports it: its stores, and Boot's JPA auto-configuration pointed at its
 * entities and repositories. The datasource, JPA and Flyway settings are in {@code chat/persistence.yml},
 * which a process imports with {@code spring.config.import}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PersistenceConfiguration.class)
@AutoConfigurationPackage(basePackageClasses = PersistenceConfiguration.class)
public class PersistenceConfiguration {
}

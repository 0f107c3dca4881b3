package dev.chatplatform.infra.config;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Lets Boot's JPA auto-configuration find the entities and repositories of the persistence adapter. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage(basePackages = "dev.chatplatform.adapters.persistence")
public class PersistenceConfiguration {
}

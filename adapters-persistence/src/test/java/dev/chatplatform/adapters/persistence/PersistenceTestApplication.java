package dev.chatplatform.adapters.persistence;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The persistence adapter alone, with Boot's DataSource, JPA, JdbcTemplate and Flyway auto-configuration. */
@SpringBootApplication
public class PersistenceTestApplication {
}

package dev.chatplatform.adapters.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the persistence adapter: its own Spring context on its own throwaway database
 * (see {@link ThrowawayDatabase}), migrated by Flyway, dropped when the test class is done.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PersistenceTestApplication.class)
@ContextConfiguration(initializers = ThrowawayDatabase.Initializer.class)
@DirtiesContext
public @interface PersistenceIT {
}

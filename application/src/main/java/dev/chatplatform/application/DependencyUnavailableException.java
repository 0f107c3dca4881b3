package dev.chatplatform.application;

/**
 * A service the platform depends on (Redis, RabbitMQ, MySQL, Elasticsearch) did not answer, so the
 * request could not be accepted safely. Callers answer 503 with Retry-After; the worker retries.
 */
public final class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable", cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}

package dev.chatplatform.adapters.persistence.app;

import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;
import org.springframework.stereotype.Repository;
import dev.chatplatform.adapters.persistence.Db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

@Repository
public class JpaAppStore implements AppStore {

    private final AppJpaRepository repository;
    private final Db db;

    public JpaAppStore(AppJpaRepository repository, Db db) {
        this.repository = repository;
        this.db = db;
    }

    @Override
    public App create(AppToken token, AppName name, Instant now) {
        return db.write(() -> toDomain(repository.save(new AppEntity(hash(token), name.value(), now)), token));
    }

    @Override
    public Optional<App> findByToken(AppToken token) {
        return db.read(() -> repository.findByTokenHash(hash(token)).map(entity -> toDomain(entity, token)));
    }

    @Override
    public Optional<App> rename(AppToken token, AppName name, Instant now) {
        return db.write(() -> repository.findByTokenHash(hash(token)).map(entity -> {
            entity.rename(name.value(), now);
            return toDomain(repository.saveAndFlush(entity), token);
        }));
    }

    @Override
    public Optional<App> replaceToken(AppToken current, AppToken next, Instant now) {
        return db.write(() -> repository.findByTokenHash(hash(current)).map(entity -> {
            entity.replaceTokenHash(hash(next), now);
            return toDomain(repository.saveAndFlush(entity), next);
        }));
    }

    /**
     * The token is looked up by its hash: the plain token is never stored. Public as the one definition of
     * {@code apps.token_hash} (the benchmarks' seed finds its application's internal id by it).
     */
    public static byte[] hash(AppToken token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static App toDomain(AppEntity entity, AppToken token) {
        return new App(new AppId(entity.getId()), token, new AppName(entity.getName()), entity.getChatsCount(),
                entity.getCreatedAt(), entity.getUpdatedAt());
    }
}

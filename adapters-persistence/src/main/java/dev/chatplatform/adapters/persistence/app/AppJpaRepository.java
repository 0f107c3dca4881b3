package dev.chatplatform.adapters.persistence.app;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface AppJpaRepository extends JpaRepository<AppEntity, Long> {

    Optional<AppEntity> findByTokenHash(byte[] tokenHash);
}

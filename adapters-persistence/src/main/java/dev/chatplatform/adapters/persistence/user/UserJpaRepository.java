package dev.chatplatform.adapters.persistence.user;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserJpaRepository extends JpaRepository<UserEntity, UserEntity.Key> {
}

package dev.chatplatform.adapters.persistence.message;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface MessageJpaRepository extends JpaRepository<MessageEntity, MessageEntity.Key> {

    /** A backwards range scan of the primary key (app_id, chat_number, number). */
    @Query("""
            select m from MessageEntity m
            where m.appId = :appId and m.chatNumber = :chatNumber and m.number < :belowNumber
            order by m.number desc""")
    List<MessageEntity> pageBelow(long appId, long chatNumber, long belowNumber, Limit limit);
}

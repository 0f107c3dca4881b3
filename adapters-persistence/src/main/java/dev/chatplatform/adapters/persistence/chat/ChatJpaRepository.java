package dev.chatplatform.adapters.persistence.chat;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

interface ChatJpaRepository extends JpaRepository<ChatEntity, ChatEntity.Key> {

    /** Served by ix_chats_inbox (app_id, activity_at, number), read backwards. */
    @Query("""
            select c from ChatEntity c where c.appId = :appId
            order by c.activityAt desc, c.number desc""")
    List<ChatEntity> firstInboxPage(long appId, Limit limit);

    @Query("""
            select c from ChatEntity c where c.appId = :appId
              and (c.activityAt < :activityAt or (c.activityAt = :activityAt and c.number < :number))
            order by c.activityAt desc, c.number desc""")
    List<ChatEntity> inboxPageAfter(long appId, Instant activityAt, long number, Limit limit);
}

package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

public interface ChatStore {

    /** The chat with its participants and derived data (counts, last message). */
    Optional<Chat> find(AppId app, ChatNumber number);

    /**
     * The chat as {@link #find} reads it, with the chat's stored receipts by user when the store keeps a complete
     * copy of them with the chat and can read both at once; without them ({@code receipts} empty) the caller reads
     * the receipt store.
     */
    default Optional<ChatWithReceipts> findWithReceipts(AppId app, ChatNumber number) {
        return find(app, number).map(chat -> new ChatWithReceipts(chat, Optional.empty()));
    }

    /** A chat and, when they were read with it, its stored receipts by user. */
    record ChatWithReceipts(Chat chat, Optional<Map<UserId, Receipt>> receipts) {
        public ChatWithReceipts {
            Objects.requireNonNull(chat, "chat");
            receipts = receipts.map(Map::copyOf);
        }
    }

    /**
     * The inbox: most recent activity first, then number descending; starts after {@code after} when
     * given. Keyset only, so any depth costs the same.
     */
    List<Chat> page(AppId app, InboxFilter filter, InboxPosition after, int limit);

    /**
     * One inbox page as it is shown, in one read: {@link #page}'s chats, each with its newest stored
     * message (null when none is stored) and the chat's receipts by user, from which that message's
     * status is derived.
     */
    List<InboxEntry> inbox(AppId app, InboxFilter filter, InboxPosition after, int limit);

    /**
     * Stores each state unless a newer one is stored already; idempotent. Participants are written
     * once, with the chat.
     */
    void saveAll(List<Chat> chats);

    /** A chat of an inbox page, its newest stored message (or null) and its receipts. */
    record InboxEntry(Chat chat, Message lastMessage, Map<UserId, Receipt> receipts) {
        public InboxEntry {
            Objects.requireNonNull(chat, "chat");
            receipts = Map.copyOf(receipts);
        }
    }

    record InboxPosition(Instant activityAt, long number) {
    }

    /**
     * The next {@code size} chats of the inbox after {@code after} (of the filter's participant's inbox when
     * it names one), each with whether its title or a participant's name or phone contains the filter's
     * text: a window of the inbox to test against message bodies. Its text does not filter; its mentions
     * and its {@code among} are not used.
     */
    List<InboxSlot> window(AppId app, InboxFilter filter, InboxPosition after, int size);

    /** The place in the inbox of each of these chats that is stored (matchesText false), in no order. */
    List<InboxSlot> slots(AppId app, Set<ChatNumber> chats);

    /** A chat's place in the inbox and whether its own text (title, names, phones) matched. */
    record InboxSlot(ChatNumber chat, Instant activityAt, boolean matchesText) {
    }

    /**
     * Which chats the inbox keeps; {@link #ALL} keeps all.
     *
     * @param text         when given, keeps chats whose title or a participant's name or phone contains
     *                     it case-insensitively, and also every chat in {@code mentionedIn}
     * @param mentionedIn  chats with a message body containing {@code text} (found by the search index)
     * @param participant  when given, keeps only chats this user is in
     * @param among        when given, keeps only these chats (ones a caller found already), text aside
     */
    record InboxFilter(String text, Set<ChatNumber> mentionedIn, UserId participant, Set<ChatNumber> among) {
        public static final InboxFilter ALL = new InboxFilter(null, Set.of(), null);

        public InboxFilter {
            mentionedIn = mentionedIn == null ? Set.of() : Set.copyOf(mentionedIn);
            among = among == null ? null : Set.copyOf(among);
        }

        public InboxFilter(String text, Set<ChatNumber> mentionedIn, UserId participant) {
            this(text, mentionedIn, participant, null);
        }

        /** Exactly these chats, in inbox order. */
        public static InboxFilter among(Set<ChatNumber> chats) {
            return new InboxFilter(null, Set.of(), null, chats);
        }
    }
}

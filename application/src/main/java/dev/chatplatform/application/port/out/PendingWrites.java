package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Acknowledged states the worker has not persisted yet: what makes a write readable right after its
 * answer. The worker settles an entry once the same (or a newer) state is stored; a newer pending state
 * stays. Every method throws {@link dev.chatplatform.application.DependencyUnavailableException} when
 * the store is unreachable.
 */
public interface PendingWrites {

    void put(Chat chat);

    void put(Message message);

    void put(User user);

    /** The reaction's state with its new total score; a pending state with a higher score is kept. */
    void put(Reaction reaction);

    /** The receipt's merged state; merged with any pending one (the larger cursors win). */
    void put(Receipt receipt);

    Optional<Chat> findChat(AppId app, ChatNumber number);

    Optional<Message> findMessage(AppId app, ChatNumber chat, MessageNumber number);

    /**
     * Pending messages of a chat numbered strictly between {@code aboveNumber} and {@code belowNumber},
     * newest first, at most {@code limit}.
     */
    List<Message> messagesBetween(AppId app, ChatNumber chat, long aboveNumber, long belowNumber, int limit);

    Optional<User> findUser(AppId app, UserId id);

    /** The pending state of one reaction, if there is one. */
    Optional<Reaction> findReaction(AppId app, ChatNumber chat, Reaction.Key key);

    /** Every pending reaction state of a chat (there are few: they live until the worker catches up). */
    List<Reaction> reactions(AppId app, ChatNumber chat);

    /** Pending receipts of a chat, by user. */
    Map<UserId, Receipt> receipts(AppId app, ChatNumber chat);

    /**
     * What a chat has pending, as {@link #findChat}, {@link #messagesBetween}, {@link #reactions} and
     * {@link #receipts} would answer (a {@code limit} of 0 reads no message): a read of a chat's messages needs
     * all four, and a store that can should answer them in one round trip. Nothing is atomic across the four.
     */
    default ChatPending chatPending(AppId app, ChatNumber chat, long aboveNumber, long belowNumber, int limit) {
        return new ChatPending(findChat(app, chat), messagesBetween(app, chat, aboveNumber, belowNumber, limit),
                reactions(app, chat), receipts(app, chat));
    }

    /** A chat's pending state, its pending messages in a range (newest first), reactions and receipts by user. */
    record ChatPending(Optional<Chat> chat, List<Message> messages, List<Reaction> reactions,
                       Map<UserId, Receipt> receipts) {

        /** What a read falls back to when the store cannot be read: nothing pending. */
        public static final ChatPending NONE = new ChatPending(Optional.empty(), List.of(), List.of(), Map.of());
    }

    void settleChats(List<Chat> persisted);

    void settleMessages(List<Message> persisted);

    void settleUsers(List<User> persisted);

    /** Drops each pending reaction whose score the stored state has reached. */
    void settleReactions(List<Reaction> persisted);

    /** Drops each pending receipt the stored state covers. */
    void settleReceipts(List<Receipt> persisted);
}

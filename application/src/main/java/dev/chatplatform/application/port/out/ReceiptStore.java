package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface ReceiptStore {

    /** Every stored receipt of the chat, by user. */
    Map<UserId, Receipt> ofChat(AppId app, ChatNumber chat);

    /** The stored receipts of several chats at once (the inbox's last messages); chats without any are absent. */
    Map<ChatNumber, Map<UserId, Receipt>> ofChats(AppId app, Collection<ChatNumber> chats);

    /** Merges each state into the stored one (the larger of each cursor wins); idempotent and order-free. */
    void saveAll(List<Receipt> receipts);
}

package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Receipts in memory: each save merges into the stored cursors, the larger of each winning. */
public final class FakeReceiptStore implements ReceiptStore {

    private final Map<ChatKey, Map<UserId, Receipt>> rows = new HashMap<>();
    private final Outage outage = new Outage("mysql");

    @Override
    public synchronized Map<UserId, Receipt> ofChat(AppId app, ChatNumber chat) {
        outage.check();
        return Map.copyOf(rows.getOrDefault(new ChatKey(app, chat), Map.of()));
    }

    @Override
    public synchronized Map<ChatNumber, Map<UserId, Receipt>> ofChats(AppId app, Collection<ChatNumber> chats) {
        outage.check();
        Map<ChatNumber, Map<UserId, Receipt>> found = new HashMap<>();
        for (ChatNumber chat : chats) {
            Map<UserId, Receipt> ofChat = rows.get(new ChatKey(app, chat));
            if (ofChat != null && !ofChat.isEmpty()) {
                found.put(chat, Map.copyOf(ofChat));
            }
        }
        return found;
    }

    @Override
    public synchronized void saveAll(List<Receipt> receipts) {
        outage.check();
        for (Receipt receipt : receipts) {
            rows.computeIfAbsent(new ChatKey(receipt.appId(), receipt.chat()), k -> new HashMap<>())
                    .merge(receipt.user(), receipt, Receipt::merge);
        }
    }

    public Outage outage() {
        return outage;
    }

    private record ChatKey(AppId app, ChatNumber chat) {
    }
}

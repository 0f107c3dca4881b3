package dev.chatplatform.api;

import dev.chatplatform.application.service.PostReceiptService;
import dev.chatplatform.application.service.RotateAppTokenService;
import dev.chatplatform.application.port.in.RotateAppTokenUseCase;
import dev.chatplatform.infra.observability.BusiestApps;
import dev.chatplatform.infra.observability.DependencyMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import dev.chatplatform.application.service.AddReactionService;
import dev.chatplatform.application.service.GetUserService;
import dev.chatplatform.application.service.PutUserService;
import dev.chatplatform.application.port.in.PostReceiptUseCase;
import dev.chatplatform.application.port.in.AddReactionUseCase;
import dev.chatplatform.application.port.in.GetUserUseCase;
import dev.chatplatform.application.port.in.PutUserUseCase;
import dev.chatplatform.application.service.Participants;
import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.application.port.in.CreateAppUseCase;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.in.GetAppUseCase;
import dev.chatplatform.application.port.in.GetChatUseCase;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.in.RenameAppUseCase;
import dev.chatplatform.application.port.in.RetitleChatUseCase;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.NumberReservations;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.application.service.ChatReads;
import dev.chatplatform.application.service.CreateAppService;
import dev.chatplatform.application.service.CreateChatService;
import dev.chatplatform.application.service.CreateMessageService;
import dev.chatplatform.application.service.EditMessageService;
import dev.chatplatform.application.service.GetAppService;
import dev.chatplatform.application.service.GetChatService;
import dev.chatplatform.application.service.GetMessageService;
import dev.chatplatform.application.service.ListChatsService;
import dev.chatplatform.application.service.ListMessagesService;
import dev.chatplatform.application.service.NumberAllocator;
import dev.chatplatform.application.service.SubscribeToChatService;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase;
import dev.chatplatform.application.service.RenameAppService;
import dev.chatplatform.application.service.RetitleChatService;
import dev.chatplatform.application.service.SearchMessagesService;
import dev.chatplatform.infra.cache.CachingAppTokenResolver;
import dev.chatplatform.infra.cache.CommonQueryMemory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The API's use cases: the services carry no framework annotation, so they are wired here, one bean per
 * use case, over the out-ports the imported adapters provide. A token resolves through an in-process cache.
 */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AppTokenResolver appTokenResolver(AppStore apps, BusiestApps busiest,
                                      @Value("${chat.api.token-cache-refresh:PT3S}") Duration refresh) {
        return new CachingAppTokenResolver(apps, busiest::count, refresh, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Which tenants are hot, for the dashboard (issue 13): a bounded top-N by application id. */
    @Bean
    BusiestApps busiestApps(MeterRegistry meters,
                            @Value("${chat.observability.busiest-apps-window:PT1M}") Duration window) {
        return new BusiestApps(meters, window);
    }

    @Bean
    DependencyMeters dependencyMeters(HealthContributorRegistry health, MeterRegistry meters,
                                      @Value("${chat.observability.dependency-check-interval:PT10S}") Duration interval) {
        return new DependencyMeters(health, meters, interval);
    }

    @Bean
    NumberAllocator numberAllocator(NumberCounter counter, NumberReservations reservations) {
        return new NumberAllocator(counter, reservations);
    }

    @Bean
    ChatReads chatReads(PendingWrites pending, ChatStore chats, MessageStore messages, UserStore users,
                        ReactionStore reactions, ReceiptStore receipts, RecentMessagesCache recent) {
        return new ChatReads(pending, chats, messages, users, reactions, receipts, recent);
    }

    @Bean
    Participants participants(ChatReads reads) {
        return new Participants(reads);
    }

    @Bean
    CreateAppUseCase createApp(AppStore apps, NumberAllocator numbers, Clock clock) {
        return new CreateAppService(apps, numbers, clock);
    }

    @Bean
    GetAppUseCase getApp(AppStore apps) {
        return new GetAppService(apps);
    }

    @Bean
    RenameAppUseCase renameApp(AppStore apps, Clock clock) {
        return new RenameAppService(apps, clock);
    }

    @Bean
    RotateAppTokenUseCase rotateAppToken(AppStore apps, Clock clock) {
        return new RotateAppTokenService(apps, clock);
    }

    @Bean
    CreateChatUseCase createChat(AppTokenResolver tokens, NumberAllocator numbers, WriteQueue queue,
                                 PendingWrites pending) {
        return new CreateChatService(tokens, numbers, queue, pending);
    }

    @Bean
    GetChatUseCase getChat(AppTokenResolver tokens, ChatReads reads) {
        return new GetChatService(tokens, reads);
    }

    /**
     * The inbox q's plan asks the message index whether q is common; the answer "common" is remembered
     * ({@link CommonQueryMemory}), {@code entries} of them for {@code keep} each (0 entries: asked every time).
     */
    @Bean
    ListChatsUseCase listChats(AppTokenResolver tokens, ChatStore chats, ChatSearchIndex chatIndex,
                               MessageSearchIndex index, ChatReads reads, MeterRegistry meters,
                               @Value("${chat.search.common-queries.entries:10000}") long entries,
                               @Value("${chat.search.common-queries.keep:PT10M}") Duration keep) {
        MessageSearchIndex planned = index;
        if (entries > 0) {
            CommonQueryMemory memory = new CommonQueryMemory(index, entries, keep);
            CaffeineCacheMetrics.monitor(meters, memory.cache(), "chat.search.common-queries");
            planned = memory;
        }
        return new ListChatsService(tokens, chats, chatIndex, planned, reads);
    }

    @Bean
    RetitleChatUseCase retitleChat(AppTokenResolver tokens, ChatReads reads, WriteQueue queue, PendingWrites pending,
                                   Clock clock) {
        return new RetitleChatService(tokens, reads, queue, pending, clock);
    }

    @Bean
    CreateMessageUseCase createMessage(AppTokenResolver tokens, ChatReads reads, Participants participants,
                                       NumberAllocator numbers, WriteQueue queue, PendingWrites pending) {
        return new CreateMessageService(tokens, reads, participants, numbers, queue, pending);
    }

    @Bean
    GetMessageUseCase getMessage(AppTokenResolver tokens, ChatReads reads) {
        return new GetMessageService(tokens, reads);
    }

    @Bean
    ListMessagesUseCase listMessages(AppTokenResolver tokens, ChatReads reads) {
        return new ListMessagesService(tokens, reads);
    }

    @Bean
    EditMessageUseCase editMessage(AppTokenResolver tokens, ChatReads reads, WriteQueue queue, PendingWrites pending,
                                   Clock clock) {
        return new EditMessageService(tokens, reads, queue, pending, clock);
    }

    @Bean
    SearchMessagesUseCase searchMessages(AppTokenResolver tokens, ChatReads reads, MessageSearchIndex index) {
        return new SearchMessagesService(tokens, reads, index);
    }

    @Bean
    PutUserUseCase putUser(AppTokenResolver tokens, ChatReads reads, WriteQueue queue, PendingWrites pending,
                           Clock clock) {
        return new PutUserService(tokens, reads, queue, pending, clock);
    }

    @Bean
    GetUserUseCase getUser(AppTokenResolver tokens, ChatReads reads) {
        return new GetUserService(tokens, reads);
    }

    @Bean
    AddReactionUseCase addReaction(AppTokenResolver tokens, ChatReads reads, Participants participants,
                                   WriteQueue queue, PendingWrites pending, Clock clock) {
        return new AddReactionService(tokens, reads, participants, queue, pending, clock);
    }

    @Bean
    PostReceiptUseCase postReceipt(AppTokenResolver tokens, ChatReads reads, Participants participants,
                                   WriteQueue queue, PendingWrites pending, Clock clock) {
        return new PostReceiptService(tokens, reads, participants, queue, pending, clock);
    }

    @Bean
    SubscribeToChatUseCase subscribeToChat(AppTokenResolver tokens, ChatReads reads) {
        return new SubscribeToChatService(tokens, reads);
    }

    /** See {@link CarrierWatchdog}: a hang of the virtual threads' carriers is logged with a thread dump. */
    @Bean(destroyMethod = "close")
    CarrierWatchdog carrierWatchdog(@Value("${chat.api.carrier-stall:PT5S}") Duration stall,
                                    @Value("${chat.api.thread-dumps:${java.io.tmpdir}}") String dumps,
                                    MeterRegistry meters) {
        return new CarrierWatchdog(stall, java.nio.file.Path.of(dumps), meters);
    }

    /** See {@link SearchWarmUp}: the Elasticsearch client's classes are initialised before requests come. */
    @Bean
    SearchWarmUp searchWarmUp(MessageSearchIndex messages, ChatSearchIndex chats) {
        return new SearchWarmUp(messages, chats);
    }
}

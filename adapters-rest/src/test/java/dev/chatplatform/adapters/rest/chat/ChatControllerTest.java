package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.in.GetChatUseCase;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.in.RetitleChatUseCase;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.receipt.MessageStatus;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static dev.chatplatform.adapters.rest.DomainMother.CREATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.TOKEN;
import static dev.chatplatform.adapters.rest.DomainMother.APP_ID;
import static dev.chatplatform.adapters.rest.DomainMother.UPDATED;
import static dev.chatplatform.adapters.rest.DomainMother.UPDATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.chatView;
import static dev.chatplatform.adapters.rest.DomainMother.chatWith;
import static dev.chatplatform.adapters.rest.DomainMother.messageFrom;
import static dev.chatplatform.adapters.rest.DomainMother.reaction;
import static dev.chatplatform.adapters.rest.DomainMother.summaryOf;
import static dev.chatplatform.adapters.rest.DomainMother.userIds;
import static dev.chatplatform.adapters.rest.DomainMother.withStatus;
import static dev.chatplatform.adapters.rest.DomainMother.chatWithMessages;
import static dev.chatplatform.adapters.rest.Problems.invalidField;
import static dev.chatplatform.adapters.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ChatController.class)
class ChatControllerTest {

    private static final String CHATS = "/api/v1/applications/{token}/chats";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CreateChatUseCase createChat;
    @MockitoBean
    GetChatUseCase getChat;
    @MockitoBean
    ListChatsUseCase listChats;
    @MockitoBean
    RetitleChatUseCase retitleChat;

    @Test
    void createAnswers201WithLocationAndSnakeCaseBody() throws Exception {
        when(createChat.create(any())).thenReturn(chatView(7, "Support"));

        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Support\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/applications/" + TOKEN.value() + "/chats/7"))
                .andExpect(jsonPath("$.number").value(7))
                .andExpect(jsonPath("$.title").value("Support"))
                .andExpect(jsonPath("$.participants").isArray())
                .andExpect(jsonPath("$.messages_count").value(0))
                .andExpect(jsonPath("$.last_message_at").isEmpty())
                .andExpect(jsonPath("$.last_message").isEmpty())
                .andExpect(jsonPath("$.created_at").value(CREATED_JSON))
                .andExpect(jsonPath("$.updated_at").value(CREATED_JSON))
                .andExpect(jsonPath("$.messagesCount").doesNotExist());

        ArgumentCaptor<CreateChatUseCase.Command> command = ArgumentCaptor.forClass(CreateChatUseCase.Command.class);
        verify(createChat).create(command.capture());
        assertThat(command.getValue().token()).isEqualTo(TOKEN);
        assertThat(command.getValue().title().value()).isEqualTo("Support");
        assertThat(command.getValue().participants()).isEmpty();
    }

    @Test
    void createWithoutTitleAcceptsAnEmptyObjectOrNoBodyAtAll() throws Exception {
        when(createChat.create(any())).thenReturn(chatView(1, null));

        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").isEmpty());
        mvc.perform(post(CHATS, TOKEN.value()))
                .andExpect(status().isCreated());

        ArgumentCaptor<CreateChatUseCase.Command> command = ArgumentCaptor.forClass(CreateChatUseCase.Command.class);
        verify(createChat, times(2)).create(command.capture());
        assertThat(command.getAllValues()).allSatisfy(c -> assertThat(c.title()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":\"\"}", "{\"title\":\"  \"}", "{\"title\":7}", "{\"title\":false}"})
    void createWithInvalidTitleIs400NamingTheField(String json) throws Exception {
        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("title"));

        verifyNoInteractions(createChat);
    }

    @Test
    void createWithTitleOver255CharactersIs400NamingTheField() throws Exception {
        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + "t".repeat(256) + "\"}"))
                .andExpect(invalidField("title"));
    }

    @Test
    void createForMalformedTokenIs404() throws Exception {
        mvc.perform(post(CHATS, "not-a-token").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(404));

        verifyNoInteractions(createChat);
    }

    @Test
    void createForUnknownTokenIs404() throws Exception {
        when(createChat.create(any())).thenThrow(new NotFoundException("application"));

        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(404));
    }

    @Test
    void createAnswers503WithRetryAfterWhenTheQueueIsDown() throws Exception {
        when(createChat.create(any())).thenThrow(new DependencyUnavailableException("rabbitmq", new IOException("nack")));

        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(503))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void getAnswersTheChatWithMillisecondTimestamps() throws Exception {
        when(getChat.get(TOKEN, ChatNumber.of(3)))
                .thenReturn(ChatView.withoutMessages(chatWithMessages(3, 12, Instant.parse("2026-11-24T10:00:00.5Z"))));

        mvc.perform(get(CHATS + "/{number}", TOKEN.value(), 3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(3))
                .andExpect(jsonPath("$.messages_count").value(12))
                .andExpect(jsonPath("$.last_message_at").value("2026-11-24T10:00:00.500Z"));
    }

    @Test
    void unknownChatIs404() throws Exception {
        when(getChat.get(any(), any())).thenThrow(new NotFoundException("chat"));

        mvc.perform(get(CHATS + "/{number}", TOKEN.value(), 99))
                .andExpect(problem(404));
    }

    @Test
    void nonNumericChatNumberIs400NamingTheField() throws Exception {
        mvc.perform(get(CHATS + "/{number}", TOKEN.value(), "abc"))
                .andExpect(invalidField("number"));
    }

    @Test
    void listAnswersAPageInSnakeCase() throws Exception {
        when(listChats.list(any())).thenReturn(new Page<>(List.of(chatView(2, "b"), chatView(1, "a")), "next"));

        mvc.perform(get(CHATS, TOKEN.value()).param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.data[0].number").value(2))
                .andExpect(jsonPath("$.data[1].number").value(1))
                .andExpect(jsonPath("$.next_cursor").value("next"));

        ArgumentCaptor<ListChatsUseCase.Query> query = ArgumentCaptor.forClass(ListChatsUseCase.Query.class);
        verify(listChats).list(query.capture());
        assertThat(query.getValue().token()).isEqualTo(TOKEN);
        assertThat(query.getValue().page().limit()).isEqualTo(2);
        assertThat(query.getValue().text()).isNull();
        assertThat(query.getValue().participant()).isNull();
    }

    @Test
    void lastPageHasANullCursor() throws Exception {
        when(listChats.list(any())).thenReturn(new Page<>(List.<ChatView>of(), null));

        mvc.perform(get(CHATS, TOKEN.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data").isEmpty())
                .andExpect(jsonPath("$.next_cursor").isEmpty());

        ArgumentCaptor<ListChatsUseCase.Query> query = ArgumentCaptor.forClass(ListChatsUseCase.Query.class);
        verify(listChats).list(query.capture());
        assertThat(query.getValue().page().limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999"})
    void limitOutside1To100Is400NamingLimit(String limit) throws Exception {
        mvc.perform(get(CHATS, TOKEN.value()).param("limit", limit))
                .andExpect(invalidField("limit"));

        verifyNoInteractions(listChats);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "!!!", "djE6aW5ib3g6eDp5", "djE6b3RoZXI6MTox"})
    void unreadableCursorIs400NamingCursor(String cursor) throws Exception {
        // the service decodes the cursor; this stand-in does the same with the real Cursors
        when(listChats.list(any())).thenAnswer(call -> {
            ListChatsUseCase.Query query = call.getArgument(0);
            String[] parts = Cursors.decode(query.page().cursor(), "inbox", 2);
            Cursors.decodeLong(parts[0]);
            Cursors.decodeLong(parts[1]);
            return new Page<>(List.<ChatView>of(), null);
        });

        mvc.perform(get(CHATS, TOKEN.value()).param("cursor", cursor))
                .andExpect(invalidField("cursor"));
    }

    @Test
    void retitleAnswersTheChat() throws Exception {
        when(retitleChat.retitle(any())).thenReturn(chatView(4, "New"));

        mvc.perform(patch(CHATS + "/{number}", TOKEN.value(), 4).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"New\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("New"));

        ArgumentCaptor<RetitleChatUseCase.Command> command = ArgumentCaptor.forClass(RetitleChatUseCase.Command.class);
        verify(retitleChat).retitle(command.capture());
        assertThat(command.getValue().number()).isEqualTo(ChatNumber.of(4));
        assertThat(command.getValue().title().value()).isEqualTo("New");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"title\":null}", "{\"title\":\"\"}", "{\"title\":\" \"}", "{\"title\":1}"})
    void retitleWithoutAUsableTitleIs400NamingTheField(String json) throws Exception {
        mvc.perform(patch(CHATS + "/{number}", TOKEN.value(), 4).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("title"));

        verifyNoInteractions(retitleChat);
    }

    @Test
    void retitleWithMalformedJsonIs400() throws Exception {
        mvc.perform(patch(CHATS + "/{number}", TOKEN.value(), 4).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"New"))
                .andExpect(problem(400));
    }

    @Test
    void retitleAsPlainTextIs415() throws Exception {
        mvc.perform(patch(CHATS + "/{number}", TOKEN.value(), 4).contentType(MediaType.TEXT_PLAIN).content("New"))
                .andExpect(problem(415));
    }

    @Test
    void deleteIs405() throws Exception {
        mvc.perform(delete(CHATS + "/{number}", TOKEN.value(), 4))
                .andExpect(problem(405));
    }

    @Test
    void createWithParticipantsPassesThemInOrderAndAnswersThem() throws Exception {
        when(createChat.create(any())).thenReturn(ChatView.withoutMessages(chatWith(8, "bob", "alice.w@x-1")));

        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":[\"bob\",\"alice.w@x-1\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.participants[0]").value("bob"))
                .andExpect(jsonPath("$.participants[1]").value("alice.w@x-1"))
                .andExpect(jsonPath("$.participants.length()").value(2));

        ArgumentCaptor<CreateChatUseCase.Command> command = ArgumentCaptor.forClass(CreateChatUseCase.Command.class);
        verify(createChat).create(command.capture());
        assertThat(command.getValue().participants()).isEqualTo(userIds("bob", "alice.w@x-1"));
        assertThat(command.getValue().title()).isNull();
    }

    @Test
    void createWithEmptyOrNullParticipantsIsAnOpenChat() throws Exception {
        when(createChat.create(any())).thenReturn(chatView(1, null));

        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON).content("{\"participants\":[]}"))
                .andExpect(status().isCreated());
        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON).content("{\"participants\":null}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<CreateChatUseCase.Command> command = ArgumentCaptor.forClass(CreateChatUseCase.Command.class);
        verify(createChat, times(2)).create(command.capture());
        assertThat(command.getAllValues()).allSatisfy(c -> assertThat(c.participants()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "null", "\"has space\"", "\"semi;colon\"", "\"slash/\"", "\"émile\"", "42", "4.2",
            "true", "{\"id\":\"bob\"}", "[\"bob\"]"})
    void invalidParticipantIs400NamingItsPosition(String second) throws Exception {
        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":[\"alice\"," + second + ",\"carol\"]}"))
                .andExpect(invalidField("participants[1]"));

        verifyNoInteractions(createChat);
    }

    @Test
    void participantIdOver64CharactersIs400NamingItsPosition() throws Exception {
        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":[\"" + "u".repeat(65) + "\"]}"))
                .andExpect(invalidField("participants[0]"));
        when(createChat.create(any())).thenReturn(chatView(1, null));
        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":[\"" + "u".repeat(64) + "\"]}"))
                .andExpect(status().isCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"alice\"", "\"\"", "42", "true", "{\"0\":\"alice\"}", "{}"})
    void participantsThatAreNotAnArrayAre400NamingParticipants(String participants) throws Exception {
        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":" + participants + "}"))
                .andExpect(invalidField("participants"));

        verifyNoInteractions(createChat);
    }

    @Test
    void aParticipantListedTwiceIs400NamingTheRepetition() throws Exception {
        // the service opens the chat; this stand-in does the same with the real domain rule
        when(createChat.create(any())).thenAnswer(call -> {
            CreateChatUseCase.Command command = call.getArgument(0);
            return ChatView.withoutMessages(Chat.open(APP_ID, ChatNumber.of(1), command.title(),
                    command.participants(), Instant.now()));
        });

        mvc.perform(post(CHATS, TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"participants\":[\"alice\",\"bob\",\"alice\"]}"))
                .andExpect(invalidField("participants[2]"));
    }

    @Test
    void chatCarriesItsLastMessageInFull() throws Exception {
        Chat chat = chatWithMessages(3, 2, UPDATED);
        Message last = messageFrom(3, 2, "alice", summaryOf(reaction(3, 2, "bob", "like", 4)));
        when(getChat.get(TOKEN, ChatNumber.of(3))).thenReturn(new ChatView(chat, withStatus(last, MessageStatus.READ)));

        mvc.perform(get(CHATS + "/{number}", TOKEN.value(), 3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.last_message_at").value(UPDATED_JSON))
                .andExpect(jsonPath("$.last_message.number").value(2))
                .andExpect(jsonPath("$.last_message.chat_number").value(3))
                .andExpect(jsonPath("$.last_message.body").value("hi"))
                .andExpect(jsonPath("$.last_message.sender").value("alice"))
                .andExpect(jsonPath("$.last_message.status").value("read"))
                .andExpect(jsonPath("$.last_message.reaction_counts.like").value(1))
                .andExpect(jsonPath("$.last_message.reaction_scores.like").value(4))
                .andExpect(jsonPath("$.last_message.latest_reactions[0].user_id").value("bob"));
    }

    @Test
    void listPassesQAndParticipantToTheInbox() throws Exception {
        when(listChats.list(any())).thenReturn(new Page<>(List.of(chatView(2, "b")), null));

        mvc.perform(get(CHATS, TOKEN.value()).param("q", "Support Team").param("participant", "alice@acme.example")
                        .param("limit", "5").param("cursor", "c0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].number").value(2));

        ArgumentCaptor<ListChatsUseCase.Query> query = ArgumentCaptor.forClass(ListChatsUseCase.Query.class);
        verify(listChats).list(query.capture());
        assertThat(query.getValue().text()).isEqualTo("Support Team");
        assertThat(query.getValue().participant()).isEqualTo(new UserId("alice@acme.example"));
        assertThat(query.getValue().page()).isEqualTo(new PageRequest(5, "c0"));
    }

    @Test
    void qOf200CharactersIsAccepted() throws Exception {
        when(listChats.list(any())).thenReturn(new Page<>(List.<ChatView>of(), null));

        mvc.perform(get(CHATS, TOKEN.value()).param("q", "q".repeat(200)))
                .andExpect(status().isOk());
    }

    @Test
    void qEmptyOrOver200CharactersIs400NamingQ() throws Exception {
        mvc.perform(get(CHATS, TOKEN.value()).param("q", ""))
                .andExpect(invalidField("q"));
        mvc.perform(get(CHATS, TOKEN.value()).param("q", "q".repeat(201)))
                .andExpect(invalidField("q"));

        verifyNoInteractions(listChats);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "émile"})
    void invalidParticipantFilterIs400NamingParticipant(String participant) throws Exception {
        mvc.perform(get(CHATS, TOKEN.value()).param("participant", participant))
                .andExpect(invalidField("participant"));

        verifyNoInteractions(listChats);
    }

    @Test
    void participantFilterOver64CharactersIs400NamingParticipant() throws Exception {
        mvc.perform(get(CHATS, TOKEN.value()).param("participant", "u".repeat(65)))
                .andExpect(invalidField("participant"));
    }

    @Test
    void retitleCannotChangeParticipants() throws Exception {
        mvc.perform(patch(CHATS + "/{number}", TOKEN.value(), 4).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"New\",\"participants\":[\"alice\"]}"))
                .andExpect(invalidField("participants"));

        verifyNoInteractions(retitleChat);
    }
}

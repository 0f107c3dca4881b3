package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.adapters.rest.UnsizedRequest;
import dev.chatplatform.adapters.rest.problem.RequestSizeLimitFilter;
import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.receipt.MessageStatus;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static dev.chatplatform.adapters.rest.DomainMother.CREATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.TOKEN;
import static dev.chatplatform.adapters.rest.DomainMother.UPDATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.messageFrom;
import static dev.chatplatform.adapters.rest.DomainMother.messageView;
import static dev.chatplatform.adapters.rest.DomainMother.reaction;
import static dev.chatplatform.adapters.rest.DomainMother.summaryOf;
import static dev.chatplatform.adapters.rest.DomainMother.withStatus;
import static dev.chatplatform.adapters.rest.Problems.invalidField;
import static dev.chatplatform.adapters.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MessageController.class)
class MessageControllerTest {

    private static final String MESSAGES = "/api/v1/applications/{token}/chats/{chat}/messages";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CreateMessageUseCase createMessage;
    @MockitoBean
    GetMessageUseCase getMessage;
    @MockitoBean
    ListMessagesUseCase listMessages;
    @MockitoBean
    EditMessageUseCase editMessage;
    @MockitoBean
    SearchMessagesUseCase searchMessages;

    @Test
    void createAnswers201WithLocationAndSnakeCaseBody() throws Exception {
        when(createMessage.create(any())).thenReturn(messageView(5, 11, "hello"));

        mvc.perform(post(MESSAGES, TOKEN.value(), 5).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"hello\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION,
                        "/api/v1/applications/" + TOKEN.value() + "/chats/5/messages/11"))
                .andExpect(jsonPath("$.number").value(11))
                .andExpect(jsonPath("$.chat_number").value(5))
                .andExpect(jsonPath("$.body").value("hello"))
                .andExpect(jsonPath("$.sender").isEmpty())
                .andExpect(jsonPath("$.created_at").value(CREATED_JSON))
                .andExpect(jsonPath("$.updated_at").value(UPDATED_JSON))
                .andExpect(jsonPath("$.status").value("sent"))
                .andExpect(jsonPath("$.reaction_counts").isMap())
                .andExpect(jsonPath("$.reaction_scores").isMap())
                .andExpect(jsonPath("$.latest_reactions").isArray())
                .andExpect(jsonPath("$.chatNumber").doesNotExist());

        ArgumentCaptor<CreateMessageUseCase.Command> command = ArgumentCaptor.forClass(CreateMessageUseCase.Command.class);
        verify(createMessage).create(command.capture());
        assertThat(command.getValue().token()).isEqualTo(TOKEN);
        assertThat(command.getValue().chat()).isEqualTo(ChatNumber.of(5));
        assertThat(command.getValue().body().value()).isEqualTo("hello");
        assertThat(command.getValue().sender()).isNull();
    }

    @Test
    void createKeepsUnicodeBodiesIntact() throws Exception {
        String body = "héllo 👋 世界 مرحبا";
        when(createMessage.create(any())).thenReturn(messageView(1, 1, body));

        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content(("{\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.body").value(body));

        ArgumentCaptor<CreateMessageUseCase.Command> command = ArgumentCaptor.forClass(CreateMessageUseCase.Command.class);
        verify(createMessage).create(command.capture());
        assertThat(command.getValue().body().value()).isEqualTo(body);
    }

    @Test
    void bodyOf10000CharactersIsAccepted() throws Exception {
        String body = "b".repeat(10_000);
        when(createMessage.create(any())).thenReturn(messageView(1, 1, body));

        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"" + body + "\"}"))
                .andExpect(status().isCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"body\":null}", "{\"body\":\"\"}", "{\"body\":\" \\n\\t \"}", "{\"body\":42}",
            "{\"body\":4.2}", "{\"body\":true}", "{\"body\":[\"hi\"]}", "{\"body\":{\"text\":\"hi\"}}"})
    void invalidBodyIs400NamingTheField(String json) throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("body"));

        verifyNoInteractions(createMessage);
    }

    @Test
    void bodyOver10000CharactersIs400NamingTheField() throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"" + "b".repeat(10_001) + "\"}"))
                .andExpect(invalidField("body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"body\":", "{\"body\":\"hi\"", "body=hi", "{'body':'hi'}", "{\"body\":\"hi\",}"})
    void malformedJsonIs400(String json) throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(400));

        verifyNoInteractions(createMessage);
    }

    @Test
    void createForMalformedTokenIs404() throws Exception {
        mvc.perform(post(MESSAGES, "x", 1).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"hi\"}"))
                .andExpect(problem(404));

        verifyNoInteractions(createMessage);
    }

    @Test
    void createInUnknownChatIs404() throws Exception {
        when(createMessage.create(any())).thenThrow(new NotFoundException("chat"));

        mvc.perform(post(MESSAGES, TOKEN.value(), 404).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"hi\"}"))
                .andExpect(problem(404));
    }

    @Test
    void nonNumericChatNumberIs400NamingTheField() throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), "abc").contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"hi\"}"))
                .andExpect(invalidField("chat_number"));
    }

    @Test
    void createAnswers503WithRetryAfterWhenADependencyIsDown() throws Exception {
        when(createMessage.create(any())).thenThrow(new DependencyUnavailableException("redis", new IOException("reset")));

        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"hi\"}"))
                .andExpect(problem(503))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void bodyOver64KiBIs413WhenItsLengthIsAnnounced() throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON).content(jsonOfBytes(64 * 1024 + 1)))
                .andExpect(problem(413));

        verifyNoInteractions(createMessage);
    }

    @Test
    void bodyOver64KiBIs413WhenItsLengthIsNotAnnounced() throws Exception {
        mvc.perform(UnsizedRequest.post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content(jsonOfBytes(64 * 1024 + 1)))
                .andExpect(problem(413));

        verifyNoInteractions(createMessage);
    }

    @Test
    void bodyOfExactly64KiBIsReadAndJudgedOnItsContent() throws Exception {
        // at the limit the body is read; its message is then too long for the domain, a 400, not a 413
        mvc.perform(UnsizedRequest.post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content(jsonOfBytes(RequestSizeLimitFilter.MAX_BYTES)))
                .andExpect(invalidField("body"));
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content(jsonOfBytes(RequestSizeLimitFilter.MAX_BYTES)))
                .andExpect(invalidField("body"));
    }

    @Test
    void plainTextIs415() throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.TEXT_PLAIN).content("hi"))
                .andExpect(problem(415));

        verifyNoInteractions(createMessage);
    }

    @Test
    void deleteIs405() throws Exception {
        mvc.perform(delete(MESSAGES + "/{number}", TOKEN.value(), 1, 1))
                .andExpect(problem(405));
        mvc.perform(delete(MESSAGES, TOKEN.value(), 1))
                .andExpect(problem(405));
    }

    @Test
    void getAnswersTheMessage() throws Exception {
        when(getMessage.get(TOKEN, ChatNumber.of(2), MessageNumber.of(3))).thenReturn(messageView(2, 3, "found"));

        mvc.perform(get(MESSAGES + "/{number}", TOKEN.value(), 2, 3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(3))
                .andExpect(jsonPath("$.chat_number").value(2))
                .andExpect(jsonPath("$.body").value("found"));
    }

    @Test
    void unknownMessageIs404() throws Exception {
        when(getMessage.get(any(), any(), any())).thenThrow(new NotFoundException("message"));

        mvc.perform(get(MESSAGES + "/{number}", TOKEN.value(), 2, 3))
                .andExpect(problem(404));
    }

    @Test
    void editWorksWithPatchAndPut() throws Exception {
        when(editMessage.edit(any())).thenReturn(messageView(2, 3, "edited"));

        mvc.perform(patch(MESSAGES + "/{number}", TOKEN.value(), 2, 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"edited\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("edited"));
        mvc.perform(put(MESSAGES + "/{number}", TOKEN.value(), 2, 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"edited\"}"))
                .andExpect(status().isOk());

        ArgumentCaptor<EditMessageUseCase.Command> command = ArgumentCaptor.forClass(EditMessageUseCase.Command.class);
        verify(editMessage, times(2)).edit(command.capture());
        assertThat(command.getValue().chat()).isEqualTo(ChatNumber.of(2));
        assertThat(command.getValue().number()).isEqualTo(MessageNumber.of(3));
        assertThat(command.getValue().body().value()).isEqualTo("edited");
    }

    @Test
    void editWithWrongTypeIs400NamingTheField() throws Exception {
        mvc.perform(patch(MESSAGES + "/{number}", TOKEN.value(), 2, 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":42}"))
                .andExpect(invalidField("body"));

        verifyNoInteractions(editMessage);
    }

    @Test
    void listAnswersAPageInSnakeCase() throws Exception {
        when(listMessages.list(eq(TOKEN), eq(ChatNumber.of(2)), eq(MessageRange.ALL), any()))
                .thenReturn(new Page<>(List.of(messageView(2, 9, "newest"), messageView(2, 8, "older")), "c1"));

        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("limit", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].number").value(9))
                .andExpect(jsonPath("$.data[1].number").value(8))
                .andExpect(jsonPath("$.data[0].chat_number").value(2))
                .andExpect(jsonPath("$.next_cursor").value("c1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "abc"})
    void limitOutside1To100Is400NamingLimit(String limit) throws Exception {
        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("limit", limit))
                .andExpect(invalidField("limit"));

        verifyNoInteractions(listMessages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "%%%", "djE6bWVzc2FnZXM6eA"})
    void unreadableCursorIs400NamingCursor(String cursor) throws Exception {
        // the service decodes the cursor; this stand-in does the same with the real Cursors
        when(listMessages.list(eq(TOKEN), any(), any(), any())).thenAnswer(call -> {
            PageRequest page = call.getArgument(3);
            Cursors.decodeLong(Cursors.decode(page.cursor(), "messages", 1)[0]);
            return new Page<>(List.<MessageView>of(), null);
        });

        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("cursor", cursor))
                .andExpect(invalidField("cursor"));
    }

    @Test
    void searchPassesTheQueryAndAnswersAPage() throws Exception {
        when(searchMessages.search(any())).thenReturn(new Page<>(List.of(messageView(2, 4, "needle in a haystack")), null));

        mvc.perform(get(MESSAGES + "/search", TOKEN.value(), 2).param("q", "Needle").param("limit", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].body").value("needle in a haystack"))
                .andExpect(jsonPath("$.next_cursor").isEmpty());

        ArgumentCaptor<SearchMessagesUseCase.Query> query = ArgumentCaptor.forClass(SearchMessagesUseCase.Query.class);
        verify(searchMessages).search(query.capture());
        assertThat(query.getValue().text()).isEqualTo("Needle");
        assertThat(query.getValue().chat()).isEqualTo(ChatNumber.of(2));
        assertThat(query.getValue().page().limit()).isEqualTo(10);
    }

    @Test
    void searchWithoutQueryIs400NamingQ() throws Exception {
        mvc.perform(get(MESSAGES + "/search", TOKEN.value(), 2))
                .andExpect(invalidField("q"));
        mvc.perform(get(MESSAGES + "/search", TOKEN.value(), 2).param("q", ""))
                .andExpect(invalidField("q"));
    }

    @Test
    void searchQueryOver200CharactersIs400NamingQ() throws Exception {
        mvc.perform(get(MESSAGES + "/search", TOKEN.value(), 2).param("q", "q".repeat(201)))
                .andExpect(invalidField("q"));

        verifyNoInteractions(searchMessages);
    }

    @Test
    void searchWithBadLimitIs400NamingLimit() throws Exception {
        mvc.perform(get(MESSAGES + "/search", TOKEN.value(), 2).param("q", "x").param("limit", "101"))
                .andExpect(invalidField("limit"));
    }

    @Test
    void createPassesTheSenderAndAnswersIt() throws Exception {
        when(createMessage.create(any())).thenReturn(MessageView.sent(messageFrom(5, 1, "alice.w@x-1", null)));

        mvc.perform(post(MESSAGES, TOKEN.value(), 5).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"hi\",\"sender\":\"alice.w@x-1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sender").value("alice.w@x-1"));

        ArgumentCaptor<CreateMessageUseCase.Command> command = ArgumentCaptor.forClass(CreateMessageUseCase.Command.class);
        verify(createMessage).create(command.capture());
        assertThat(command.getValue().sender()).isEqualTo(new UserId("alice.w@x-1"));
    }

    @Test
    void aNullSenderIsNoSender() throws Exception {
        when(createMessage.create(any())).thenReturn(messageView(5, 1, "hi"));

        mvc.perform(post(MESSAGES, TOKEN.value(), 5).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"hi\",\"sender\":null}"))
                .andExpect(status().isCreated());

        ArgumentCaptor<CreateMessageUseCase.Command> command = ArgumentCaptor.forClass(CreateMessageUseCase.Command.class);
        verify(createMessage).create(command.capture());
        assertThat(command.getValue().sender()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"has space\"", "\"semi;colon\"", "\"émile\"", "42", "4.2", "true", "[\"alice\"]",
            "{\"id\":\"alice\"}"})
    void invalidSenderIs400NamingSender(String sender) throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"hi\",\"sender\":" + sender + "}"))
                .andExpect(invalidField("sender"));

        verifyNoInteractions(createMessage);
    }

    @Test
    void senderOver64CharactersIs400NamingSender() throws Exception {
        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"hi\",\"sender\":\"" + "s".repeat(65) + "\"}"))
                .andExpect(invalidField("sender"));
    }

    @Test
    void senderWhoIsNotAParticipantIs400NamingSender() throws Exception {
        when(createMessage.create(any())).thenThrow(new InvalidValueException("sender", "is not a participant of this chat"));

        mvc.perform(post(MESSAGES, TOKEN.value(), 1).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"hi\",\"sender\":\"mallory\"}"))
                .andExpect(invalidField("sender"));
    }

    @Test
    void editCannotChangeTheSender() throws Exception {
        mvc.perform(patch(MESSAGES + "/{number}", TOKEN.value(), 2, 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"edited\",\"sender\":\"alice\"}"))
                .andExpect(invalidField("sender"));

        verifyNoInteractions(editMessage);
    }

    @Test
    void messageCarriesStatusAndReactions() throws Exception {
        ReactionSummary reactions = summaryOf(
                reaction(2, 3, "bob", "thumbs_up", 3),
                reaction(2, 3, "carol", "thumbs_up", 1),
                reaction(2, 3, "carol", "+1", 1000));
        when(getMessage.get(TOKEN, ChatNumber.of(2), MessageNumber.of(3)))
                .thenReturn(withStatus(messageFrom(2, 3, "alice", reactions), MessageStatus.DELIVERED));

        mvc.perform(get(MESSAGES + "/{number}", TOKEN.value(), 2, 3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sender").value("alice"))
                .andExpect(jsonPath("$.status").value("delivered"))
                .andExpect(jsonPath("$.reaction_counts.thumbs_up").value(2))
                .andExpect(jsonPath("$.reaction_counts['+1']").value(1))
                .andExpect(jsonPath("$.reaction_scores.thumbs_up").value(4))
                .andExpect(jsonPath("$.reaction_scores['+1']").value(1000))
                .andExpect(jsonPath("$.latest_reactions.length()").value(3))
                .andExpect(jsonPath("$.latest_reactions[*].user_id", hasItems("bob", "carol")))
                .andExpect(jsonPath("$.latest_reactions[0].type").isString())
                .andExpect(jsonPath("$.latest_reactions[0].score").isNumber())
                .andExpect(jsonPath("$.latest_reactions[0].created_at").value(CREATED_JSON))
                .andExpect(jsonPath("$.latest_reactions[0].updated_at").value(UPDATED_JSON))
                .andExpect(jsonPath("$.latest_reactions[0].userId").doesNotExist())
                .andExpect(jsonPath("$.reactionCounts").doesNotExist());
    }

    @Test
    void messageWithoutReactionsHasEmptyReactionFields() throws Exception {
        when(getMessage.get(TOKEN, ChatNumber.of(2), MessageNumber.of(3))).thenReturn(messageView(2, 3, "quiet"));

        mvc.perform(get(MESSAGES + "/{number}", TOKEN.value(), 2, 3))
                .andExpect(jsonPath("$.status").value("sent"))
                .andExpect(jsonPath("$.reaction_counts").isEmpty())
                .andExpect(jsonPath("$.reaction_scores").isEmpty())
                .andExpect(jsonPath("$.latest_reactions").isEmpty());
    }

    @Test
    void listPassesTheRangeAlongWithThePage() throws Exception {
        when(listMessages.list(any(), any(), any(), any())).thenReturn(new Page<>(List.<MessageView>of(), null));

        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("before", "40").param("after", "10")
                        .param("since", "2026-11-23T08:15:30.123Z").param("until", "2026-11-24T10:00:00+02:00")
                        .param("limit", "7").param("cursor", "c1"))
                .andExpect(status().isOk());

        verify(listMessages).list(TOKEN, ChatNumber.of(2), new MessageRange(40L, 10L,
                        Instant.parse("2026-11-23T08:15:30.123Z"), Instant.parse("2026-11-24T08:00:00Z")),
                new PageRequest(7, "c1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23T08:15:30Z          | 2026-11-23T08:15:30Z
            2026-11-23T08:15:30.123Z      | 2026-11-23T08:15:30.123Z
            2026-11-23T08:15:30.123456Z   | 2026-11-23T08:15:30.123456Z
            2026-11-23T09:15:30+01:00     | 2026-11-23T08:15:30Z
            2026-11-23T03:15:30.5-05:00   | 2026-11-23T08:15:30.500Z
            2026-11-23T08:15Z             | 2026-11-23T08:15:00Z
            2026-11-23t08:15:30z          | 2026-11-23T08:15:30Z
            """)
    void sinceAndUntilAcceptZAndOffsetsWithOrWithoutMillis(String given, String meant) throws Exception {
        when(listMessages.list(any(), any(), any(), any())).thenReturn(new Page<>(List.<MessageView>of(), null));

        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("since", given).param("until", given))
                .andExpect(status().isOk());

        verify(listMessages).list(eq(TOKEN), eq(ChatNumber.of(2)),
                eq(new MessageRange(null, null, Instant.parse(meant), Instant.parse(meant))), any());
    }

    @Test
    void anOffsetWhosePlusWasNotEncodedStillCounts() throws Exception {
        when(listMessages.list(any(), any(), any(), any())).thenReturn(new Page<>(List.<MessageView>of(), null));

        // what the server sees of ?since=2026-11-23T09:15:30+01:00: an unencoded "+" in a query string is a space
        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("since", "2026-11-23T09:15:30 01:00"))
                .andExpect(status().isOk());

        verify(listMessages).list(eq(TOKEN), eq(ChatNumber.of(2)),
                eq(new MessageRange(null, null, Instant.parse("2026-11-23T08:15:30Z"), null)), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "0", "-1", "99999999999999999999", "1e3"})
    void badBeforeIs400NamingBefore(String before) throws Exception {
        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("before", before))
                .andExpect(invalidField("before"));

        verifyNoInteractions(listMessages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "-1", "99999999999999999999", "0.5"})
    void badAfterIs400NamingAfter(String after) throws Exception {
        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("after", after))
                .andExpect(invalidField("after"));

        verifyNoInteractions(listMessages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-23", "2026-11-23T08:15:30", "2026-11-23T08:15:30.123",
            "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-23T25:00:00Z", "1700000000000",
            "2026-11-23T08:15:30+25:00", "2026-11-23 08:15:30Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void badSinceOrUntilIs400NamingTheField(String timestamp) throws Exception {
        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("since", timestamp))
                .andExpect(invalidField("since"));
        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("until", timestamp))
                .andExpect(invalidField("until"));

        verifyNoInteractions(listMessages);
    }

    @Test
    void anEmptyRangeIsNotAnError() throws Exception {
        when(listMessages.list(any(), any(), any(), any())).thenReturn(new Page<>(List.<MessageView>of(), null));

        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("before", "5").param("after", "9")
                        .param("since", "2026-11-24T00:00:00Z").param("until", "2026-11-23T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data").isEmpty());
    }

    /** A JSON object of exactly {@code bytes} bytes whose body is one long string. */
    private static byte[] jsonOfBytes(int bytes) {
        String prefix = "{\"body\":\"";
        String suffix = "\"}";
        byte[] json = (prefix + "b".repeat(bytes - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(json).hasSize(bytes);
        return json;
    }
}

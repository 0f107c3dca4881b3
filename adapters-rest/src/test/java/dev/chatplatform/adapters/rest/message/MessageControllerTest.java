package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.adapters.rest.UnsizedRequest;
import dev.chatplatform.adapters.rest.problem.RequestSizeLimitFilter;
import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.chatplatform.adapters.rest.DomainMother.CREATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.TOKEN;
import static dev.chatplatform.adapters.rest.DomainMother.UPDATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.message;
import static dev.chatplatform.adapters.rest.Problems.invalidField;
import static dev.chatplatform.adapters.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
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
        when(createMessage.create(any())).thenReturn(message(5, 11, "hello"));

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
    }

    @Test
    void createKeepsUnicodeBodiesIntact() throws Exception {
        String body = "héllo 👋 世界 مرحبا";
        when(createMessage.create(any())).thenReturn(message(1, 1, body));

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
        when(createMessage.create(any())).thenReturn(message(1, 1, body));

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
        when(getMessage.get(TOKEN, ChatNumber.of(2), MessageNumber.of(3))).thenReturn(message(2, 3, "found"));

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
        when(editMessage.edit(any())).thenReturn(message(2, 3, "edited"));

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
        when(listMessages.list(eq(TOKEN), eq(ChatNumber.of(2)), any()))
                .thenReturn(new Page<>(List.of(message(2, 9, "newest"), message(2, 8, "older")), "c1"));

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
        when(listMessages.list(eq(TOKEN), any(), any())).thenAnswer(call -> {
            PageRequest page = call.getArgument(2);
            Cursors.decodeLong(Cursors.decode(page.cursor(), "messages", 1)[0]);
            return new Page<>(List.<Message>of(), null);
        });

        mvc.perform(get(MESSAGES, TOKEN.value(), 2).param("cursor", cursor))
                .andExpect(invalidField("cursor"));
    }

    @Test
    void searchPassesTheQueryAndAnswersAPage() throws Exception {
        when(searchMessages.search(any())).thenReturn(new Page<>(List.of(message(2, 4, "needle in a haystack")), null));

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

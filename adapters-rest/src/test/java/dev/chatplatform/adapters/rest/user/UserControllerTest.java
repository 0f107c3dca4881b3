package dev.chatplatform.adapters.rest.user;

import dev.chatplatform.adapters.rest.UnsizedRequest;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.GetUserUseCase;
import dev.chatplatform.application.port.in.PutUserUseCase;
import dev.chatplatform.domain.user.Phone;
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

import static dev.chatplatform.adapters.rest.DomainMother.CREATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.TOKEN;
import static dev.chatplatform.adapters.rest.DomainMother.UPDATED_JSON;
import static dev.chatplatform.adapters.rest.DomainMother.user;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UserController.class)
class UserControllerTest {

    private static final String USER = "/api/v1/applications/{token}/users/{userId}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PutUserUseCase putUser;
    @MockitoBean
    GetUserUseCase getUser;

    @Test
    void putOfANewUserAnswers201WithLocationAndSnakeCaseBody() throws Exception {
        when(putUser.put(any())).thenReturn(new PutUserUseCase.Result(user("alice.w@x-1", "Alice", "+4915112345678"), true));

        mvc.perform(put(USER, TOKEN.value(), "alice.w@x-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Alice\",\"phone\":\"+4915112345678\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION,
                        "/api/v1/applications/" + TOKEN.value() + "/users/alice.w@x-1"))
                .andExpect(jsonPath("$.user_id").value("alice.w@x-1"))
                .andExpect(jsonPath("$.name").value("Alice"))
                .andExpect(jsonPath("$.phone").value("+4915112345678"))
                .andExpect(jsonPath("$.created_at").value(CREATED_JSON))
                .andExpect(jsonPath("$.updated_at").value(UPDATED_JSON))
                .andExpect(jsonPath("$.userId").doesNotExist());

        ArgumentCaptor<PutUserUseCase.Command> command = ArgumentCaptor.forClass(PutUserUseCase.Command.class);
        verify(putUser).put(command.capture());
        assertThat(command.getValue().token()).isEqualTo(TOKEN);
        assertThat(command.getValue().id()).isEqualTo(new UserId("alice.w@x-1"));
        assertThat(command.getValue().name().value()).isEqualTo("Alice");
        assertThat(command.getValue().phone()).isEqualTo(new Phone("+4915112345678"));
    }

    @Test
    void putOfAnExistingUserAnswers200WithoutLocation() throws Exception {
        when(putUser.put(any())).thenReturn(new PutUserUseCase.Result(user("bob", "Bob", null), false));

        mvc.perform(put(USER, TOKEN.value(), "bob").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Bob\"}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.user_id").value("bob"))
                .andExpect(jsonPath("$.phone").isEmpty());
    }

    @Test
    void putWithoutPhoneOrWithNullPhoneClearsIt() throws Exception {
        when(putUser.put(any())).thenReturn(new PutUserUseCase.Result(user("bob", "Bob", null), false));

        mvc.perform(put(USER, TOKEN.value(), "bob").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Bob\"}"))
                .andExpect(status().isOk());
        mvc.perform(put(USER, TOKEN.value(), "bob").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Bob\",\"phone\":null}"))
                .andExpect(status().isOk());

        ArgumentCaptor<PutUserUseCase.Command> command = ArgumentCaptor.forClass(PutUserUseCase.Command.class);
        verify(putUser, times(2)).put(command.capture());
        assertThat(command.getAllValues()).allSatisfy(c -> assertThat(c.phone()).isNull());
    }

    @Test
    void userIdsOfEveryAllowedCharacterAndUpTo64CharactersAreAccepted() throws Exception {
        when(putUser.put(any())).thenReturn(new PutUserUseCase.Result(user("x", "X", null), true));

        for (String id : new String[]{"A-Za_z.0@9", "u".repeat(64), "1", "-", "a.b"}) {
            mvc.perform(put(USER, TOKEN.value(), id).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\"}"))
                    .andExpect(status().isCreated());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "émile", "tab\t", "quote'", "plus+", "percent%", "comma,"})
    void malformedUserIdIs400NamingUserId(String id) throws Exception {
        mvc.perform(put(USER, TOKEN.value(), id).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"X\"}"))
                .andExpect(invalidField("user_id"));
        mvc.perform(get(USER, TOKEN.value(), id))
                .andExpect(invalidField("user_id"));

        verifyNoInteractions(putUser, getUser);
    }

    @Test
    void userIdOver64CharactersIs400NamingUserId() throws Exception {
        mvc.perform(put(USER, TOKEN.value(), "u".repeat(65)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\"}"))
                .andExpect(invalidField("user_id"));

        verifyNoInteractions(putUser);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"  \"}", "{\"name\":42}",
            "{\"name\":true}", "{\"name\":[\"Alice\"]}", "{\"name\":{\"first\":\"Alice\"}}", "{\"phone\":\"+4915112345678\"}"})
    void invalidNameIs400NamingName(String json) throws Exception {
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("name"));

        verifyNoInteractions(putUser);
    }

    @Test
    void nameOver255CharactersIs400AndOf255IsAccepted() throws Exception {
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "n".repeat(256) + "\"}"))
                .andExpect(invalidField("name"));
        when(putUser.put(any())).thenReturn(new PutUserUseCase.Result(user("alice", "n".repeat(255), null), true));
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "n".repeat(255) + "\"}"))
                .andExpect(status().isCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"4915112345678\"", "\"+49 151 12345678\"", "\"+49-151-12345678\"", "\"+12345\"",
            "\"+1234567890123456\"", "\"+49151abc\"", "\"++4915112345678\"", "4915112345678", "true",
            "[\"+4915112345678\"]"})
    void invalidPhoneIs400NamingPhone(String phone) throws Exception {
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Alice\",\"phone\":" + phone + "}"))
                .andExpect(invalidField("phone"));

        verifyNoInteractions(putUser);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+123456", "+123456789012345"})
    void phoneOf6To15DigitsIsAccepted(String phone) throws Exception {
        when(putUser.put(any())).thenReturn(new PutUserUseCase.Result(user("alice", "Alice", phone), true));

        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Alice\",\"phone\":\"" + phone + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value(phone));
    }

    @Test
    void getAnswersTheUser() throws Exception {
        when(getUser.get(TOKEN, new UserId("alice"))).thenReturn(user("alice", "Alice", "+4915112345678"));

        mvc.perform(get(USER, TOKEN.value(), "alice"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user_id").value("alice"))
                .andExpect(jsonPath("$.name").value("Alice"))
                .andExpect(jsonPath("$.phone").value("+4915112345678"))
                .andExpect(jsonPath("$.created_at").value(CREATED_JSON));
    }

    @Test
    void unknownUserIs404() throws Exception {
        when(getUser.get(any(), any())).thenThrow(new NotFoundException("user"));

        mvc.perform(get(USER, TOKEN.value(), "nobody"))
                .andExpect(problem(404));
    }

    @Test
    void malformedTokenIs404WithoutAskingTheUseCase() throws Exception {
        mvc.perform(get(USER, "nope", "alice"))
                .andExpect(problem(404));
        mvc.perform(put(USER, "nope", "alice").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\"}"))
                .andExpect(problem(404));

        verifyNoInteractions(putUser, getUser);
    }

    @Test
    void putForUnknownTokenIs404() throws Exception {
        when(putUser.put(any())).thenThrow(new NotFoundException("application"));

        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\"}"))
                .andExpect(problem(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "{name: 'x'}", "not json", "[", "[]", "\"Alice\"", "null"})
    void malformedJsonIs400(String json) throws Exception {
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(400));

        verifyNoInteractions(putUser);
    }

    @Test
    void missingBodyIs400() throws Exception {
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON))
                .andExpect(problem(400));
    }

    @Test
    void plainTextIs415() throws Exception {
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.TEXT_PLAIN).content("Alice"))
                .andExpect(problem(415));

        verifyNoInteractions(putUser);
    }

    @Test
    void otherMethodsAre405() throws Exception {
        mvc.perform(post(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\"}"))
                .andExpect(problem(405));
        mvc.perform(patch(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\"}"))
                .andExpect(problem(405));
        mvc.perform(delete(USER, TOKEN.value(), "alice"))
                .andExpect(problem(405));
    }

    @Test
    void bodyOver64KiBIs413() throws Exception {
        String json = "{\"name\":\"" + "n".repeat(64 * 1024) + "\"}";
        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(413));
        mvc.perform(UnsizedRequest.put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(413));

        verifyNoInteractions(putUser);
    }

    @Test
    void putAnswers503WithRetryAfterWhenADependencyIsDown() throws Exception {
        when(putUser.put(any())).thenThrow(new DependencyUnavailableException("rabbitmq", new IOException("nack")));

        mvc.perform(put(USER, TOKEN.value(), "alice").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\"}"))
                .andExpect(problem(503))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }
}

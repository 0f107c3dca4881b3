package dev.chatplatform.adapters.rest.reaction;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.AddReactionUseCase;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionType;
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
import static dev.chatplatform.adapters.rest.DomainMother.reaction;
import static dev.chatplatform.adapters.rest.Problems.invalidField;
import static dev.chatplatform.adapters.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ReactionController.class)
class ReactionControllerTest {

    private static final String REACTIONS = "/api/v1/applications/{token}/chats/{chat}/messages/{message}/reactions";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AddReactionUseCase addReaction;

    @Test
    void addAnswers201WithTheMessageAsLocationAndTheReactionsTotal() throws Exception {
        when(addReaction.add(any())).thenReturn(reaction(2, 7, "alice", "clap", 12));

        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"clap\",\"score\":5}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION,
                        "/api/v1/applications/" + TOKEN.value() + "/chats/2/messages/7"))
                .andExpect(jsonPath("$.user_id").value("alice"))
                .andExpect(jsonPath("$.type").value("clap"))
                .andExpect(jsonPath("$.score").value(12))
                .andExpect(jsonPath("$.created_at").value(CREATED_JSON))
                .andExpect(jsonPath("$.updated_at").value(UPDATED_JSON))
                .andExpect(jsonPath("$.userId").doesNotExist());

        ArgumentCaptor<AddReactionUseCase.Command> command = ArgumentCaptor.forClass(AddReactionUseCase.Command.class);
        verify(addReaction).add(command.capture());
        assertThat(command.getValue().token()).isEqualTo(TOKEN);
        assertThat(command.getValue().chat()).isEqualTo(ChatNumber.of(2));
        assertThat(command.getValue().message()).isEqualTo(MessageNumber.of(7));
        assertThat(command.getValue().user()).isEqualTo(new UserId("alice"));
        assertThat(command.getValue().type()).isEqualTo(new ReactionType("clap"));
        assertThat(command.getValue().score()).isEqualTo(new ReactionScore(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user_id\":\"alice\",\"type\":\"like\"}", "{\"user_id\":\"alice\",\"type\":\"like\",\"score\":null}"})
    void scoreDefaultsToOne(String json) throws Exception {
        when(addReaction.add(any())).thenReturn(reaction(2, 7, "alice", "like", 1));

        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated());

        ArgumentCaptor<AddReactionUseCase.Command> command = ArgumentCaptor.forClass(AddReactionUseCase.Command.class);
        verify(addReaction).add(command.capture());
        assertThat(command.getValue().score()).isEqualTo(ReactionScore.ONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void scoreAtEitherEndOfTheRangeIsAccepted(int score) throws Exception {
        when(addReaction.add(any())).thenReturn(reaction(2, 7, "alice", "like", score));

        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"like\",\"score\":" + score + "}"))
                .andExpect(status().isCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "\"5\"", "1.5", "5.0", "1e2", "true", "false", "[5]", "{\"n\":5}",
            "99999999999", "99999999999999999999999"})
    void scoreThatIsNotAnIntegerFrom1To1000Is400NamingScore(String score) throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"like\",\"score\":" + score + "}"))
                .andExpect(invalidField("score"));

        verifyNoInteractions(addReaction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "thumbs_up", "a", "heart-eyes", "0123456789abcdefghijklmnopqrstuv"})
    void typesOfTheAllowedCharactersAreAccepted(String type) throws Exception {
        when(addReaction.add(any())).thenReturn(reaction(2, 7, "alice", type, 1));

        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"" + type + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"Like\"", "\"thumbs up\"", "\"👍\"", "\"like!\"", "\"0123456789abcdefghijklmnopqrstuvw\"",
            "1", "true", "[\"like\"]", "{\"t\":\"like\"}"})
    void invalidTypeIs400NamingType(String type) throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":" + type + "}"))
                .andExpect(invalidField("type"));

        verifyNoInteractions(addReaction);
    }

    @Test
    void missingTypeIs400NamingType() throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\"}"))
                .andExpect(invalidField("type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"has space\"", "\"émile\"", "1", "true", "[\"alice\"]",
            "\"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu\""})
    void invalidUserIdIs400NamingUserId(String userId) throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":" + userId + ",\"type\":\"like\"}"))
                .andExpect(invalidField("user_id"));

        verifyNoInteractions(addReaction);
    }

    @Test
    void missingUserIdIs400NamingUserId() throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"like\"}"))
                .andExpect(invalidField("user_id"));
    }

    @Test
    void aUserWhoIsNotAParticipantIs400NamingUserId() throws Exception {
        when(addReaction.add(any())).thenThrow(new InvalidValueException("user_id", "is not a participant of this chat"));

        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"mallory\",\"type\":\"like\"}"))
                .andExpect(invalidField("user_id"));
    }

    @Test
    void unknownMessageIs404() throws Exception {
        when(addReaction.add(any())).thenThrow(new NotFoundException("message"));

        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 99).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"like\"}"))
                .andExpect(problem(404));
    }

    @Test
    void malformedTokenIs404WithoutAskingTheUseCase() throws Exception {
        mvc.perform(post(REACTIONS, "nope", 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"like\"}"))
                .andExpect(problem(404));

        verifyNoInteractions(addReaction);
    }

    @Test
    void badChatOrMessageNumberIs400NamingIt() throws Exception {
        String json = "{\"user_id\":\"alice\",\"type\":\"like\"}";
        mvc.perform(post(REACTIONS, TOKEN.value(), "abc", 7).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("chat_number"));
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, "abc").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("message_number"));
        mvc.perform(post(REACTIONS, TOKEN.value(), 0, 7).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("chat_number"));
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 0).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("message_number"));

        verifyNoInteractions(addReaction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user_id\":", "not json", "[]", "\"like\"", "null", "{\"user_id\":\"alice\",}"})
    void malformedJsonIs400(String json) throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(400));

        verifyNoInteractions(addReaction);
    }

    @Test
    void plainTextIs415() throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.TEXT_PLAIN).content("like"))
                .andExpect(problem(415));
    }

    @Test
    void otherMethodsAre405() throws Exception {
        mvc.perform(get(REACTIONS, TOKEN.value(), 2, 7))
                .andExpect(problem(405));
        mvc.perform(delete(REACTIONS, TOKEN.value(), 2, 7))
                .andExpect(problem(405));
    }

    @Test
    void bodyOver64KiBIs413() throws Exception {
        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"" + "x".repeat(64 * 1024) + "\"}"))
                .andExpect(problem(413));

        verifyNoInteractions(addReaction);
    }

    @Test
    void addAnswers503WithRetryAfterWhenADependencyIsDown() throws Exception {
        when(addReaction.add(any())).thenThrow(new DependencyUnavailableException("rabbitmq", new IOException("nack")));

        mvc.perform(post(REACTIONS, TOKEN.value(), 2, 7).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"alice\",\"type\":\"like\"}"))
                .andExpect(problem(503))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }
}

package dev.chatplatform.adapters.rest.receipt;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.PostReceiptUseCase;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.chat.ChatNumber;
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

import static dev.chatplatform.adapters.rest.DomainMother.TOKEN;
import static dev.chatplatform.adapters.rest.DomainMother.receipt;
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

@WebMvcTest(ReceiptController.class)
class ReceiptControllerTest {

    private static final String RECEIPTS = "/api/v1/applications/{token}/chats/{chat}/receipts";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PostReceiptUseCase postReceipt;

    @Test
    void postAnswers200WithTheCursorsAsTheyNowAre() throws Exception {
        when(postReceipt.post(any())).thenReturn(receipt(3, "bob", 12, 9));

        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"bob\",\"delivered_up_to\":12,\"read_up_to\":9}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.user_id").value("bob"))
                .andExpect(jsonPath("$.delivered_up_to").value(12))
                .andExpect(jsonPath("$.read_up_to").value(9))
                .andExpect(jsonPath("$.deliveredUpTo").doesNotExist());

        ArgumentCaptor<PostReceiptUseCase.Command> command = ArgumentCaptor.forClass(PostReceiptUseCase.Command.class);
        verify(postReceipt).post(command.capture());
        assertThat(command.getValue().token()).isEqualTo(TOKEN);
        assertThat(command.getValue().chat()).isEqualTo(ChatNumber.of(3));
        assertThat(command.getValue().user()).isEqualTo(new UserId("bob"));
        assertThat(command.getValue().deliveredUpTo()).isEqualTo(12L);
        assertThat(command.getValue().readUpTo()).isEqualTo(9L);
    }

    @Test
    void eitherCursorMayBeLeftOutOrNull() throws Exception {
        when(postReceipt.post(any())).thenReturn(receipt(3, "bob", 5, 5));

        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"bob\",\"read_up_to\":5,\"delivered_up_to\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered_up_to").value(5));

        ArgumentCaptor<PostReceiptUseCase.Command> command = ArgumentCaptor.forClass(PostReceiptUseCase.Command.class);
        verify(postReceipt).post(command.capture());
        assertThat(command.getValue().deliveredUpTo()).isNull();
        assertThat(command.getValue().readUpTo()).isEqualTo(5L);
    }

    @Test
    void zeroIsACursor() throws Exception {
        when(postReceipt.post(any())).thenReturn(receipt(3, "bob", 0, 0));

        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"bob\",\"delivered_up_to\":0,\"read_up_to\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read_up_to").value(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"5\"", "1.5", "5.0", "true", "[5]", "{\"n\":5}", "99999999999999999999999"})
    void deliveredUpToThatIsNotAnIntegerFromZeroIs400NamingIt(String value) throws Exception {
        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"bob\",\"delivered_up_to\":" + value + "}"))
                .andExpect(invalidField("delivered_up_to"));

        verifyNoInteractions(postReceipt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"5\"", "1.5", "5.0", "false", "[5]", "{\"n\":5}", "99999999999999999999999"})
    void readUpToThatIsNotAnIntegerFromZeroIs400NamingIt(String value) throws Exception {
        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"bob\",\"read_up_to\":" + value + "}"))
                .andExpect(invalidField("read_up_to"));

        verifyNoInteractions(postReceipt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"user_id\":null}", "{\"user_id\":\"\"}", "{\"user_id\":\"has space\"}",
            "{\"user_id\":7}", "{\"user_id\":[\"bob\"]}", "{\"read_up_to\":3}"})
    void invalidOrMissingUserIdIs400NamingUserId(String json) throws Exception {
        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("user_id"));

        verifyNoInteractions(postReceipt);
    }

    @Test
    void aUserWhoIsNotAParticipantIs400NamingUserId() throws Exception {
        when(postReceipt.post(any())).thenThrow(new InvalidValueException("user_id", "is not a participant of this chat"));

        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"mallory\",\"read_up_to\":1}"))
                .andExpect(invalidField("user_id"));
    }

    @Test
    void unknownChatIs404() throws Exception {
        when(postReceipt.post(any())).thenThrow(new NotFoundException("chat"));

        mvc.perform(post(RECEIPTS, TOKEN.value(), 99).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"bob\",\"read_up_to\":1}"))
                .andExpect(problem(404));
    }

    @Test
    void malformedTokenIs404AndBadChatNumberIs400() throws Exception {
        String json = "{\"user_id\":\"bob\",\"read_up_to\":1}";
        mvc.perform(post(RECEIPTS, "nope", 3).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(404));
        mvc.perform(post(RECEIPTS, TOKEN.value(), "x").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("chat_number"));

        verifyNoInteractions(postReceipt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user_id\":", "not json", "[]", "null"})
    void malformedJsonIs400(String json) throws Exception {
        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(400));

        verifyNoInteractions(postReceipt);
    }

    @Test
    void plainTextIs415AndOtherMethodsAre405() throws Exception {
        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.TEXT_PLAIN).content("read"))
                .andExpect(problem(415));
        mvc.perform(get(RECEIPTS, TOKEN.value(), 3))
                .andExpect(problem(405));
        mvc.perform(delete(RECEIPTS, TOKEN.value(), 3))
                .andExpect(problem(405));
    }

    @Test
    void bodyOver64KiBIs413() throws Exception {
        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"" + "u".repeat(64 * 1024) + "\"}"))
                .andExpect(problem(413));

        verifyNoInteractions(postReceipt);
    }

    @Test
    void postAnswers503WithRetryAfterWhenADependencyIsDown() throws Exception {
        when(postReceipt.post(any())).thenThrow(new DependencyUnavailableException("redis", new IOException("reset")));

        mvc.perform(post(RECEIPTS, TOKEN.value(), 3).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user_id\":\"bob\",\"read_up_to\":1}"))
                .andExpect(problem(503))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }
}

package dev.chatplatform.adapters.rest;

import dev.chatplatform.application.port.in.AddReactionUseCase;
import dev.chatplatform.application.port.in.CreateAppUseCase;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.in.GetAppUseCase;
import dev.chatplatform.application.port.in.GetChatUseCase;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.in.GetUserUseCase;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.in.PostReceiptUseCase;
import dev.chatplatform.application.port.in.PutUserUseCase;
import dev.chatplatform.application.port.in.RenameAppUseCase;
import dev.chatplatform.application.port.in.RotateAppTokenUseCase;
import dev.chatplatform.application.port.in.RetitleChatUseCase;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.adapters.rest.ratelimit.RateLimitProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import tools.jackson.databind.json.JsonMapper;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of API.md is in the OpenAPI document springdoc serves, with the methods the contract gives it,
 * and the problems and headers each operation can really answer (ProblemResponses).
 */
@WebMvcTest
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class})
@Import({SnakeCaseSchemas.class, ProblemResponses.class})
@EnableConfigurationProperties(RateLimitProperties.class)
class OpenApiTest {

    private static final String APP = "$.paths['/api/v1/applications/{token}";
    private static final String SCHEMAS = "$.components.schemas.";

    @Autowired
    MockMvc mvc;

    @MockitoBean CreateAppUseCase createApp;
    @MockitoBean GetAppUseCase getApp;
    @MockitoBean RenameAppUseCase renameApp;
    @MockitoBean RotateAppTokenUseCase rotateToken;
    @MockitoBean CreateChatUseCase createChat;
    @MockitoBean GetChatUseCase getChat;
    @MockitoBean ListChatsUseCase listChats;
    @MockitoBean RetitleChatUseCase retitleChat;
    @MockitoBean CreateMessageUseCase createMessage;
    @MockitoBean GetMessageUseCase getMessage;
    @MockitoBean ListMessagesUseCase listMessages;
    @MockitoBean EditMessageUseCase editMessage;
    @MockitoBean SearchMessagesUseCase searchMessages;
    @MockitoBean PutUserUseCase putUser;
    @MockitoBean GetUserUseCase getUser;
    @MockitoBean AddReactionUseCase addReaction;
    @MockitoBean PostReceiptUseCase postReceipt;

    /** The API's own JSON converter, as RestConfiguration registers it: ahead of Spring MVC's defaults. */
    @TestConfiguration
    static class ApiConverters {
        @Bean
        WholeJsonConverter wholeJsonConverter(JsonMapper mapper) {
            return new WholeJsonConverter(mapper);
        }
    }

    @Test
    void servesTheDocumentAsAJsonObjectThroughTheApisConverters() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value("3.1.0"));
    }

    @Test
    void leavesTheWebConsoleOutOfTheApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/console']").doesNotExist())
                .andExpect(jsonPath("$.paths['/console/']").doesNotExist());
    }

    @Test
    void documentsTheUsersReactionsReceiptsAndTheNewQueryParameters() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(APP + "/users/{userId}'].put").exists())
                .andExpect(jsonPath(APP + "/users/{userId}'].put.responses['201'].content").exists())
                .andExpect(jsonPath(APP + "/users/{userId}'].put.responses['200'].content").exists())
                .andExpect(jsonPath(APP + "/users/{userId}'].get").exists())
                .andExpect(jsonPath(APP + "/chats/{chatNumber}/messages/{messageNumber}/reactions'].post.responses['201']")
                        .exists())
                .andExpect(jsonPath(APP + "/chats'].post.responses['201']").exists())
                .andExpect(jsonPath(APP + "/chats/{chatNumber}/messages/{messageNumber}/reactions'].post").exists())
                .andExpect(jsonPath(APP + "/chats/{chatNumber}/receipts'].post").exists())
                .andExpect(jsonPath(APP + "/chats'].get.parameters[*].name").value(
                        org.hamcrest.Matchers.hasItems("limit", "cursor", "q", "participant")))
                .andExpect(jsonPath(APP + "/chats/{chatNumber}/messages'].get.parameters[*].name").value(
                        org.hamcrest.Matchers.hasItems("before", "after", "since", "until")));
    }

    @Test
    void postingAMessageDescribesEveryProblemItCanAnswerWithItsHeaders() throws Exception {
        String post = APP + "/chats/{chatNumber}/messages'].post.responses";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(answers(post, "400", "404", "413", "415", "429", "503"))
                .andExpect(jsonPath(post + "['400'].content['application/problem+json'].schema['$ref']")
                        .value("#/components/schemas/ProblemDetail"))
                .andExpect(jsonPath(post + "['429'].headers['Retry-After']['$ref']").value("#/components/headers/Retry-After"))
                .andExpect(jsonPath(post + "['503'].headers['Retry-After']['$ref']").value("#/components/headers/Retry-After"))
                .andExpect(jsonPath(post + "['201'].headers").value(hasKey("RateLimit-Limit")))
                .andExpect(jsonPath(post + "['201'].headers").value(hasKey("RateLimit-Remaining")))
                .andExpect(jsonPath(post + "['201'].headers").value(hasKey("RateLimit-Reset")))
                .andExpect(jsonPath(post + "['400'].headers").value(hasKey("RateLimit-Remaining")))
                .andExpect(jsonPath("$.components.headers['Retry-After'].schema.minimum").value(1))
                .andExpect(jsonPath(SCHEMAS + "ProblemDetail.required").value(hasItems("type", "title", "status", "detail")))
                .andExpect(jsonPath(SCHEMAS + "ProblemDetail.properties.errors.items.properties.field").exists());
    }

    @Test
    void aReadDescribesNoBodyProblems() throws Exception {
        String list = APP + "/chats/{chatNumber}/messages'].get.responses";
        String app = APP + "'].get.responses";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(answers(list, "400", "404", "429", "503"))
                .andExpect(jsonPath(list + "['413']").doesNotExist())
                .andExpect(jsonPath(list + "['415']").doesNotExist())
                .andExpect(answers(app, "404", "429", "503"))
                .andExpect(jsonPath(app + "['400']").doesNotExist()) // an impossible token is a 404, nothing else is read
                .andExpect(jsonPath(app + "['413']").doesNotExist());
    }

    @Test
    void creatingAnApplicationHasNoTokenSoNoRateLimitAndNo404() throws Exception {
        String create = "$.paths['/api/v1/applications'].post.responses";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(answers(create, "400", "413", "415", "503"))
                .andExpect(jsonPath(create + "['404']").doesNotExist())
                .andExpect(jsonPath(create + "['429']").doesNotExist())
                .andExpect(jsonPath(create + "['201'].headers").doesNotExist());
    }

    @Test
    void describesNeitherAnswersNorHeadersTheServerDoesNotGive() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths.*.*.responses['409']").value(empty()))
                .andExpect(jsonPath("$.paths.*.*.responses['422']").value(empty()))
                .andExpect(content().string(not(containsString("Idempotency-Key"))));
    }

    @Nested
    @TestPropertySource(properties = "chat.api.rate-limit.requests-per-second=0")
    class WithTheRateLimitOff {

        @Test
        void noOperationDescribes429OrRateLimitHeaders() throws Exception {
            mvc.perform(get("/v3/api-docs"))
                    .andExpect(jsonPath("$.paths.*.*.responses['429']").value(empty()))
                    .andExpect(content().string(not(containsString("RateLimit-"))))
                    .andExpect(jsonPath(APP + "/chats/{chatNumber}/messages'].post.responses['503'].headers['Retry-After']")
                            .exists());
        }
    }

    /** The operation's responses name each of these codes. */
    private static ResultMatcher answers(String responses, String... codes) {
        return result -> {
            for (String code : codes) {
                jsonPath(responses + "['" + code + "']").exists().match(result);
            }
        };
    }

    @Test
    void schemasNameFieldsAsTheWireDoes() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath(SCHEMAS + "AppResponse.properties.chats_count").exists())
                .andExpect(jsonPath(SCHEMAS + "AppResponse.properties.chatsCount").doesNotExist())
                .andExpect(jsonPath(SCHEMAS + "UserResponse.properties.user_id").exists())
                .andExpect(jsonPath(SCHEMAS + "ChatResponse.properties.last_message").exists())
                .andExpect(jsonPath(SCHEMAS + "MessageResponse.properties.reaction_counts").exists())
                .andExpect(jsonPath(SCHEMAS + "MessageResponse.properties.latest_reactions").exists())
                .andExpect(jsonPath(SCHEMAS + "ReceiptRequest.properties.delivered_up_to").exists())
                .andExpect(jsonPath(SCHEMAS + "ReactionRequest.properties.user_id").exists())
                .andExpect(jsonPath(SCHEMAS + "ChatRequest.properties.participants.items.type").value("string"))
                .andExpect(jsonPath(SCHEMAS + "PageResponseChatResponse.properties.next_cursor").exists());
    }
}

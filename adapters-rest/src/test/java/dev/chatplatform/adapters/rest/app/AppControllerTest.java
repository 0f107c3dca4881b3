package dev.chatplatform.adapters.rest.app;

import dev.chatplatform.adapters.rest.UnsizedRequest;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.CreateAppUseCase;
import dev.chatplatform.application.port.in.GetAppUseCase;
import dev.chatplatform.application.port.in.RenameAppUseCase;
import dev.chatplatform.application.port.in.RotateAppTokenUseCase;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;
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
import static dev.chatplatform.adapters.rest.DomainMother.app;
import static dev.chatplatform.adapters.rest.Problems.invalidField;
import static dev.chatplatform.adapters.rest.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AppController.class)
class AppControllerTest {

    private static final String APPS = "/api/v1/applications";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CreateAppUseCase createApp;
    @MockitoBean
    GetAppUseCase getApp;
    @MockitoBean
    RenameAppUseCase renameApp;
    @MockitoBean
    RotateAppTokenUseCase rotateToken;

    @Test
    void createAnswers201WithLocationAndSnakeCaseBody() throws Exception {
        when(createApp.create(any())).thenReturn(app("Acme"));

        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Acme\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, APPS + "/" + TOKEN.value()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.token").value(TOKEN.value()))
                .andExpect(jsonPath("$.name").value("Acme"))
                .andExpect(jsonPath("$.chats_count").value(3))
                .andExpect(jsonPath("$.created_at").value(CREATED_JSON))
                .andExpect(jsonPath("$.updated_at").value(UPDATED_JSON))
                .andExpect(jsonPath("$.chatsCount").doesNotExist())
                .andExpect(jsonPath("$.createdAt").doesNotExist());

        ArgumentCaptor<CreateAppUseCase.Command> command = ArgumentCaptor.forClass(CreateAppUseCase.Command.class);
        verify(createApp).create(command.capture());
        assertThat(command.getValue().name().value()).isEqualTo("Acme");
    }

    @Test
    void getAnswersTheApplication() throws Exception {
        when(getApp.get(TOKEN)).thenReturn(app("Acme"));

        mvc.perform(get(APPS + "/{token}", TOKEN.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").value(TOKEN.value()))
                .andExpect(jsonPath("$.chats_count").value(3));
    }

    @Test
    void unknownTokenIs404Problem() throws Exception {
        when(getApp.get(any())).thenThrow(new NotFoundException("application"));

        mvc.perform(get(APPS + "/{token}", TOKEN.value()))
                .andExpect(problem(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "not+url+safe+but+long+enough",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}) // the last is 65 characters
    void malformedTokenIs404WithoutAskingTheUseCase(String token) throws Exception {
        mvc.perform(get(APPS + "/{token}", token))
                .andExpect(problem(404));

        verifyNoInteractions(getApp);
    }

    @Test
    void rotatingTheTokenAnswers200WithTheApplicationAndItsNewToken() throws Exception {
        AppToken next = AppToken.generate();
        App app = app("Acme");
        when(rotateToken.rotate(TOKEN)).thenReturn(new App(app.id(), next, app.name(), app.chatsCount(),
                app.createdAt(), app.updatedAt()));

        mvc.perform(post(APPS + "/{token}/token", TOKEN.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").value(next.value()))
                .andExpect(jsonPath("$.name").value("Acme"));
    }

    @Test
    void rotatingAnUnknownTokenIs404() throws Exception {
        when(rotateToken.rotate(any())).thenThrow(new NotFoundException("application"));

        mvc.perform(post(APPS + "/{token}/token", TOKEN.value()))
                .andExpect(problem(404));
    }

    @Test
    void renameWorksWithPatchAndPut() throws Exception {
        when(renameApp.rename(any())).thenReturn(app("Renamed"));

        mvc.perform(patch(APPS + "/{token}", TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed"));
        mvc.perform(put(APPS + "/{token}", TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed"));
    }

    @Test
    void renameOfMalformedTokenIs404() throws Exception {
        mvc.perform(patch(APPS + "/{token}", "nope").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\"}"))
                .andExpect(problem(404));

        verifyNoInteractions(renameApp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":42}",
            "{\"name\":true}", "{\"name\":[\"a\"]}", "{\"name\":{\"a\":1}}"})
    void invalidNameIs400NamingTheField(String json) throws Exception {
        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(invalidField("name"));

        verifyNoInteractions(createApp);
    }

    @Test
    void nameOver255CharactersIs400NamingTheField() throws Exception {
        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "n".repeat(256) + "\"}"))
                .andExpect(invalidField("name"));
    }

    @Test
    void nameOf255CharactersIsAccepted() throws Exception {
        when(createApp.create(any())).thenReturn(app("n".repeat(255)));

        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "n".repeat(255) + "\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void renameWithBlankNameIs400NamingTheField() throws Exception {
        mvc.perform(put(APPS + "/{token}", TOKEN.value()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \"}"))
                .andExpect(invalidField("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "{name: 'x'}", "not json", "{\"name\":\"a\"", "[", "\"name\""})
    void malformedJsonIs400Problem(String json) throws Exception {
        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(400));

        verifyNoInteractions(createApp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "\"Acme\"", "null"})
    void bodyThatIsNotAnObjectIs400Problem(String json) throws Exception {
        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(problem(400));
    }

    @Test
    void missingBodyIs400Problem() throws Exception {
        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON))
                .andExpect(problem(400));
    }

    @Test
    void plainTextIs415Problem() throws Exception {
        mvc.perform(post(APPS).contentType(MediaType.TEXT_PLAIN).content("name=Acme"))
                .andExpect(problem(415));

        verifyNoInteractions(createApp);
    }

    @Test
    void deleteIs405Problem() throws Exception {
        mvc.perform(delete(APPS + "/{token}", TOKEN.value()))
                .andExpect(problem(405))
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
    }

    @Test
    void listingApplicationsIsNotOffered() throws Exception {
        mvc.perform(get(APPS))
                .andExpect(problem(405));
    }

    @Test
    void bodyOver64KiBIs413WhenItsLengthIsAnnounced() throws Exception {
        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON).content(oversizedName()))
                .andExpect(problem(413));

        verifyNoInteractions(createApp);
    }

    @Test
    void bodyOver64KiBIs413WhenItsLengthIsNotAnnounced() throws Exception {
        mvc.perform(UnsizedRequest.post(APPS).contentType(MediaType.APPLICATION_JSON).content(oversizedName()))
                .andExpect(problem(413));

        verifyNoInteractions(createApp);
    }

    @Test
    void createAnswers503WithRetryAfterWhenADependencyIsDown() throws Exception {
        when(createApp.create(any())).thenThrow(
                new DependencyUnavailableException("mysql", new IOException("Connection refused at 10.0.0.7")));

        mvc.perform(post(APPS).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Acme\"}"))
                .andExpect(problem(503))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(content().string(not(containsString("10.0.0.7"))));
    }

    @Test
    void unexpectedFailureIs500ProblemWithoutDetails() throws Exception {
        when(getApp.get(any())).thenThrow(new IllegalStateException("secret internal state"));

        mvc.perform(get(APPS + "/{token}", TOKEN.value()))
                .andExpect(problem(500))
                .andExpect(content().string(not(containsString("secret internal state"))));
    }

    /** A syntactically fine JSON object of a little over 64 KiB. */
    private static String oversizedName() {
        return "{\"name\":\"" + "n".repeat(64 * 1024) + "\"}";
    }
}

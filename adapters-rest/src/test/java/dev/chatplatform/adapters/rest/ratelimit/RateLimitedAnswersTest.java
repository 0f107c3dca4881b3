package dev.chatplatform.adapters.rest.ratelimit;

import dev.chatplatform.adapters.rest.app.AppController;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.CreateAppUseCase;
import dev.chatplatform.application.port.in.GetAppUseCase;
import dev.chatplatform.application.port.in.RenameAppUseCase;
import dev.chatplatform.application.port.in.RotateAppTokenUseCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.chatplatform.adapters.rest.DomainMother.TOKEN;
import static dev.chatplatform.adapters.rest.Problems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/**
 * The filter inside Spring MVC: its headers survive an answer the exception advice writes, and its 429 is a
 * problem like the others (no token, no stack trace).
 */
@WebMvcTest(AppController.class)
class RateLimitedAnswersTest {

    private static final String APP = "/api/v1/applications/" + TOKEN.value();

    @Autowired
    MockMvc mvc;

    @MockitoBean CreateAppUseCase createApp;
    @MockitoBean GetAppUseCase getApp;
    @MockitoBean RenameAppUseCase renameApp;
    @MockitoBean RotateAppTokenUseCase rotateToken;

    /** Two requests, then none: the clock never moves. Its registry is no bean, so no other filter sees it. */
    @TestConfiguration
    static class TwoRequests {
        @Bean
        AppRateLimitFilter appRateLimitFilter() {
            return new AppRateLimitFilter(new RateLimitProperties(1, 2), new SimpleMeterRegistry(), new ManualClock());
        }
    }

    @Test
    void anErrorAnswerKeepsTheHeadersAndTheLimitAnswers429AsAProblem() throws Exception {
        when(getApp.get(any())).thenThrow(new NotFoundException("application"));

        mvc.perform(get(APP))
                .andExpect(problem(404))
                .andExpect(header().string("RateLimit-Limit", "2"))
                .andExpect(header().string("RateLimit-Remaining", "1"))
                .andExpect(header().string("RateLimit-Reset", "1"));
        mvc.perform(get(APP)).andExpect(problem(404)).andExpect(header().string("RateLimit-Remaining", "0"));

        mvc.perform(get(APP))
                .andExpect(problem(429))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(header().string("RateLimit-Remaining", "0"));
        verify(getApp, times(2)).get(any());
    }

    @Test
    void creatingAnApplicationIsNotLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/applications").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
                    .andExpect(problem(400))
                    .andExpect(header().doesNotExist("RateLimit-Limit"));
        }
    }
}

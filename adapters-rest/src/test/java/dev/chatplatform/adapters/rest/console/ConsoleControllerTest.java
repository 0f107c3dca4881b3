package dev.chatplatform.adapters.rest.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ConsoleController.class)
@Import(ConsoleHeadersFilter.class)
class ConsoleControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theBareAddressRedirectsToTheConsoleFolder() throws Exception {
        mvc.perform(get("/console"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/console/"));
    }

    @Test
    void theFolderServesThePageWithAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/console/"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("<script type=\"module\" src=\"console.js\"></script>")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void theScriptAndStyleAreServedAsStaticFilesUnderThePolicy() throws Exception {
        mvc.perform(get("/console/console.js"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(header().string("Content-Security-Policy", ConsoleHeadersFilter.CONTENT_SECURITY_POLICY));
        mvc.perform(get("/console/console.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }

    @Test
    void thePageHoldsNoInlineScriptOrHandler() throws Exception {
        String page = mvc.perform(get("/console/")).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page)
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=");
    }

    @Test
    void theApiIsNotUnderThePolicyFilter() throws Exception {
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(header().doesNotExist("Content-Security-Policy"));
    }
}

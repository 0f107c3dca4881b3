package dev.chatplatform.adapters.rest.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatplatform.adapters.rest.overload.InFlightLimitFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class FailedRequestLogTest {

    private static final String TOKEN = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo";
    private final FailedRequestLog filter = new FailedRequestLog();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FailedRequestLog.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(lines);
    }

    private void serve(int status, String pattern, boolean shed) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/applications/" + TOKEN + "/chats/7");
        if (shed) {
            request.setAttribute(InFlightLimitFilter.SHED, Boolean.TRUE);
        }
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            if (pattern != null) {
                req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
            }
            ((MockHttpServletResponse) res).setStatus(status);
        });
    }

    @Test
    void aFailedRequestIsOneLineByItsRouteNeverItsPath() throws Exception {
        serve(404, "/api/v1/applications/{token}/chats/{number}", false);
        serve(400, null, false);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                line -> assertThat(line).startsWith("request failed: GET /api/v1/applications/{token}/chats/{number} answered 404"),
                line -> assertThat(line).startsWith("request failed: GET UNMATCHED answered 400"));
        assertThat(lines.list).allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain(TOKEN));
    }

    @Test
    void successesAndShedRequestsAreNotLoggedAndRateLimitedOnesAreSummed() throws Exception {
        serve(201, "/api/v1/applications/{token}/chats", false);
        serve(503, null, true);
        for (int i = 0; i < 50; i++) {
            serve(429, null, false);
        }

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().isEqualTo("rate limiting: 1 requests answered 429 since the last line");
    }
}

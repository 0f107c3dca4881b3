package dev.chatplatform.adapters.rest;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Matchers for RFC 9457 answers: the status, the problem content type, never a stack trace, never the token. */
public final class Problems {

    private Problems() {
    }

    public static ResultMatcher problem(int status) {
        return all(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status),
                jsonPath("$.type").value(containsString("/problems/")),
                jsonPath("$.title").isString(),
                jsonPath("$.detail").isString(),
                noStackTrace(),
                noTokenInTheBody());
    }

    /** An application-scoped path carries the token: the problem must not echo it (as {@code instance}). */
    private static ResultMatcher noTokenInTheBody() {
        return content().string(not(matchesPattern("(?s).*/applications/[^/\"]+.*")));
    }

    /** A 400 whose {@code errors} name the field the client sent (or should have sent). */
    public static ResultMatcher invalidField(String field) {
        return all(
                problem(400),
                jsonPath("$.errors[*].field", hasItem(field)),
                jsonPath("$.detail", containsString(field)));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }

    public static ResultMatcher noStackTrace() {
        return result -> assertThat(result.getResponse().getContentAsString())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at dev.chatplatform")
                .doesNotContain("at org.springframework")
                .doesNotContainIgnoringCase("trace");
    }
}

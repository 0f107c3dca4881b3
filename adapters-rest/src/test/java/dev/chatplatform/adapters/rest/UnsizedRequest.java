package dev.chatplatform.adapters.rest;

import jakarta.servlet.ServletContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A request whose length is not announced, as with {@code Transfer-Encoding: chunked}: MockMvc
 * otherwise always reports the length of the content it was given.
 */
public final class UnsizedRequest extends AbstractMockHttpServletRequestBuilder<UnsizedRequest> {

    private UnsizedRequest(HttpMethod method, String uri, Object... variables) {
        super(method);
        uri(uri, variables);
        header("Transfer-Encoding", "chunked");
    }

    public static UnsizedRequest post(String uri, Object... variables) {
        return new UnsizedRequest(HttpMethod.POST, uri, variables);
    }

    public static UnsizedRequest put(String uri, Object... variables) {
        return new UnsizedRequest(HttpMethod.PUT, uri, variables);
    }

    @Override
    protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
        return new MockHttpServletRequest(servletContext) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
    }
}

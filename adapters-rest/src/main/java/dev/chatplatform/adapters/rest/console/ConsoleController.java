package dev.chatplatform.adapters.rest.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web console's two entry addresses. Its files are plain static resources under
 * {@code static/console/} (served by Spring MVC's resource handler); this only makes {@code /console}
 * and {@code /console/} land on its page, since a folder address is not mapped to its index by default.
 * Not part of the API, so not in its OpenAPI document.
 */
@Hidden
@Controller
class ConsoleController {

    static final String PATH = "/console/";
    private static final Resource INDEX = new ClassPathResource("static/console/index.html");

    @GetMapping("/console")
    ResponseEntity<Void> redirectToFolder() {
        // The folder address, so that the page's relative links (console.js, console.css) resolve under it.
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, PATH).build();
    }

    @GetMapping(PATH)
    ResponseEntity<Resource> index() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(INDEX);
    }
}

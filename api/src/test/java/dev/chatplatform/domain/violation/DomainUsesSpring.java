package dev.chatplatform.domain.violation;

import org.springframework.util.StringUtils;

/** Throwaway: the domain depending on a framework (ArchitectureRulesFailTest). */
public class DomainUsesSpring {

    public boolean blank(String value) {
        return !StringUtils.hasText(value);
    }
}

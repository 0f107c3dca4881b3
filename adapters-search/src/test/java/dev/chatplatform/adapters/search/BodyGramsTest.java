package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyGramsTest {

    @Test
    void aBodyIsOneGramPerCodePointLowerCasedShorterAtTheEnd() {
        assertThat(BodyGrams.of("HeLlo")).containsExactly("hel", "ell", "llo", "lo", "o");
        assertThat(BodyGrams.of("a")).containsExactly("a");
    }

    @Test
    void gramsNeverCutASurrogatePair() {
        assertThat(BodyGrams.of("a😀b")).containsExactly("a😀b", "😀b", "b");
    }

    @Test
    void spacesStayInsideTheirGrams() {
        assertThat(BodyGrams.of("a b")).containsExactly("a b", " b", "b");
    }

    @Test
    void lowerCasingIsPerCodePointWithoutLocaleRules() {
        // String.toLowerCase would turn İ into two code points and a final Σ into ς.
        assertThat(BodyGrams.lowerCase("İΣ")).isEqualTo("iσ");
    }

    @Test
    void aQueryShorterThanAGramIsAPrefixOfTheGramWhereItStarts() {
        Query query = BodyGrams.containing("Ab");

        assertThat(query.isPrefix()).isTrue();
        assertThat(query.prefix().field()).isEqualTo(BodyGrams.FIELD);
        assertThat(query.prefix().value()).isEqualTo("ab");
    }

    @Test
    void aQueryOfOneGramIsATermQuery() {
        Query query = BodyGrams.containing("ABC");

        assertThat(query.isTerm()).isTrue();
        assertThat(query.term().value().stringValue()).isEqualTo("abc");
    }

    @Test
    void aLongerQueryIsItsGramsInARowWithNoSlop() {
        Query query = BodyGrams.containing("needle");

        assertThat(query.isSpanNear()).isTrue();
        assertThat(query.spanNear().slop()).isZero();
        assertThat(query.spanNear().inOrder()).isTrue();
        assertThat(query.spanNear().clauses()).extracting(clause -> clause.spanTerm().value())
                .containsExactly("nee", "eed", "edl", "dle");
    }
}

package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BodyGramsTest {

    private static final String E = "\uE000";

    private static List<String> grams(String body) {
        String sequence = BodyGrams.of(body);
        return sequence.isEmpty() ? List.of() : List.of(sequence.split(" ", -1));
    }

    @Test
    void aBodyIsOneGramPerCodePointLowerCasedShorterAtTheEnd() {
        assertThat(BodyGrams.of("HeLlo")).isEqualTo("hel ell llo lo o");
        assertThat(BodyGrams.of("a")).isEqualTo("a");
        assertThat(BodyGrams.of("")).isEmpty();
    }

    @Test
    void gramsNeverCutASurrogatePair() {
        assertThat(grams("a😀b")).containsExactly("a😀b", "😀b", "b");
    }

    @Test
    void whitespaceAndControlCharactersInAGramAreEscapedSoTheGramStaysOneToken() {
        assertThat(grams("a b")).containsExactly("a" + E + "20;b", E + "20;b", "b");
        assertThat(grams("a\tb\u3000")).containsExactly("a" + E + "9;b", E + "9;b" + E + "3000;", "b" + E + "3000;",
                E + "3000;");
        // No-break space and a control character that is not whitespace: escaped all the same.
        assertThat(grams("\u00a0\u0000")).containsExactly(E + "a0;" + E + "0;", E + "0;");
        for (String gram : grams("x \t\n\r\u000b\f\u001c\u0085\u00a0\u1680\u2000\u2007\u2028\u2029\u202f\u205f\u3000y")) {
            assertThat(gram.codePoints().noneMatch(Character::isWhitespace)).as(gram).isTrue();
        }
    }

    @Test
    void theEscapeCharacterItselfIsEscapedSoNoTwoGramsShareAToken() {
        assertThat(grams(E + "20;")).first().isEqualTo(E + "x20");
        Set<String> tokens = new HashSet<>();
        for (String text : List.of(" ", E + "20;", E + "x", E, "\t", "9;", E + "9;")) {
            assertThat(tokens.add(BodyGrams.of(text).split(" ")[0])).as(text).isTrue();
        }
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
        assertThat(BodyGrams.containing(" ").prefix().value()).isEqualTo(E + "20;");
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

    @Test
    void aQueryIsEscapedAsTheBodiesAre() {
        assertThat(BodyGrams.containing("A B").term().value().stringValue()).isEqualTo(grams("a b").getFirst());
    }
}

package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * Substring search without n-gram analyzers (this Elasticsearch has none): the body is indexed as the
 * sequence of its grams, one per code point, in order. The gram at position i is the lower-cased body's
 * code points [i, i + 3), shorter at the end. So:
 * <ul>
 * <li>a q of three code points or more occurs at i exactly when q's grams are the body's grams at i, i+1,
 *     ... in a row: a span_near of them with no slop, in order;</li>
 * <li>a shorter q occurs at i exactly when the gram at i starts with it: a prefix query.</li>
 * </ul>
 * Both are what {@code LIKE '%q%'} finds, case-insensitively, and both are lookups in the term dictionary
 * and postings, where the wildcard {@code *q*} they replace walked every distinct body in the index (seconds
 * at 5 million messages). See docs/decisions/0003-substring-search.md.
 * <p>
 * The grams travel as one text, separated by spaces, which the field's {@code whitespace} analyzer (core)
 * splits back into the grams at positions 0, 1, 2, ...: one value for Elasticsearch to parse and invert per
 * document instead of one per gram (an array under the keyword analyzer, the format before), which cost a
 * third more of its CPU per indexed message (docs/performance.md, 2026-12-06). A gram holding whitespace
 * would be split too, so every code point the tokenizer could take for a separator is written escaped (see
 * {@link #appendToken}), in the documents and in the queries alike.
 */
final class BodyGrams {

    static final String FIELD = "body_gram_seq";
    static final int LENGTH = 3;
    /** Starts every escape; a private-use code point, itself escaped when a text holds it. */
    private static final int ESCAPE = 0xE000;

    private BodyGrams() {
    }

    /** The body's grams as the field's text: lower-cased, escaped, one space between two grams. */
    static String of(String body) {
        return ofLowercased(lowerCase(body));
    }

    /** The grams of a text lowercased already, by whatever rule its queries are lowercased with too. */
    static String ofLowercased(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder sequence = new StringBuilder(codePoints.length * (LENGTH + 1));
        for (int i = 0; i < codePoints.length; i++) {
            if (i > 0) {
                sequence.append(' ');
            }
            appendToken(sequence, codePoints, i, Math.min(i + LENGTH, codePoints.length));
        }
        return sequence.toString();
    }

    /**
     * The token of the code points [from, to): each as itself, except that the escape code point becomes
     * ESCAPE 'x', and any code point that is whitespace, a space separator or a control character becomes
     * ESCAPE, its hexadecimal value, ';'. Both escapes are unambiguous (a hexadecimal value never starts with
     * 'x' and ends at ';'), so two different grams never make the same token, and the token holds nothing
     * Lucene's whitespace tokenizer splits on ({@code Character.isWhitespace}), whatever Unicode version its
     * JDK knows: control characters and space separators are escaped whether or not they count as whitespace.
     * Escaping each code point alone keeps prefixes: the token of a gram's first code points is a prefix of
     * the gram's token, which the prefix query of a short q relies on.
     */
    private static void appendToken(StringBuilder token, int[] codePoints, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = codePoints[i];
            if (c == ESCAPE) {
                token.appendCodePoint(ESCAPE).append('x');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                token.appendCodePoint(ESCAPE).append(Integer.toHexString(c)).append(';');
            } else {
                token.appendCodePoint(c);
            }
        }
    }

    private static String token(int[] codePoints, int from, int to) {
        StringBuilder token = new StringBuilder(to - from);
        appendToken(token, codePoints, from, to);
        return token.toString();
    }

    /** Bodies that contain {@code query} as a substring, case-insensitively. */
    static Query containing(String query) {
        return containingLowercased(FIELD, lowerCase(query));
    }

    /** Texts whose grams are in {@code field} and contain {@code lowercased}, which is lowercased as they are. */
    static Query containingLowercased(String field, String lowercased) {
        int[] codePoints = lowercased.codePoints().toArray();
        if (codePoints.length < LENGTH) {
            String prefix = token(codePoints, 0, codePoints.length);
            return Query.of(q -> q.prefix(p -> p.field(field).value(prefix)));
        }
        if (codePoints.length == LENGTH) {
            String gram = token(codePoints, 0, LENGTH);
            return Query.of(q -> q.term(t -> t.field(field).value(gram)));
        }
        List<SpanQuery> clauses = new ArrayList<>();
        for (int i = 0; i + LENGTH <= codePoints.length; i++) {
            String gram = token(codePoints, i, i + LENGTH);
            clauses.add(SpanQuery.of(s -> s.spanTerm(t -> t.field(field).value(gram))));
        }
        return Query.of(q -> q.spanNear(n -> n.clauses(clauses).slop(0).inOrder(true)));
    }

    /**
     * Lower case one code point at a time, as Lucene's lowercase filter does. String.toLowerCase applies
     * context and locale rules (a word-final Σ becomes ς, İ becomes i + U+0307), which would make a body's
     * grams and a query's grams disagree about the same text.
     */
    static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }
}

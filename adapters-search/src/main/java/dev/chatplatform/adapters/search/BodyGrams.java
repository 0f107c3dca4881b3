package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Substring search without n-gram analyzers (this Elasticsearch has none): the body is indexed as the
 * sequence of its grams, one per code point, in order. The gram at position i is the lower-cased body's
 * code points [i, i + 3), shorter at the end. The field's analyzer keeps each gram whole (keyword) and its
 * position_increment_gap of 0 gives the i-th gram position i, so:
 * <ul>
 * <li>a q of three code points or more occurs at i exactly when q's grams are the body's grams at i, i+1,
 *     ... in a row: a span_near of them with no slop, in order;</li>
 * <li>a shorter q occurs at i exactly when the gram at i starts with it: a prefix query.</li>
 * </ul>
 * Both are what {@code LIKE '%q%'} finds, case-insensitively, and both are lookups in the term dictionary
 * and postings, where the wildcard {@code *q*} they replace walked every distinct body in the index (seconds
 * at 5 million messages). See docs/decisions/0003-substring-search.md.
 */
final class BodyGrams {

    static final String FIELD = "body_grams";
    static final int LENGTH = 3;

    private BodyGrams() {
    }

    /**
     * The body's grams, position by position: a view that makes each gram when it is read (by the JSON
     * writer of the bulk request). Held as separate strings, a 9 kB body's 9,000 grams took about 500 kB
     * of heap, and a batch of 500 such messages ran a 512 MB worker out of memory (a CI run).
     */
    static List<String> of(String body) {
        return ofLowercased(lowerCase(body));
    }

    /** The grams of a text lowercased already, by whatever rule its queries are lowercased with too. */
    static List<String> ofLowercased(String text) {
        return new Grams(text.codePoints().toArray());
    }

    private static final class Grams extends AbstractList<String> implements RandomAccess {

        private final int[] codePoints;

        Grams(int[] codePoints) {
            this.codePoints = codePoints;
        }

        @Override
        public String get(int i) {
            Objects.checkIndex(i, codePoints.length);
            return new String(codePoints, i, Math.min(LENGTH, codePoints.length - i));
        }

        @Override
        public int size() {
            return codePoints.length;
        }
    }

    /** Bodies that contain {@code query} as a substring, case-insensitively. */
    static Query containing(String query) {
        return containingLowercased(FIELD, lowerCase(query));
    }

    /** Texts whose grams are in {@code field} and contain {@code lowercased}, which is lowercased as they are. */
    static Query containingLowercased(String field, String lowercased) {
        int[] codePoints = lowercased.codePoints().toArray();
        if (codePoints.length < LENGTH) {
            String prefix = new String(codePoints, 0, codePoints.length);
            return Query.of(q -> q.prefix(p -> p.field(field).value(prefix)));
        }
        if (codePoints.length == LENGTH) {
            String gram = new String(codePoints, 0, LENGTH);
            return Query.of(q -> q.term(t -> t.field(field).value(gram)));
        }
        List<SpanQuery> clauses = new ArrayList<>();
        for (int i = 0; i + LENGTH <= codePoints.length; i++) {
            String gram = new String(codePoints, i, LENGTH);
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

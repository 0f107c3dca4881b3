package dev.chatplatform.system;

import java.util.concurrent.ThreadLocalRandom;

/** Test data for the system tests: names that never collide, message bodies that say where they came from. */
final class TestData {

    private TestData() {
    }

    /** An application name unique to this run, saying which test made it. */
    static String appName(String purpose) {
        return "sys-" + purpose + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** A short random tag to make bodies of one test unique across runs. */
    static String tag() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);
    }

    /**
     * A body with a marker of fixed width, so one marker is never a substring of another, plus a word
     * that every body of the run shares.
     */
    static String body(String tag, int i, String commonWord) {
        return "message " + marker(tag, i) + " of the system test " + commonWord;
    }

    static String marker(String tag, int i) {
        return "mk" + tag + String.format("%05d", i) + "z";
    }
}

package dev.chatplatform.dataset;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class ContentCsvTest {

    /** The Exabloom seed's shape (rows written here, not copied): no header, a leading space, quotes as it has them. */
    private static final String EXABLOOM_SHAPE = String.join("\n",
            " Do you like tea or coffee?",
            " Tea, mostly.",
            "\" Coffee, strong and black, with \"\"no\"\" sugar. \"",
            " I learned the phrase \"tea time\" from my aunt ",
            " A stray \" quote must not eat the rows after it",
            "\" Two lines",
            "in one body\"",
            "",
            " Bye") + "\n";

    @Test
    void theExabloomSeedsRowsAreAllBodiesHeaderlessWithTheirQuotesAsWritten() throws IOException {
        assertThat(ContentCsv.bodies(new StringReader(EXABLOOM_SHAPE))).containsExactly(
                " Do you like tea or coffee?",
                " Tea", // an unquoted comma ends the (only) column, as csv-parser reads it with one header
                " Coffee, strong and black, with \"no\" sugar. ",
                " I learned the phrase \"tea time\" from my aunt ",
                " A stray \" quote must not eat the rows after it",
                " Two lines\nin one body",
                " Bye");
    }

    @Test
    void aHeaderRowNamingTheBodyColumnIsSkippedAndThatColumnRead() throws IOException {
        String csv = "id,message_content,sent\n1,hello,2020\n2,\"hi, there\",2021\n";

        assertThat(ContentCsv.bodies(new StringReader(csv))).containsExactly("hello", "hi, there");
    }

    @Test
    void aFirstRowThatNamesNoBodyColumnIsABody() throws IOException {
        assertThat(ContentCsv.bodies(new StringReader("first body\nsecond body\n")))
                .containsExactly("first body", "second body");
    }
}

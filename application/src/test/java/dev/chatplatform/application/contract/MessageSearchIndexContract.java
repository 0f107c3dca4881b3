package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.application.port.out.MessageSearchIndex.Hit;
import dev.chatplatform.application.port.out.MessageSearchIndex.SearchPosition;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search finds what SQL {@code LIKE '%q%'} finds, case-insensitively (API.md, Messages), for the fake
 * and for Elasticsearch. Each test works in a chat of its own application.
 */
public abstract class MessageSearchIndexContract extends PortContract {

    /** The index under test; called once per test. */
    protected abstract MessageSearchIndex searchIndex();

    /** Makes everything indexed so far searchable; an index that is searchable at once need not override it. */
    protected void refresh() {
    }

    private MessageSearchIndex index;
    private final AppId app = newApp();
    private final ChatNumber chat = ChatNumber.of(1);
    private final AtomicLong numbers = new AtomicLong();

    private MessageSearchIndex subject() {
        if (index == null) {
            index = searchIndex();
        }
        return index;
    }

    private Message post(String body) {
        Message message = aMessage().in(app, chat.value()).numbered(numbers.incrementAndGet()).withBody(body)
                .createdAt(secondsAfterT0(numbers.get())).build();
        index(message);
        return message;
    }

    /** What this test indexed, newest state of each message: hits name messages by number only. */
    private final Map<String, Message> indexed = new HashMap<>();

    private void index(Message... messages) {
        assertThat(subject().indexAll(List.of(messages))).as("rejected as malformed").isEmpty();
        for (Message message : messages) {
            indexed.merge(key(message.appId(), message.chatNumber(), message.number()), message,
                    (stored, state) -> stored.isNewerThan(state) ? stored : state);
        }
        refresh();
    }

    private static String key(AppId app, ChatNumber chat, MessageNumber number) {
        return app.value() + "/" + chat.value() + "/" + number.value();
    }

    private List<String> bodiesFound(String query) {
        return found(app, chat, query).stream().map(m -> m.body().value()).toList();
    }

    private List<Message> found(AppId inApp, ChatNumber inChat, String query) {
        return subject().search(inApp, inChat, query, null, 100).hits().stream()
                .map(hit -> indexed.get(key(inApp, inChat, hit.number()))).toList();
    }

    @Test
    void hitNamesTheMessageIndexed() {
        Message message = post("Where is my parcel?");

        assertThat(found(app, chat, "parcel")).containsExactly(message);
    }

    @ParameterizedTest(name = "\"{1}\" in \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unbelievable                      | lieva
            hello world                       | lo wo
            hello world                       | hello world
            Hello World                       | hELLO w
            SHOUTING                          | shout
            quiet                             | QUIET
            e-mail: support@acme.example      | l: sup
            "  padded  "                      | "d  "
            ÄPFEL und Birnen                  | äpfel
            ΟΔΟΣ ΑΘΗΝΑΣ                       | ΟΔΟΣ
            İstanbul                          | İstanbul
            price: 100% off                   | 100%
            snake_case_name                   | e_c
            a*b                               | a*b
            why?                              | y?
            C:\\temp\\file                   | :\\t
            x                                 | x
            ab                                | ab
            abc                               | bc
            baaaab                            | aaaa
            abcabcabd                         | abcabd
            """)
    void findsTheQueryAnywhereInTheBodyIgnoringCase(String body, String query) {
        post(body);
        post("unrelated filler");

        assertThat(bodiesFound(query)).containsExactly(body);
    }

    @ParameterizedTest(name = "\"{1}\" not in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            hello world         | helloworld
            hello world         | world hello
            price: 100 off      | 100%
            snakeXcase          | e_c
            snakeXcase          | e%c
            aXb                 | a*b
            whyX                | y?
            C:temp              | :\\t
            fo                  | foo
            abcXbcd             | abcd
            ab                  | abc
            aaa                 | aaaa
            """)
    void wildcardCharactersAreTakenLiterally(String body, String query) {
        post(body);

        assertThat(bodiesFound(query)).isEmpty();
    }

    @Test
    void queryNearTheEndOfTheLongestBodyIsFound() {
        String body = "a".repeat(MessageBody.MAX_LENGTH - 20) + " the needle is here";
        post(body.substring(0, MessageBody.MAX_LENGTH - 1) + "!");
        post("needle");

        assertThat(bodiesFound("needle is")).containsExactly(body.substring(0, MessageBody.MAX_LENGTH - 1) + "!");
    }

    @Test
    void everyPieceOfTheLongestBodyFindsIt() {
        // Random letters, so each 200-character piece occurs once; pieces start on every side of any split.
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < MessageBody.MAX_LENGTH) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        String body = text.toString();
        post(body);
        post("some other message");

        for (int start = 0; start + 200 <= body.length(); start += 97) {
            String piece = body.substring(start, start + 200);
            assertThat(found(app, chat, piece)).as("piece at %d", start).hasSize(1);
        }
        assertThat(bodiesFound(body.substring(9800))).hasSize(1);
        assertThat(bodiesFound(body.substring(4000, 4150) + "#")).isEmpty();
    }

    @Test
    void bodiesWithCharactersOutsideTheBasicPlaneAreSearchable() {
        // Surrogate pairs at every offset: no way of cutting the body may lose or reject it.
        String body = "x" + "😀b".repeat(3333);
        post(body);
        post("b😀 short");

        assertThat(found(app, chat, "b😀b😀b")).hasSize(1);
        assertThat(found(app, chat, "😀")).hasSize(2);
    }

    @Test
    void eachKindOfSpaceAndControlCharacterIsMatchedAsItselfOnly() {
        // The gram sequence separates grams by spaces: a gram holding any of these must stay one gram, and
        // stay apart from the grams of the others.
        List<String> spaces = List.of(" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\u0000", "\u001f",
                "\uE000", "\uE00020;");
        for (String space : spaces) {
            post("left" + space + "right");
        }

        for (String space : spaces) {
            assertThat(bodiesFound("t" + space + "r")).as("t%sr", space).containsExactly("left" + space + "right");
            assertThat(bodiesFound(space)).as("[%s]", space).contains("left" + space + "right");
        }
        assertThat(bodiesFound("\uE000")).hasSize(2);
        assertThat(bodiesFound("left right")).containsExactly("left right");
    }

    @Test
    void anEditIsReflected() {
        Message posted = post("Meeting on Monday");
        index(posted.edit(new MessageBody("Meeting on Tuesday"), secondsAfterT0(100)));

        assertThat(bodiesFound("monday")).isEmpty();
        assertThat(bodiesFound("tuesday")).containsExactly("Meeting on Tuesday");
    }

    @Test
    void anOlderStateIndexedLateChangesNothing() {
        Message posted = post("Meeting on Monday");
        index(posted.edit(new MessageBody("Meeting on Tuesday"), secondsAfterT0(100)));

        index(posted);

        assertThat(bodiesFound("meeting")).containsExactly("Meeting on Tuesday");
    }

    @Test
    void indexingTheSameStateAgainFindsItOnce() {
        Message posted = post("once only");

        index(posted, posted);
        index(posted);

        assertThat(bodiesFound("once")).hasSize(1);
    }

    @Test
    void otherChatsAndApplicationsAreNeverReturned() {
        AppId otherApp = newApp();
        post("shared words");
        index(aMessage().in(app, 2).numbered(1).withBody("shared words").build(),
                aMessage().in(otherApp, chat.value()).numbered(1).withBody("shared words").build());

        assertThat(found(app, chat, "shared")).extracting(m -> m.chatNumber()).containsExactly(chat);
        assertThat(found(otherApp, chat, "shared")).extracting(Message::appId).containsExactly(otherApp);
        assertThat(found(app, ChatNumber.of(3), "shared")).isEmpty();
    }

    @Test
    void pagingFromTheLastHitReturnsEveryHitOnceInRelevanceOrder() {
        List<Long> matching = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Bodies of several shapes, so some hits tie on relevance and some do not.
            String body = switch (i % 5) {
                case 0 -> "ping";
                case 1 -> "ping pong ping";
                case 2 -> "a long message that mentions ping once among many other words";
                case 3 -> "pinging inside a word";
                default -> "PING";
            };
            matching.add(post(body).number().value());
            post("no match here " + i);
        }

        List<Hit> walked = new ArrayList<>();
        SearchPosition after = null;
        for (int pages = 0; pages < 30; pages++) {
            List<Hit> page = subject().search(app, chat, "ping", after, 4).hits();
            walked.addAll(page);
            if (page.size() < 4) {
                break;
            }
            Hit last = page.getLast();
            after = new SearchPosition(last.score(), last.number().value());
        }

        assertThat(walked).extracting(hit -> hit.number().value())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matching);
        for (int i = 1; i < walked.size(); i++) {
            Hit previous = walked.get(i - 1);
            Hit hit = walked.get(i);
            assertThat(hit.score() < previous.score() || (hit.score() == previous.score()
                    && hit.number().value() < previous.number().value()))
                    .as("hit %d comes after hit %d in relevance order", i, i - 1).isTrue();
        }
    }

    @Test
    void aWholeWordRanksAboveTheSameLettersInsideAWordWhateverTheirAge() {
        long word = post("the order came").number().value();
        long inside = post("reordering the shelves").number().value();
        long wordAgain = post("ORDER 66").number().value();

        assertThat(subject().search(app, chat, "order", null, 10).hits()).extracting(hit -> hit.number().value())
                .containsExactly(wordAgain, word, inside);
    }

    @Test
    void aPhraseRanksAboveAnyOfItsWordsAboveASubstringOnly() {
        long phrase = post("where is my order please").number().value();
        long oneWord = post("my orders").number().value();
        long substringOnly = post("tummy orders").number().value();
        long newerOneWord = post("tummy order").number().value();

        assertThat(subject().search(app, chat, "my order", null, 10).hits()).extracting(hit -> hit.number().value())
                .containsExactly(phrase, newerOneWord, oneWord, substringOnly);
    }

    @Test
    void nothingFoundIsAnEmptyList() {
        post("something");

        assertThat(subject().search(app, chat, "nothing", null, 10).hits()).isEmpty();
    }

    private Message postIn(AppId inApp, long inChat, String body) {
        Message message = aMessage().in(inApp, inChat).numbered(numbers.incrementAndGet()).withBody(body)
                .createdAt(secondsAfterT0(numbers.get())).build();
        index(message);
        return message;
    }

    @Test
    void chatsMentioningNamesEachChatWithAMatchingBodyOnce() {
        postIn(app, 1, "Hello World");
        postIn(app, 2, "say hello");
        postIn(app, 2, "HELLO again");
        postIn(app, 3, "goodbye");

        assertThat(subject().chatsMentioning(app, "hELLo", 100)).containsExactlyInAnyOrder(ChatNumber.of(1), ChatNumber.of(2));
    }

    @ParameterizedTest(name = "\"{1}\" in \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unbelievable                      | lieva
            hello world                       | lo wo
            ÄPFEL und Birnen                  | äpfel
            price: 100% off                   | 100%
            snake_case_name                   | e_c
            a*b                               | a*b
            why?                              | y?
            """)
    void chatsMentioningMatchesSubstringsAsSearchDoes(String body, String query) {
        postIn(app, 7, body);
        postIn(app, 8, "unrelated filler");

        assertThat(subject().chatsMentioning(app, query, 100)).containsExactly(ChatNumber.of(7));
    }

    @ParameterizedTest(name = "\"{1}\" not in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            hello world         | helloworld
            price: 100 off      | 100%
            snakeXcase          | e_c
            aXb                 | a*b
            whyX                | y?
            """)
    void chatsMentioningTakesWildcardCharactersLiterally(String body, String query) {
        postIn(app, 7, body);

        assertThat(subject().chatsMentioning(app, query, 100)).isEmpty();
    }

    @Test
    void chatsMentioningFindsAQueryDeepInTheLongestBody() {
        postIn(app, 4, "a".repeat(MessageBody.MAX_LENGTH - 20) + " the needle is here");

        assertThat(subject().chatsMentioning(app, "needle is", 100)).containsExactly(ChatNumber.of(4));
    }

    @Test
    void chatsMentioningNeverNamesAnotherApplicationsChats() {
        AppId otherApp = newApp();
        postIn(app, 1, "shared words");
        postIn(otherApp, 2, "shared words");

        assertThat(subject().chatsMentioning(app, "shared", 100)).containsExactly(ChatNumber.of(1));
        assertThat(subject().chatsMentioning(otherApp, "shared", 100)).containsExactly(ChatNumber.of(2));
    }

    @Test
    void allChatsMentioningNamesThemAllOrNoneWhenTooManyMessagesMatch() {
        AppId otherApp = newApp();
        postIn(app, 1, "ping one");
        postIn(app, 1, "ping two");
        postIn(app, 2, "PING three");
        postIn(app, 3, "pong");
        postIn(otherApp, 4, "ping elsewhere");

        assertThat(subject().allChatsMentioning(app, "ping", 3)).contains(Set.of(ChatNumber.of(1), ChatNumber.of(2)));
        assertThat(subject().allChatsMentioning(app, "ping", 2)).as("three messages match").isEmpty();
        assertThat(subject().allChatsMentioning(app, "nothing like it", 2)).contains(Set.of());
    }

    @Test
    void chatsMentioningAmongNamesOnlyTheGivenChatsThatMatch() {
        AppId otherApp = newApp();
        postIn(app, 1, "Hello World");
        postIn(app, 2, "say hello");
        postIn(app, 3, "goodbye");
        postIn(app, 4, "hello, unasked");
        postIn(otherApp, 5, "hello from elsewhere");

        List<ChatNumber> asked = List.of(ChatNumber.of(1), ChatNumber.of(2), ChatNumber.of(3), ChatNumber.of(5));
        assertThat(subject().chatsMentioningAmong(app, "hELLo", asked))
                .containsExactlyInAnyOrder(ChatNumber.of(1), ChatNumber.of(2));
        assertThat(subject().chatsMentioningAmong(app, "lo wo", asked)).containsExactly(ChatNumber.of(1));
        assertThat(subject().chatsMentioningAmong(otherApp, "hello", asked)).containsExactly(ChatNumber.of(5));
        assertThat(subject().chatsMentioningAmong(app, "hello", List.of())).isEmpty();
    }

    @Test
    void chatsMentioningNamesAtMostMaxChats() {
        List<ChatNumber> matching = new ArrayList<>();
        for (long chatNumber = 1; chatNumber <= 6; chatNumber++) {
            postIn(app, chatNumber, "ping number " + chatNumber);
            postIn(app, chatNumber, "and a second ping");
            matching.add(ChatNumber.of(chatNumber));
        }

        assertThat(subject().chatsMentioning(app, "ping", 4)).hasSize(4).isSubsetOf(matching);
        assertThat(subject().chatsMentioning(app, "ping", 6)).containsExactlyInAnyOrderElementsOf(matching);
    }

    @Test
    void chatsMentioningFollowsEdits() {
        Message posted = postIn(app, 5, "Meeting on Monday");
        index(posted.edit(new MessageBody("Meeting on Tuesday"), secondsAfterT0(100)));

        assertThat(subject().chatsMentioning(app, "monday", 100)).isEmpty();
        assertThat(subject().chatsMentioning(app, "tuesday", 100)).containsExactly(ChatNumber.of(5));
    }

    @Test
    void chatsMentioningNothingIsAnEmptySet() {
        postIn(app, 1, "something");

        assertThat(subject().chatsMentioning(app, "nothing", 100)).isEmpty();
        assertThat(subject().chatsMentioning(newApp(), "something", 100)).isEmpty();
    }
}

package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.chatplatform.system.ChatClient.appPath;
import static dev.chatplatform.system.ChatClient.chatPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input API.md names for users, participants, senders, reactions, receipts and list filters: a 4xx naming the field. */
@ExtendWith(PlatformExtension.class)
class MessagingModelBadInputIT {

    record Fixture(ChatClient client, String token, long chat, long message) {

        String users() {
            return appPath(token) + "/users/";
        }

        String chats() {
            return appPath(token) + "/chats";
        }

        String messages() {
            return chatPath(token, chat) + "/messages";
        }

        String reactions() {
            return messages() + "/" + message + "/reactions";
        }

        String receipts() {
            return chatPath(token, chat) + "/receipts";
        }

        Reply send(String method, String path, String body) {
            return client.send(client.request(path).method(method, BodyPublishers.ofString(body)));
        }
    }

    record Case(String name, Function<Fixture, Reply> request, int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Fixture fixture;

    @BeforeAll
    static void createAChatWithParticipantsAndAMessage(Platform platform) {
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("model-bad-input"));
        long chat = client.newChat(token, "pair", List.of("alice", "bob"));
        long message = client.postMessageAs(token, chat, "hi", "alice").number();
        fixture = new Fixture(client, token, chat, message);
    }

    static Stream<Case> badRequests() {
        return Stream.of(
                // users
                new Case("user id with a space", f -> f.send("PUT", f.users() + "ali%20ce", "{\"name\":\"A\"}"), 400, "user_id"),
                new Case("user id of 65 characters", f -> f.send("PUT", f.users() + "u".repeat(65), "{\"name\":\"A\"}"), 400, "user_id"),
                new Case("user without name", f -> f.send("PUT", f.users() + "carol", "{}"), 400, "name"),
                new Case("user name blank", f -> f.send("PUT", f.users() + "carol", "{\"name\":\"  \"}"), 400, "name"),
                new Case("user name a number", f -> f.send("PUT", f.users() + "carol", "{\"name\":5}"), 400, "name"),
                new Case("phone without +", f -> f.send("PUT", f.users() + "carol", "{\"name\":\"C\",\"phone\":\"4915112345\"}"), 400, "phone"),
                new Case("phone too short", f -> f.send("PUT", f.users() + "carol", "{\"name\":\"C\",\"phone\":\"+12345\"}"), 400, "phone"),
                new Case("phone with spaces", f -> f.send("PUT", f.users() + "carol", "{\"name\":\"C\",\"phone\":\"+49 151 1234\"}"), 400, "phone"),
                new Case("phone a number", f -> f.send("PUT", f.users() + "carol", "{\"name\":\"C\",\"phone\":4915112345}"), 400, "phone"),
                new Case("unknown user", f -> f.client().get(f.users() + "nobody"), 404, null),
                // participants and senders
                new Case("participants not an array", f -> f.send("POST", f.chats(), "{\"participants\":\"alice\"}"), 400, "participants"),
                new Case("participant invalid", f -> f.send("POST", f.chats(), "{\"participants\":[\"ok\",\"not ok\"]}"), 400, "participants[1]"),
                new Case("participant a number", f -> f.send("POST", f.chats(), "{\"participants\":[7]}"), 400, "participants[0]"),
                new Case("participant twice", f -> f.send("POST", f.chats(), "{\"participants\":[\"a\",\"a\"]}"), 400, "participants[1]"),
                new Case("sender not a participant", f -> f.send("POST", f.messages(), "{\"body\":\"x\",\"sender\":\"mallory\"}"), 400, "sender"),
                new Case("sender invalid", f -> f.send("POST", f.messages(), "{\"body\":\"x\",\"sender\":\"a b\"}"), 400, "sender"),
                new Case("sender a number", f -> f.send("POST", f.messages(), "{\"body\":\"x\",\"sender\":1}"), 400, "sender"),
                // reactions
                new Case("reaction without type", f -> f.send("POST", f.reactions(), "{\"user_id\":\"bob\"}"), 400, "type"),
                new Case("reaction type uppercase", f -> f.send("POST", f.reactions(), "{\"user_id\":\"bob\",\"type\":\"Like\"}"), 400, "type"),
                new Case("reaction type of 33 characters", f -> f.send("POST", f.reactions(),
                        "{\"user_id\":\"bob\",\"type\":\"" + "a".repeat(33) + "\"}"), 400, "type"),
                new Case("reaction score 0", f -> f.send("POST", f.reactions(), "{\"user_id\":\"bob\",\"type\":\"like\",\"score\":0}"), 400, "score"),
                new Case("reaction score 1001", f -> f.send("POST", f.reactions(), "{\"user_id\":\"bob\",\"type\":\"like\",\"score\":1001}"), 400, "score"),
                new Case("reaction score a string", f -> f.send("POST", f.reactions(), "{\"user_id\":\"bob\",\"type\":\"like\",\"score\":\"5\"}"), 400, "score"),
                new Case("reaction score a float", f -> f.send("POST", f.reactions(), "{\"user_id\":\"bob\",\"type\":\"like\",\"score\":1.5}"), 400, "score"),
                new Case("reaction without user", f -> f.send("POST", f.reactions(), "{\"type\":\"like\"}"), 400, "user_id"),
                new Case("reaction by an outsider", f -> f.send("POST", f.reactions(), "{\"user_id\":\"mallory\",\"type\":\"like\"}"), 400, "user_id"),
                new Case("reaction to an unknown message", f -> f.send("POST", f.messages() + "/999/reactions",
                        "{\"user_id\":\"bob\",\"type\":\"like\"}"), 404, null),
                // receipts
                new Case("receipt without user", f -> f.send("POST", f.receipts(), "{\"read_up_to\":1}"), 400, "user_id"),
                new Case("receipt cursor negative", f -> f.send("POST", f.receipts(), "{\"user_id\":\"bob\",\"read_up_to\":-1}"), 400, "read_up_to"),
                new Case("receipt cursor a string", f -> f.send("POST", f.receipts(), "{\"user_id\":\"bob\",\"delivered_up_to\":\"1\"}"), 400, "delivered_up_to"),
                new Case("receipt past the newest message", f -> f.send("POST", f.receipts(), "{\"user_id\":\"bob\",\"read_up_to\":99}"), 400, "read_up_to"),
                new Case("receipt by an outsider", f -> f.send("POST", f.receipts(), "{\"user_id\":\"mallory\",\"read_up_to\":1}"), 400, "user_id"),
                // list filters
                new Case("before not a number", f -> f.client().get(f.messages() + "?before=ten"), 400, "before"),
                new Case("after negative", f -> f.client().get(f.messages() + "?after=-4"), 400, "after"),
                new Case("since not a timestamp", f -> f.client().get(f.messages() + "?since=yesterday"), 400, "since"),
                new Case("until not a timestamp", f -> f.client().get(f.messages() + "?until=2026-13-45"), 400, "until"),
                new Case("inbox q empty", f -> f.client().get(f.chats() + "?q="), 400, "q"),
                new Case("inbox q of 201 characters", f -> f.client().get(f.chats() + "?q=" + "q".repeat(201)), 400, "q"),
                new Case("inbox participant invalid", f -> f.client().get(f.chats() + "?participant=a%20b"), 400, "participant"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsItsDocumented4xxNamingTheField(Case bad) {
        Reply reply = bad.request().apply(fixture);

        assertThat(reply.status()).as("%s -> %s", bad.name(), reply).isEqualTo(bad.status());
        assertThat(reply.contentType()).as("%s -> %s", bad.name(), reply).startsWith("application/problem+json");
        assertThat(reply.body()).as("no internals in %s", reply).doesNotContain("at dev.", "Exception", "\tat ", "java.");
        if (bad.field() != null) {
            JsonNode errors = reply.json().get("errors");
            assertThat(errors).as("errors in %s", reply).isNotNull();
            assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList())
                    .as("fields named in %s", reply).contains(bad.field());
        }
    }
}

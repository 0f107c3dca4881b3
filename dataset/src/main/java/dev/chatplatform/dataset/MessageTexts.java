package dev.chatplatform.dataset;

import dev.chatplatform.domain.message.MessageBody;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where message bodies come from: sentences built from the shipped corpus (templates with slots), or the
 * bodies of a user's CSV file. Lengths follow chat traffic: mostly one short sentence, some paragraphs,
 * a few long texts.
 */
abstract sealed class MessageTexts {

    abstract String body(Random random);

    static MessageTexts shipped() {
        return Corpus.load("/dataset/corpus.txt");
    }

    static MessageTexts fromCsv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> bodies = ContentCsv.bodies(reader);
            if (bodies.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no message body after its header");
            }
            return new Bodies(bodies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body the API would accept: at most MessageBody.MAX_LENGTH characters, not blank. */
    static String fit(String body) {
        String fitted = body.length() > MessageBody.MAX_LENGTH ? body.substring(0, MessageBody.MAX_LENGTH) : body;
        return fitted.isBlank() ? "." : fitted;
    }

    /** How many sentences (or CSV bodies) a message joins: 1 mostly, 2-4 often, up to 40 rarely. */
    static int parts(Random random) {
        double p = random.nextDouble();
        if (p < 0.75) {
            return 1;
        }
        if (p < 0.96) {
            return 2 + random.nextInt(3);
        }
        return 5 + random.nextInt(36);
    }

    static final class Corpus extends MessageTexts {

        private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");

        private final List<String> templates;
        private final Map<String, List<String>> slots;

        private Corpus(List<String> templates, Map<String, List<String>> slots) {
            this.templates = templates;
            this.slots = slots;
        }

        static Corpus load(String resource) {
            List<String> templates = new ArrayList<>();
            Map<String, List<String>> slots = new HashMap<>();
            try (InputStream in = MessageTexts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("> ")) {
                        templates.add(line.substring(2));
                    } else if (!line.isBlank() && !line.startsWith("#") && line.contains(":")) {
                        int colon = line.indexOf(':');
                        List<String> words = new ArrayList<>();
                        for (String word : line.substring(colon + 1).split(",")) {
                            words.add(word.strip());
                        }
                        slots.put(line.substring(0, colon).strip(), words);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Corpus(templates, slots);
        }

        @Override
        String body(Random random) {
            int parts = parts(random);
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < parts && body.length() < MessageBody.MAX_LENGTH; i++) {
                if (i > 0) {
                    body.append(' ');
                }
                body.append(sentence(random));
            }
            return fit(body.toString());
        }

        private String sentence(Random random) {
            String template = templates.get(random.nextInt(templates.size()));
            Matcher slot = SLOT.matcher(template);
            StringBuilder sentence = new StringBuilder();
            while (slot.find()) {
                String name = slot.group(1);
                String value = "number".equals(name) ? Integer.toString(10_000 + random.nextInt(990_000))
                        : pick(slots.get(name), name, random);
                slot.appendReplacement(sentence, Matcher.quoteReplacement(value));
            }
            slot.appendTail(sentence);
            return sentence.toString();
        }

        private static String pick(List<String> words, String name, Random random) {
            if (words == null) {
                throw new IllegalStateException("the corpus has no word list for {" + name + "}");
            }
            return words.get(random.nextInt(words.size()));
        }
    }

    static final class Bodies extends MessageTexts {

        private final List<String> bodies;

        Bodies(List<String> bodies) {
            this.bodies = bodies;
        }

        /** A CSV body as it is, joined with the next ones for the rare long message. */
        @Override
        String body(Random random) {
            int parts = parts(random) <= 4 ? 1 : 2 + random.nextInt(4);
            StringBuilder body = new StringBuilder(bodies.get(random.nextInt(bodies.size())));
            for (int i = 1; i < parts && body.length() < MessageBody.MAX_LENGTH; i++) {
                body.append('\n').append(bodies.get(random.nextInt(bodies.size())));
            }
            return fit(body.toString());
        }
    }
}

package dev.chatplatform.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * What to generate. Parsed from {@code --name=value} or {@code --name value} arguments (scripts/dataset.sh
 * passes them through).
 */
record DatasetOptions(int contacts, int groupChats, long messages, Path contentCsv, long seed, String api, Path out) {

    static final int AGENTS = 12;

    static DatasetOptions parse(List<String> args, String defaultApi) {
        int contacts = 100_000;
        int groups = 3_000;
        long messages = 5_000_000;
        Path csv = null;
        long seed = 42;
        String api = defaultApi;
        Path out = Path.of(".run");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (!"small".equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "small" -> {
                    contacts = 2_000;
                    groups = 100;
                    messages = 100_000;
                }
                case "contacts" -> contacts = Integer.parseInt(value);
                case "group-chats" -> groups = Integer.parseInt(value);
                case "messages" -> messages = Long.parseLong(value);
                case "content-csv" -> csv = Path.of(value);
                case "seed" -> seed = Long.parseLong(value);
                case "api" -> api = value;
                case "out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (contacts < 1 || groups < 0 || messages < 0) {
            throw new IllegalArgumentException("--contacts must be at least 1, --group-chats and --messages at least 0");
        }
        if (contacts < 3 && groups > 0) {
            throw new IllegalArgumentException("group chats need at least 3 contacts");
        }
        return new DatasetOptions(contacts, groups, messages, csv, seed, api, out);
    }

    int chats() {
        return contacts + groupChats;
    }
}

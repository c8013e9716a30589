package io.watchmen.reliability;

import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Good storage objects of the suites: one event each (or several in one NDJSON object, {@link #batches}), into
 * {@code rel_event}, whose pipeline accumulates the amount into one of {@code accounts} rows of
 * {@code rel_account_total}. A namespace keeps each suite's events and accounts apart in a shared database; a run
 * id keeps reruns on the same database apart.
 */
public final class Events {

    /** One event: its object, and what a single delivery of it must write. */
    public record Event(String eventNo, String accountCode, BigDecimal amount, int quantity, StorageObject object) {
    }

    /** Consecutive events in one NDJSON object, one item each. */
    public record Batch(String name, List<Event> events, StorageObject object) {
    }

    private Events() {
    }

    /** {@code count} events of namespace {@code ns} over {@code accounts} accounts, amounts from {@code seed}. */
    public static List<Event> generate(String ns, int count, int accounts, long seed) {
        return generate(ns, count, accounts, seed, Fixture.PAT_ADMIN_A);
    }

    /** As {@link #generate(String, int, int, long)}, delivered with {@code pat} (its tenant's topics). */
    public static List<Event> generate(String ns, int count, int accounts, long seed, String pat) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String eventNo = ns + "-" + i;
            String account = ns + "-acct-" + (i % accounts);
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(1_000_000) + 1, 2);
            int quantity = random.nextInt(50) + 1;
            events.add(new Event(eventNo, account, amount, quantity, object(ns, i, eventNo, account, amount,
                    quantity, pat)));
        }
        return events;
    }

    /**
     * The events in order, packed into NDJSON objects of 1 to {@code maxItems} items (sizes from {@code seed}):
     * objects larger than a chunk of items run as several chunks.
     */
    public static List<Batch> batches(String ns, List<Event> events, int maxItems, long seed) {
        Random random = new Random(seed);
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); ) {
            int size = Math.min(events.size() - from, 1 + random.nextInt(Math.max(1, maxItems)));
            List<Event> items = List.copyOf(events.subList(from, from + size));
            StringBuilder lines = new StringBuilder();
            for (Event event : items) {
                lines.append(new String(event.object().content(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('\n');
            }
            byte[] content = lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String name = "batch-" + batches.size();
            batches.add(new Batch(name, items, new StorageObject(new ObjectRef("reliability", "suites",
                    ns + "/" + name + ".ndjson", "v1", content.length), content)));
            from += size;
        }
        return batches;
    }

    private static StorageObject object(String ns, int i, String eventNo, String account, BigDecimal amount,
                                        int quantity, String pat) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventNo", eventNo);
        data.put("accountCode", account);
        data.put("amount", amount);
        data.put("quantity", quantity);
        data.put("eventTime", "2024-03-15 09:" + String.format("%02d", i % 60) + ":00");
        data.put("note", "event " + i + " of " + ns);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("code", Fixture.EVENT_TOPIC);
        document.put("data", data);
        document.put("pat", pat);
        byte[] content = json(document);
        return new StorageObject(new ObjectRef("reliability", "suites", ns + "/" + i + ".json", "v1",
                content.length), content);
    }

    static byte[] json(Object document) {
        try {
            return WatchmenJson.mapper().writeValueAsBytes(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

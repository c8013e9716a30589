package io.watchmen.reliability;

import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Duplicate deliveries must change nothing: every event delivered several times, one after the other or at the
 * same moment from several threads, leaves exactly the rows one delivery leaves.
 */
public final class DuplicateSuite {

    private final StorageObjectHandler handler;
    private final StorageTarget target;
    private final int maxDeliveries;

    public DuplicateSuite(StorageObjectHandler handler, StorageTarget target, int maxDeliveries) {
        this.handler = handler;
        this.target = target;
        this.maxDeliveries = maxDeliveries;
    }

    /** Each event {@code times} times in a row: the first is DONE, the others SKIPPED. */
    public CaseResult sequential(String ns, int events, int times) {
        List<Events.Event> generated = Events.generate(ns, events, 7, ns.hashCode());
        Deliverer deliverer = new Deliverer(handler, maxDeliveries);
        List<String> problems = new ArrayList<>();
        for (Events.Event event : generated) {
            for (int i = 0; i < times; i++) {
                ObjectOutcome outcome = deliverer.deliver(event.object());
                ItemStatus expected = i == 0 ? ItemStatus.DONE : ItemStatus.SKIPPED;
                ItemStatus actual = outcome.items().get(0).status();
                if (actual != expected && deliverer.retries() == 0 && problems.size() < 5) {
                    problems.add(event.eventNo() + " delivery " + (i + 1) + " was " + actual + ", not " + expected);
                }
            }
        }
        return result("duplicates/sequential x" + times, ns, generated, deliverer, problems);
    }

    /** Each event delivered by {@code threads} threads at once: exactly one DONE, the others SKIPPED. */
    public CaseResult concurrent(String ns, int events, int threads) {
        List<Events.Event> generated = Events.generate(ns, events, 7, ns.hashCode());
        Deliverer deliverer = new Deliverer(handler, maxDeliveries);
        List<String> problems = new ArrayList<>();
        for (Events.Event event : generated) {
            AtomicInteger done = new AtomicInteger();
            List<Runnable> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    ObjectOutcome outcome = deliverer.deliver(event.object());
                    if (outcome.items().get(0).status() == ItemStatus.DONE) {
                        done.incrementAndGet();
                    }
                });
            }
            Parallel.run(tasks);
            if (done.get() != 1 && problems.size() < 5) {
                problems.add(event.eventNo() + " was DONE " + done.get() + " times by " + threads + " threads");
            }
        }
        return result("duplicates/concurrent x" + threads, ns, generated, deliverer, problems);
    }

    /**
     * Events in NDJSON objects of 1 to {@code maxItems} items (items in chunks of a shared unit of work), each object
     * delivered by {@code threads} threads at once: every item DONE exactly once over all the threads.
     */
    public CaseResult concurrentObjects(String ns, int events, int maxItems, int threads, long seed) {
        List<Events.Event> generated = Events.generate(ns, events, 7, seed);
        List<String> problems = new ArrayList<>();
        long attempts = 0;
        long deadLettered = 0;
        for (Events.Batch batch : Events.batches(ns, generated, maxItems, seed)) {
            // one deliverer per object: it counts DONE items over every thread and every platform retry
            Deliverer deliverer = new Deliverer(handler, maxDeliveries);
            List<Runnable> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> deliverer.deliver(batch.object()));
            }
            Parallel.run(tasks);
            attempts += deliverer.attempts();
            deadLettered += deliverer.deadLettered();
            if (deliverer.done() != batch.events().size() && problems.size() < 5) {
                problems.add(batch.name() + ": " + deliverer.done() + " items DONE of " + batch.events().size()
                        + " by " + threads + " threads");
            }
            for (String problem : deliverer.problems()) {
                if (problems.size() < 5) {
                    problems.add(problem);
                }
            }
        }
        Verifier.Verdict verdict = Verifier.verify(target, ns, generated);
        problems.addAll(verdict.examples());
        return new CaseResult("duplicates/concurrent objects of 1-" + maxItems + " items x" + threads, attempts,
                verdict.lost(), verdict.duplicated(), deadLettered, verdict.wrong(), problems);
    }

    /**
     * {@code replays} deliveries of random events of a pool of {@code events}, each picked event repeated 1 to 5
     * times, in random order, from {@code threads} threads.
     */
    public CaseResult randomized(String ns, int events, int replays, int threads, long seed) {
        List<Events.Event> pool = Events.generate(ns, events, 11, seed);
        Random random = new Random(seed);
        List<Events.Event> deliveries = new ArrayList<>(replays);
        Set<Events.Event> picked = new LinkedHashSet<>();
        while (deliveries.size() < replays) {
            Events.Event event = pool.get(random.nextInt(pool.size()));
            picked.add(event);
            int repeats = 1 + random.nextInt(5);
            for (int r = 0; r < repeats && deliveries.size() < replays; r++) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);
        ConcurrentLinkedQueue<Events.Event> queue = new ConcurrentLinkedQueue<>(deliveries);
        Deliverer deliverer = new Deliverer(handler, maxDeliveries);
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (Events.Event event = queue.poll(); event != null; event = queue.poll()) {
                    deliverer.deliver(event.object());
                }
            });
        }
        Parallel.run(tasks);
        List<String> problems = new ArrayList<>();
        if (deliverer.done() != picked.size()) {
            problems.add(deliverer.done() + " items DONE for " + picked.size() + " distinct events");
        }
        return result("duplicates/randomized " + replays, ns, new ArrayList<>(picked), deliverer, problems);
    }

    private CaseResult result(String name, String ns, List<Events.Event> expected, Deliverer deliverer,
                              List<String> problems) {
        List<String> all = new ArrayList<>(problems);
        all.addAll(deliverer.problems());
        return CaseResult.of(name, deliverer, Verifier.verify(target, ns, expected), all);
    }
}

package io.watchmen.reliability;

import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Many threads accumulating into few aggregate rows: {@code threads} x {@code perThread} events over
 * {@code accounts} rows of {@code rel_account_total} must give exact sums, counts and averages. Deliveries that
 * end RETRY (a transient conflict) are delivered again, as a platform would.
 */
public final class ContentionSuite {

    private final StorageObjectHandler handler;
    private final StorageTarget target;
    private final int maxDeliveries;

    public ContentionSuite(StorageObjectHandler handler, StorageTarget target, int maxDeliveries) {
        this.handler = handler;
        this.target = target;
        this.maxDeliveries = maxDeliveries;
    }

    public CaseResult run(String ns, int threads, int perThread, int accounts) {
        List<Events.Event> events = Events.generate(ns, threads * perThread, accounts, ns.hashCode());
        Deliverer deliverer = new Deliverer(handler, maxDeliveries);
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Events.Event> mine = events.subList(t * perThread, (t + 1) * perThread);
            tasks.add(() -> mine.forEach(event -> deliverer.deliver(event.object())));
        }
        Parallel.run(tasks);
        return CaseResult.of("contention " + threads + "x" + perThread + " on " + accounts + " rows", deliverer,
                Verifier.verify(target, ns, events), deliverer.problems());
    }
}

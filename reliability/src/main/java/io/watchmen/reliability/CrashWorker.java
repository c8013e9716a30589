package io.watchmen.reliability;

import io.watchmen.core.config.Settings;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.trigger.CoreRuntime;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The child JVM of the crash suite: delivers the suite's events in an order of its own and says "done i" after
 * each, until the harness kills it. Arguments: {@code <ns> <events> <accounts> <seed> <workerId> <orderSeed>
 * [<maxItems> <chunkSize> [<tenant-a|tenant-c> <pauseAt>]]}; with {@code maxItems} above 1 it delivers the events
 * in NDJSON objects of up to that many items ({@link Events#batches}, in an order of its own) and says
 * "done batch-k" after each; with {@code pauseAt} above 0 its units of work commit the data sources first and the
 * {@code pauseAt}-th time it says "window" and waits there to be killed ({@link PauseBetweenCommits});
 * the database comes from {@code RELIABILITY_DB_URL}, {@code RELIABILITY_DB_USER}, {@code RELIABILITY_DB_PASSWORD}
 * (not the command line, which other users can read).
 */
public final class CrashWorker {

    static final String URL_VARIABLE = "RELIABILITY_DB_URL";
    static final String USER_VARIABLE = "RELIABILITY_DB_USER";
    static final String PASSWORD_VARIABLE = "RELIABILITY_DB_PASSWORD";

    private CrashWorker() {
    }

    public static void main(String[] args) {
        String ns = args[0];
        int count = Integer.parseInt(args[1]);
        int accounts = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        int workerId = Integer.parseInt(args[4]);
        long orderSeed = Long.parseLong(args[5]);
        Database database = new Database(System.getenv(URL_VARIABLE), System.getenv(USER_VARIABLE),
                System.getenv(PASSWORD_VARIABLE));
        int maxItems = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        int chunkSize = args.length > 7 ? Integer.parseInt(args[7]) : Settings.DEFAULT_CHUNK_SIZE;
        String pat = args.length > 8 && args[8].equals("tenant-c") ? Fixture.PAT_ADMIN_C : Fixture.PAT_ADMIN_A;
        int pauseAt = args.length > 9 ? Integer.parseInt(args[9]) : 0;
        PrintStream out = System.out;
        List<Events.Event> events = Events.generate(ns, count, accounts, seed, pat);
        List<Events.Batch> objects = new ArrayList<>();
        if (maxItems > 1) {
            objects.addAll(Events.batches(ns, events, maxItems, seed));
        } else {
            for (Events.Event event : events) {
                objects.add(new Events.Batch(event.eventNo(), List.of(event), event.object()));
            }
        }
        Collections.shuffle(objects, new Random(orderSeed));
        Settings settings = database.settings(workerId, 100, Settings.DEFAULT_MAX_OBJECT_BYTES, chunkSize);
        AtomicInteger dataSourceCommits = new AtomicInteger();
        UnaryOperator<UnitOfWork> units = pauseAt <= 0 ? UnaryOperator.identity()
                : unit -> new PauseBetweenCommits(unit, "meta", dataSourceCommits, pauseAt, out);
        try (CoreRuntime runtime = CoreRuntime.create(settings, Clock.systemDefaultZone(), units)) {
            Deliverer deliverer = new Deliverer(runtime, 100);
            out.println("ready");
            out.flush();
            for (Events.Batch object : objects) {
                deliverer.deliver(object.object());
                out.println("done " + object.name());
                out.flush();
            }
            out.println("finished");
            out.flush();
        }
    }
}

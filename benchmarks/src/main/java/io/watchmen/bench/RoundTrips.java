package io.watchmen.bench;

import java.math.BigDecimal;

/**
 * Round trips per cascade trigger, ours and the hand-written baseline's, counted on the wire by a
 * {@link RoundTripProxy} after both sides warmed up (caches filled, customers inserted, pool connections open):
 * one trigger per unit of work, as the cascade scenario runs them.
 */
final class RoundTrips {

    /** Per-trigger averages of client turns. */
    record Result(double ours, double baseline) {
    }

    private RoundTrips() {
    }

    static Result cascade(String jdbcUrl, String user, String password, int triggers) throws Exception {
        try (RoundTripProxy proxy = RoundTripProxy.of(jdbcUrl);
             BenchFixture fixture = BenchFixture.open(proxy.proxied(jdbcUrl), user, password, 2)) {
            HandWrittenCascade baseline = new HandWrittenCascade(fixture.meta.dataSource());
            fixture.reset();
            for (int i = 0; i < 50; i++) {
                baseline.trigger("RW-B-" + i, "C-" + i, BigDecimal.TEN);
            }
            Bench.runOurs(fixture, "RW-O", 50);
            System.err.println("---- measured: baseline");
            long start = proxy.turns();
            for (int i = 0; i < triggers; i++) {
                baseline.trigger("RT-B-" + i, "C-" + (i % 50), new BigDecimal("10.5"));
            }
            long baselineTurns = proxy.turns() - start;
            System.err.println("---- measured: ours");
            start = proxy.turns();
            Bench.runOurs(fixture, "RT-O", triggers);
            long oursTurns = proxy.turns() - start;
            return new Result((double) oursTurns / triggers, (double) baselineTurns / triggers);
        }
    }

    /** {@code RoundTrips <jdbc-url> <user> <password> [triggers]}: prints both figures. */
    public static void main(String[] args) throws Exception {
        int triggers = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Result result = cascade(args[0], args[1], args.length > 2 ? args[2] : "", triggers);
        System.out.printf("round trips per cascade trigger on %s: ours %.2f, baseline %.2f (%d triggers each)%n",
                args[0], result.ours(), result.baseline(), triggers);
    }
}

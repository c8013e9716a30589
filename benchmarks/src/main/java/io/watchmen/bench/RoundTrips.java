package io.watchmen.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Round trips per cascade trigger, ours and the hand-written baseline's, counted on the wire by a
 * {@link RoundTripProxy} after both sides warmed up (caches filled, customers inserted, pool connections open):
 * one trigger per unit of work, as the cascade scenario runs them.
 */
final class RoundTrips {

    /** Per-trigger averages of client turns. */
    record Result(double ours, double baseline) {
    }

    /**
     * Triggers per second of both sides, alternating, with every round trip delayed by {@code micros}, and the
     * round trips per trigger each side took meanwhile.
     */
    record Rates(List<Double> ours, List<Double> baseline, Result roundTrips) {
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

    /**
     * Cascade triggers per second of both sides through the proxy with every round trip delayed by {@code micros}
     * (as a database a network hop away would), {@code rounds} alternating rounds of {@code triggers} each.
     */
    static Rates cascadeRates(String jdbcUrl, String user, String password, int triggers, int rounds, long micros)
            throws Exception {
        try (RoundTripProxy proxy = RoundTripProxy.of(jdbcUrl);
             BenchFixture fixture = BenchFixture.open(proxy.proxied(jdbcUrl), user, password, 2)) {
            HandWrittenCascade baseline = new HandWrittenCascade(fixture.meta.dataSource());
            fixture.reset();
            for (int i = 0; i < 200; i++) {
                baseline.trigger("RW-B-" + i, "C-" + (i % 50), BigDecimal.TEN);
            }
            Bench.runOurs(fixture, "RW-O", 200);
            proxy.delayed(micros);
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            long oursTurns = 0;
            long theirTurns = 0;
            for (int round = 0; round < rounds; round++) {
                // A B, then B A, as in every scenario of the harness
                boolean baselineFirst = round % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    long turns = proxy.turns();
                    long start = System.nanoTime();
                    if ((side == 0) == baselineFirst) {
                        for (int i = 0; i < triggers; i++) {
                            baseline.trigger("RR-B-" + round + "-" + i, "C-" + (i % 50), new BigDecimal("10.5"));
                        }
                        theirs.add(triggers / ((System.nanoTime() - start) / 1e9));
                        theirTurns += proxy.turns() - turns;
                    } else {
                        Bench.runOurs(fixture, "RR-O-" + round, triggers);
                        ours.add(triggers / ((System.nanoTime() - start) / 1e9));
                        oursTurns += proxy.turns() - turns;
                    }
                }
            }
            double measured = (double) triggers * rounds;
            return new Rates(ours, theirs, new Result(oursTurns / measured, theirTurns / measured));
        }
    }

    /**
     * {@code RoundTrips <jdbc-url> <user> <password> [triggers] [delay-micros rounds]}: prints the round trips per
     * trigger of both sides; with a delay, also their rates with every round trip that much longer.
     */
    public static void main(String[] args) throws Exception {
        int triggers = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        String password = args.length > 2 ? args[2] : "";
        Result result = cascade(args[0], args[1], password, triggers);
        System.out.printf("round trips per cascade trigger on %s: ours %.2f, baseline %.2f (%d triggers each)%n",
                args[0], result.ours(), result.baseline(), triggers);
        if (args.length > 5) {
            long micros = Long.parseLong(args[4]);
            Rates rates = cascadeRates(args[0], args[1], password, triggers, Integer.parseInt(args[5]), micros);
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rates.ours().size(); i++) {
                ratios.add(rates.ours().get(i) / rates.baseline().get(i));
            }
            System.out.printf("with %d us added per round trip: ours %s/s, baseline %s/s, ratios %s%n", micros,
                    rounded(rates.ours()), rounded(rates.baseline()), rounded(ratios));
        }
    }

    private static List<String> rounded(List<Double> values) {
        List<String> text = new ArrayList<>();
        for (double value : values) {
            text.add(value < 10 ? String.format("%.2f", value) : String.format("%.0f", value));
        }
        return text;
    }
}

package io.watchmen.reliability;

import java.util.List;

/**
 * One row of the harness table: deliveries made (attempts), events lost, rows duplicated, items dead-lettered,
 * values wrong, and what went wrong, in words.
 */
public record CaseResult(String name, long attempts, int lost, int duplicated, long deadLettered, int wrong,
                         List<String> problems) {

    public CaseResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return lost == 0 && duplicated == 0 && wrong == 0 && problems.isEmpty();
    }

    static CaseResult of(String name, Deliverer deliverer, Verifier.Verdict verdict, List<String> problems) {
        List<String> all = new java.util.ArrayList<>(problems);
        all.addAll(verdict.examples());
        return new CaseResult(name, deliverer.attempts(), verdict.lost(), verdict.duplicated(),
                deliverer.deadLettered(), verdict.wrong(), all);
    }
}

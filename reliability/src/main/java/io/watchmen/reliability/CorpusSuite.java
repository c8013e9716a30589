package io.watchmen.reliability;

import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.trigger.DeliveryKey;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus: each case must give one failure record per bad item, with the expected error code and
 * description, write nothing else (good items of the same object excepted), and leave the runtime serving: a good
 * probe object right after it must be done.
 */
public final class CorpusSuite {

    private final StorageObjectHandler handler;
    private final StorageTarget target;
    private final CorpusCase.Limits limits;
    private final String runId;

    public CorpusSuite(StorageObjectHandler handler, StorageTarget target, CorpusCase.Limits limits, String runId) {
        this.handler = handler;
        this.target = target;
        this.limits = limits;
        this.runId = runId;
    }

    public List<CaseResult> runAll() {
        List<CaseResult> results = new ArrayList<>();
        long metaTopics = TableCounts.count(target, "SELECT COUNT(*) FROM topics");
        long metaPats = TableCounts.count(target, "SELECT COUNT(*) FROM pats");
        int n = 0;
        for (CorpusCase corpusCase : CorpusCase.load()) {
            results.add(run(corpusCase, n++));
        }
        List<String> problems = new ArrayList<>();
        if (TableCounts.count(target, "SELECT COUNT(*) FROM topics") != metaTopics
                || TableCounts.count(target, "SELECT COUNT(*) FROM pats") != metaPats) {
            problems.add("the meta tables topics/pats changed during the corpus");
        }
        results.add(new CaseResult("corpus/meta tables intact", 0, 0, 0, 0, 0, problems));
        return results;
    }

    public CaseResult run(CorpusCase corpusCase, int number) {
        byte[] content = corpusCase.content(limits);
        StorageObject object = new StorageObject(new ObjectRef("corpus", "reliability-corpus",
                corpusCase.name() + "/" + corpusCase.file(), runId, content.length), content);
        Map<String, Long> before = TableCounts.of(target);
        ObjectOutcome outcome = handler.handle(object);
        Map<String, Long> after = TableCounts.of(target);
        List<String> problems = new ArrayList<>();
        int lost = 0;
        switch (corpusCase.expect()) {
            case "failure" -> lost += checkFailure(corpusCase, object, outcome, before, after, problems);
            case "pipeline-error" -> checkPipelineError(corpusCase, outcome, before, after, problems);
            case "done" -> lost += checkStored(corpusCase, outcome, before, after, problems);
            default -> problems.add("unknown expectation " + corpusCase.expect());
        }
        lost += probe(number, problems);
        long attempts = 2; // the case and its probe
        long deadLettered = outcome.disposition() == Disposition.DEAD_LETTERED ? 1 : 0;
        return new CaseResult("corpus/" + corpusCase.name(), attempts, lost, 0, deadLettered, 0, problems);
    }

    private int checkFailure(CorpusCase c, StorageObject object, ObjectOutcome outcome, Map<String, Long> before,
                             Map<String, Long> after, List<String> problems) {
        int expectedItems = c.bad().size() + c.good().size();
        if (outcome.items().size() != expectedItems) {
            problems.add(outcome.items().size() + " items, expected " + expectedItems);
            return 0;
        }
        String contentHash = DeliveryKey.contentHashFor(object);
        for (int index : c.bad()) {
            ItemOutcome item = outcome.items().get(index);
            if (item.status() != ItemStatus.ERROR || !c.code().equals(String.valueOf(item.errorCode()))) {
                problems.add("item " + index + " was " + item.status() + " " + item.errorCode() + ", expected ERROR "
                        + c.code() + " (" + item.error() + ")");
            }
            String[] record = TableCounts.failure(target, DeliveryKey.of(object.ref(), contentHash, index).value());
            if (record == null) {
                problems.add("item " + index + " has no failure record");
            } else {
                if (!c.code().equals(record[0])) {
                    problems.add("item " + index + " recorded " + record[0] + ", expected " + c.code());
                }
                if (record[1] == null || !record[1].contains(c.fragment())) {
                    problems.add("item " + index + " recorded [" + record[1] + "], expected it to contain ["
                            + c.fragment() + "]");
                }
                if (record[1] != null && Fixture.TOKENS.stream().anyMatch(record[1]::contains)) {
                    problems.add("item " + index + " recorded a message that quotes a PAT");
                }
                if (!"1".equals(record[2])) {
                    problems.add("item " + index + " recorded " + record[2] + " attempts, expected 1");
                }
            }
        }
        int lost = 0;
        for (int index : c.good()) {
            if (outcome.items().get(index).status() != ItemStatus.DONE) {
                lost++;
                problems.add("good item " + index + " was " + outcome.items().get(index).status() + ": "
                        + outcome.items().get(index).error());
            }
        }
        int good = c.good().size();
        delta(problems, before, after, TableCounts.FAILURES, c.bad().size());
        delta(problems, before, after, TableCounts.LEDGER, good);
        delta(problems, before, after, TableCounts.EVENTS, good);
        delta(problems, before, after, TableCounts.MAPPED, 0);
        delta(problems, before, after, TableCounts.MAPPED_TARGET, 0);
        delta(problems, before, after, TableCounts.B_ONLY, 0);
        long totals = after.get(TableCounts.TOTALS) - before.get(TableCounts.TOTALS);
        if (totals < 0 || totals > (good > 0 ? 1 : 0)) {
            problems.add(TableCounts.TOTALS + " changed by " + totals);
        }
        return lost;
    }

    private void checkPipelineError(CorpusCase c, ObjectOutcome outcome, Map<String, Long> before,
                                    Map<String, Long> after, List<String> problems) {
        ItemOutcome item = outcome.items().get(0);
        if (item.status() != ItemStatus.DONE) {
            problems.add("item was " + item.status() + " " + item.errorCode() + ", expected DONE with a failed"
                    + " pipeline (" + item.error() + ")");
        } else if (item.pipelines().stream().noneMatch(run -> run.status() == MonitorLogStatus.ERROR
                && run.error() != null && run.error().contains(c.fragment()))) {
            problems.add("no failed pipeline run mentions [" + c.fragment() + "]: " + item.pipelines());
        }
        // The trigger row is saved (Watchmen semantics); the pipeline's target gets nothing.
        delta(problems, before, after, TableCounts.MAPPED_TARGET, 0);
        delta(problems, before, after, TableCounts.EVENTS, 0);
        delta(problems, before, after, TableCounts.FAILURES, 0);
    }

    private int checkStored(CorpusCase c, ObjectOutcome outcome, Map<String, Long> before, Map<String, Long> after,
                            List<String> problems) {
        ItemOutcome item = outcome.items().get(0);
        if (item.status() != ItemStatus.DONE) {
            problems.add("item was " + item.status() + " " + item.errorCode() + ": " + item.error());
            return 1;
        }
        delta(problems, before, after, TableCounts.EVENTS, 1);
        delta(problems, before, after, TableCounts.FAILURES, 0);
        long stored = TableCounts.count(target, "SELECT COUNT(*) FROM "
                + TableCounts.table(target, TableCounts.EVENTS) + " WHERE " + target.dialect().quote("eventno")
                + " = ? AND " + target.dialect().quote("note") + " = ?", c.row().get("eventNo"), c.row().get("note"));
        if (stored < 1) {
            problems.add("no row stores the value literally: " + c.row());
            return 1;
        }
        return 0;
    }

    /** A good object right after the case: the runtime must still serve. */
    private int probe(int number, List<String> problems) {
        String eventNo = "probe-" + runId + "-" + number;
        byte[] content = Events.json(Map.of("code", Fixture.EVENT_TOPIC, "pat", Fixture.PAT_ADMIN_A, "data",
                Map.of("eventNo", eventNo, "accountCode", "probe-acct", "amount", 1)));
        ObjectOutcome outcome = handler.handle(new StorageObject(new ObjectRef("corpus", "reliability-corpus",
                "probe/" + eventNo, runId, content.length), content));
        long rows = TableCounts.count(target, "SELECT COUNT(*) FROM " + TableCounts.table(target, TableCounts.EVENTS)
                + " WHERE " + target.dialect().quote("eventno") + " = ?", eventNo);
        if (!outcome.succeeded() || rows != 1) {
            problems.add("the next object was not served: " + Deliverer.firstError(outcome) + ", rows=" + rows);
            return 1;
        }
        return 0;
    }

    private static void delta(List<String> problems, Map<String, Long> before, Map<String, Long> after,
                              String table, long expected) {
        long actual = after.get(table) - before.get(table);
        if (actual != expected) {
            problems.add(table + " changed by " + actual + ", expected " + expected);
        }
    }
}

package io.watchmen.core.trigger;

import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ledger's contract in memory, for tests of the delivery path (writes through {@link FakeUnitOfWork}). */
final class InMemoryDeliveryLedger implements DeliveryLedger {

    private final int maxAttempts;
    final Map<String, Claim> done = new LinkedHashMap<>();
    final Map<String, DeadLetter> failures = new LinkedHashMap<>();
    boolean failToRecord;

    InMemoryDeliveryLedger(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public synchronized Claim claim(UnitOfWork work, DeliveryKey key, String traceId) {
        Claim claim = done.get(key.value());
        if (claim != null) {
            return claim;
        }
        ((FakeUnitOfWork) work).onCommit(() -> {
            synchronized (this) {
                done.put(key.value(), Claim.alreadyDone(traceId, null));
            }
        });
        return Claim.granted();
    }

    /** One database in memory: the ledger row is the only mark. */
    @Override
    public Optional<String> markDone(UnitOfWork work, DeliveryKey key, String traceId, List<StorageTarget> touched) {
        return Optional.empty();
    }

    @Override
    public EarlierAttempt earlierAttempt(DeliveryKey key, List<StorageTarget> touched) {
        throw new IllegalStateException("no marks in memory");
    }

    @Override
    public synchronized java.util.Optional<Claim> doneRecord(DeliveryKey key) {
        Claim claim = done.get(key.value());
        return claim == null ? java.util.Optional.empty()
                : java.util.Optional.of(Claim.alreadyDone(claim.traceId(), claim.dataId()));
    }

    @Override
    public synchronized Set<String> doneAmong(UnitOfWork work, List<DeliveryKey> keys) {
        Set<String> found = new HashSet<>();
        for (DeliveryKey key : keys) {
            if (done.containsKey(key.value())) {
                found.add(key.value());
            }
        }
        return found;
    }

    @Override
    public synchronized FailureRecord recordFailure(Failure failure) {
        if (failToRecord) {
            throw new IllegalStateException("ledger database down");
        }
        DeadLetter previous = failures.get(failure.key().value());
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        boolean dead = Dispositions.deadLetter(failure.code(), attempts, maxAttempts);
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        failures.put(failure.key().value(), new DeadLetter(failure.key(), failure.traceId(), failure.code(),
                failure.message(), attempts, previous == null ? now : previous.firstFailedAt(), now, dead,
                failure.rawContent()));
        return new FailureRecord(attempts, dead);
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(int limit) {
        return failures.values().stream().filter(DeadLetter::deadLettered)
                .filter(letter -> !done.containsKey(letter.deliveryKey())).limit(limit).toList();
    }

    @Override
    public synchronized Optional<DeadLetter> failure(String deliveryKey) {
        return done.containsKey(deliveryKey) ? Optional.empty() : Optional.ofNullable(failures.get(deliveryKey));
    }

    @Override
    public synchronized boolean discard(String deliveryKey) {
        return failures.remove(deliveryKey) != null;
    }

    synchronized List<DeadLetter> allFailures() {
        return new ArrayList<>(failures.values());
    }
}

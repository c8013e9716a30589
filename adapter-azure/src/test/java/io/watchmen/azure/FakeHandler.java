package io.watchmen.azure;

import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what it was given and answers with a fixed disposition. */
final class FakeHandler implements StorageObjectHandler {

    final List<StorageObject> handled = new CopyOnWriteArrayList<>();
    private final Disposition disposition;
    private final ItemStatus status;

    FakeHandler(Disposition disposition, ItemStatus status) {
        this.disposition = disposition;
        this.status = status;
    }

    @Override
    public ObjectOutcome handle(StorageObject object) {
        handled.add(object);
        return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, status, "42", null, null, null,
                List.of())), disposition);
    }
}

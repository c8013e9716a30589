package io.watchmen.aliyun;

import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import io.watchmen.core.trigger.function.FunctionLifecycle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Records objects and lifecycle calls; answers with the disposition the test chooses per object. */
final class FakeHandler implements StorageObjectHandler, FunctionLifecycle {

    final List<StorageObject> handled = new CopyOnWriteArrayList<>();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();
    private final Function<StorageObject, Disposition> dispositions;

    FakeHandler(Function<StorageObject, Disposition> dispositions) {
        this.dispositions = dispositions;
    }

    @Override
    public ObjectOutcome handle(StorageObject object) {
        handled.add(object);
        Disposition disposition = dispositions.apply(object);
        ItemStatus status = disposition == Disposition.SUCCEEDED ? ItemStatus.DONE : ItemStatus.ERROR;
        return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, status, "77", 1L, null, null, List.of())),
                disposition);
    }

    @Override public void prime() { lifecycle.add("prime"); }
    @Override public void close() { lifecycle.add("close"); }
}

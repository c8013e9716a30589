package io.watchmen.cli;

import io.watchmen.core.trigger.CoreRuntime;

/** This project's own tables (delivery ledger, failed deliveries): the runtime creates them when absent. */
final class ProjectTables {

    private ProjectTables() {
    }

    static void createIfAbsent(CoreRuntime runtime) {
        // prime() opens the meta database once and creates the wmx_ tables when absent
        runtime.prime();
    }
}

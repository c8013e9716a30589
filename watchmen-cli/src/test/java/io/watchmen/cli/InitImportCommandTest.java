package io.watchmen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ./watchmen init and import: meta tables when absent, Watchmen-shaped JSON in, topic tables created. */
class InitImportCommandTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void init_onAnEmptyDatabase_createsTheMetaTables_andTwiceChangesNothing(TestDatabase database) throws Exception {
        try (TestDb db = database.create("cliinit")) {
            Cli.Result first = Cli.run(Cli.args(new String[] {"init"}, Cli.db(db)));
            Cli.Result second = Cli.run(Cli.args(new String[] {"init"}, Cli.db(db)));

            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(tableExists(db, "tenants")).isTrue();
            assertThat(tableExists(db, "pipelines")).isTrue();
            assertThat(tableExists(db, "snowflake_competitive_workers")).isTrue();
            assertThat(tableExists(db, "wmx_delivery_ledger")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void import_ofABundleFile_loadsEverything_createsTopicTables_andItsPatRunsPipelines(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("cliimport")) {
            Cli.Result imported = Cli.run(Cli.args(new String[] {"import"},
                    Cli.args(Cli.db(db), Cli.resource(InitImportCommandTest.class, "bundle.json").toString())));

            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(imported.out()).contains("Imported 1 tenants, 1 users, 1 PATs, 0 data sources, "
                    + "0 external writers, 3 topics, 1 pipelines; created 3 topic tables.");
            assertThat(tableExists(db, "topic_raw_event")).isTrue();
            assertThat(tableExists(db, "topic_event_fact")).isTrue();

            Cli.Result run = Cli.run(Cli.args(new String[] {"run"},
                    Cli.args(Cli.db(db), Cli.resource(InitImportCommandTest.class, "event.json").toString())));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("\"status\":\"done\"");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void import_ofOneEntityPerFile_inAFolder_loadsEverything(TestDatabase database) throws Exception {
        try (TestDb db = database.create("cliimportdir")) {
            Cli.Result imported = Cli.run(Cli.args(new String[] {"import"},
                    Cli.args(Cli.db(db), Cli.resource(InitImportCommandTest.class, "entities").toString())));

            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(imported.out()).contains("1 tenants, 1 users, 1 PATs", "3 topics, 1 pipelines");

            Cli.Result again = Cli.run(Cli.args(new String[] {"import"},
                    Cli.args(Cli.db(db), Cli.resource(InitImportCommandTest.class, "entities").toString())));
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("created 0 topic tables");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void import_ofAMalformedFile_namesTheFile_andWritesNothing_exit1(TestDatabase database) throws Exception {
        try (TestDb db = database.create("cliimportbad")) {
            Cli.Result result = Cli.run(Cli.args(new String[] {"import"},
                    Cli.args(Cli.db(db), Cli.resource(InitImportCommandTest.class, "malformed.json").toString())));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("DEFINITION_INVALID", "malformed.json", "\"topics\" must be an array");
            assertThat(tableExists(db, "tenants")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void import_ofTheSamples_makesTheDemoDomainAvailable(TestDatabase database) throws Exception {
        try (TestDb db = database.create("cliimportsamples")) {
            Cli.Result result = Cli.run(Cli.args(new String[] {"import"}, Cli.args(Cli.db(db), "--samples")));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(tableExists(db, "topic_customer_summary")).isTrue();
        }
    }

    private static boolean tableExists(TestDb db, String table) throws Exception {
        try (Connection connection = db.connection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%",
                     new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT).equals(table)) {
                    return true;
                }
            }
            return false;
        }
    }
}

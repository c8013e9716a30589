package io.watchmen.cli;

import picocli.CommandLine.Option;

/** The meta database a command works on: {@code --db}, {@code --db-user}, {@code --db-password}. */
final class DatabaseOptions {

    @Option(names = "--db", required = true, paramLabel = "<jdbc-url>",
            description = "JDBC URL of the Watchmen meta database: jdbc:mysql:, jdbc:mariadb:, jdbc:postgresql: "
                    + "or jdbc:h2:.")
    String url;

    @Option(names = "--db-user", paramLabel = "<user>",
            description = "Database user (default: META_STORAGE_USER_NAME, else watchmen).")
    String user;

    @Option(names = "--db-password", paramLabel = "<password>", arity = "0..1", interactive = true,
            description = "Database password; give the option without a value to be asked for it "
                    + "(default: META_STORAGE_PASSWORD).")
    String password;
}

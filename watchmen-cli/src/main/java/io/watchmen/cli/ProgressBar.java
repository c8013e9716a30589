package io.watchmen.cli;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place; silent when disabled. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private int done;

    ProgressBar(PrintWriter err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    /** Whether stderr is a terminal: the launcher says so ({@code -Dwatchmen.stderr.tty}), else a console exists. */
    static boolean stderrIsTerminal() {
        String flag = System.getProperty("watchmen.stderr.tty");
        return flag != null ? Boolean.parseBoolean(flag) : System.console() != null;
    }

    /** Wipes the bar before a result line, so that stdout and stderr on one terminal do not mix on one line. */
    void clear() {
        if (enabled && done > 0 && done < total) {
            err.print("\r" + " ".repeat(WIDTH + 4 + 2 * String.valueOf(total).length() + 1) + "\r");
            err.flush();
        }
    }

    void step() {
        done++;
        if (!enabled) {
            return;
        }
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}

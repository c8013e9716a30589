package io.watchmen.bench;

/** The cold-start reference: the same JVM printing one line. */
public final class HelloMain {

    private HelloMain() {
    }

    public static void main(String[] args) {
        System.out.println("done hello world");
    }
}

package org.saraban.signing.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With the system property {@code saraban.bench.out} (a file), what a benchmark prints also goes to that file,
 * for the benchmark report of the web-ui module to read; the console's stream comes back on close.
 */
final class BenchOut implements AutoCloseable {

    private final PrintStream console;
    private final OutputStream file;

    private BenchOut(PrintStream console, OutputStream file) {
        this.console = console;
        this.file = file;
    }

    static BenchOut open() throws IOException {
        PrintStream console = System.out;
        String to = System.getProperty("saraban.bench.out");
        if (to == null || to.isBlank()) {
            return new BenchOut(console, null);
        }
        Path path = Path.of(to);
        Files.createDirectories(path.toAbsolutePath().getParent());
        OutputStream file = new FileOutputStream(path.toFile());
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                console.write(b);
                file.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                console.write(b, off, len);
                file.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                console.flush();
                file.flush();
            }
        };
        System.setOut(new PrintStream(both, true, StandardCharsets.UTF_8));
        return new BenchOut(console, file);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            System.out.flush();
            System.setOut(console);
            file.close();
        }
    }
}

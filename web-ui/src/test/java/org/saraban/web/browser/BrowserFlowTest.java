package org.saraban.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The browser tests: the app on a random port (in-memory embedded store, demo directory), and the
 * Playwright tests of {@code src/main/frontend/e2e} driving Debian's chromium against it, as the clerks
 * of two agencies would. They write the screenshots in {@code docs/screenshots}.
 *
 * <p>The server's clock starts at a fixed Monday morning and then runs, and the browsers' clocks are
 * set to the same instant, so the screenshots show the same dates on every run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"saraban.embedded.in-memory=true", "saraban.demo=true"})
class BrowserFlowTest {

    /**
     * Monday 16 November 2026, 09:30 in Bangkok: the date the screenshots show. Every signature, certificate
     * and timestamp the server makes takes its time from this clock (the in-process TSA included), so the
     * date may lie either side of the machine's real one.
     */
    static final Instant START = Instant.parse("2026-11-16T02:30:00Z");

    @TestConfiguration
    static class StartOfTheDay {
        @Bean
        @Primary
        Clock browserTestClock() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
        }
    }

    @LocalServerPort
    int port;

    @Test
    void clerks_of_two_agencies_carry_a_letter_through_its_whole_life_in_the_browser() throws Exception {
        Path frontend = Path.of("src/main/frontend").toAbsolutePath();
        Path screenshots = frontend.resolve("../../../../docs/screenshots").normalize();
        Path log = Path.of("target/browser-tests.log").toAbsolutePath();
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "e2e")
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        npm.environment().put("SARABAN_URL", "http://localhost:" + port);
        npm.environment().put("SARABAN_NOW", START.toString());
        npm.environment().put("SARABAN_SCREENSHOTS", screenshots.toString());
        npm.environment().putIfAbsent("SARABAN_CHROMIUM", "/usr/bin/chromium");
        npm.environment().put("NO_COLOR", "1");

        Process run = npm.start();
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        String output = tail(log);
        System.out.println(output);
        assertThat(finished).as("browser tests finished within 10 minutes").isTrue();
        assertThat(run.exitValue()).as("browser tests (output in %s):%n%s", log, output).isZero();
        assertThat(screenshots.resolve("01-inbox.png")).exists();
        assertThat(screenshots.resolve("03-compose-refused.png")).exists();
    }

    private static String tail(Path log) throws IOException {
        String all = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return all.length() > 20_000 ? all.substring(all.length() - 20_000) : all;
    }
}

package org.saraban.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;

/**
 * Saraban: one runnable app. {@code org.saraban} is scanned so that Axon finds the aggregates of the
 * command side; every other bean is wired explicitly in {@code org.saraban.web.config}.
 */
@SpringBootApplication(scanBasePackages = "org.saraban", exclude = MongoAutoConfiguration.class)
public class SarabanApplication {

    static {
        // Axon's update checker calls out to the internet at start-up; these machines have none (DESIGN.md §2).
        // It reads only a JVM property or the environment, not Spring's configuration.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(SarabanApplication.class, args);
    }
}

package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.fuzz.BystanderView;
import dev.missive.fuzz.Fixtures;
import dev.missive.fuzz.FuzzReport;
import dev.missive.fuzz.FuzzRun;
import dev.missive.fuzz.ServerHealth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A thousand valid requests mutated at random from a fixed seed (the benchmark module's fuzzer,
 * which {@code benchmark/fuzz.sh} runs ten thousand at a time): none may be answered with a 5xx,
 * none with a body that shows the server's insides or a bystander's secret, no refused token may
 * be taken; Ben and Chloe, whom no fuzzed caller may reach, see exactly what they saw before; and
 * the server is healthy after. {@code -Dmissive.fuzz.seed=S} runs another seed,
 * {@code -Dmissive.fuzz.requests=N} another number; a failure prints the seed and each failed
 * request with its answer.
 */
class FuzzIT extends MissiveIT {

    private static final long SEED = Long.getLong("missive.fuzz.seed", 16);
    private static final int REQUESTS = Integer.getInteger("missive.fuzz.requests", 1000);

    @Test
    void mutatedRequestsNeitherFailTheServerNorReachABystander() {
        String keycloak = System.getProperty("missive.it.keycloak");
        Fixtures fixtures = Fixtures.create(Fhir.base(), keycloak, SEED);
        Map<String, String> before = BystanderView.capture(fixtures);

        FuzzReport report = FuzzRun.run(fixtures, Fhir.base(), SEED, 0, REQUESTS, progress -> {});

        System.out.println("FuzzIT " + report.summary());
        assertTrue(
                report.failures().isEmpty(),
                () -> report.failures().size() + " of " + REQUESTS + " fuzzed requests failed (seed " + SEED
                        + "; each one again: benchmark/fuzz.sh --seed " + SEED + " --only N)\n"
                        + report.failuresText(10));
        Map<String, String> after = BystanderView.capture(fixtures);
        assertEquals(
                before,
                after,
                () -> "a bystander's view changed (seed " + SEED + "):\n" + BystanderView.difference(before, after));
        String health = "http://localhost:" + System.getProperty("missive.it.management.port") + "/health";
        List<String> unhealthy = ServerHealth.problems(fixtures, health);
        assertTrue(unhealthy.isEmpty(), () -> "after the run (seed " + SEED + "): " + unhealthy);
    }
}

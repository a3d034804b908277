package dev.missive.fuzz;

import java.util.ArrayList;
import java.util.List;

/** After a run: the server says it is healthy and still answers a normal read. */
public final class ServerHealth {

    private ServerHealth() {}

    /** What is wrong, or an empty list. {@code healthUrl} may be null (not checked). */
    public static List<String> problems(Fixtures fixtures, String healthUrl) {
        List<String> problems = new ArrayList<>();
        if (healthUrl != null) {
            FuzzResponse health = new RawHttp(healthUrl, 30_000)
                    .send(new Draft("health", Fixtures.ALICE, "GET", healthUrl).build(-1, null));
            // WildFly's own health ({"outcome": true}) or MicroProfile Health ({"status": "UP"})
            boolean up = health.body().contains("UP") || health.body().matches("(?s).*\"outcome\"\\s*:\\s*true.*");
            if (health.status() != 200 || !up || health.body().matches("(?s).*\"outcome\"\\s*:\\s*false.*")) {
                problems.add("health " + healthUrl + ":\n" + health.describe());
            }
        }
        FuzzResponse read = fixtures.call(Fixtures.ALICE, "GET", "Communication/" + fixtures.aliceThread(), null);
        if (read.status() != 200) {
            problems.add("Alice's read of her thread:\n" + read.describe());
        }
        return problems;
    }
}

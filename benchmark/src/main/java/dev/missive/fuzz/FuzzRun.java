package dev.missive.fuzz;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/** Sends requests {@code from} to {@code from + count - 1} of a seed one after the other and checks each answer. */
public final class FuzzRun {

    private FuzzRun() {}

    public static FuzzReport run(
            Fixtures fixtures, String fhirBase, long seed, int from, int count, Consumer<String> progress) {
        Fuzzer fuzzer = new Fuzzer(fixtures, seed);
        Oracle oracle =
                new Oracle(fixtures.secret, URI.create(fhirBase).getRawPath().replaceAll("/$", ""));
        RawHttp http = new RawHttp(fhirBase, 30_000);
        FuzzReport report = new FuzzReport(seed);
        long start = System.currentTimeMillis();
        for (int i = from; i < from + count; i++) {
            FuzzRequest request = fuzzer.request(i);
            FuzzResponse response = http.send(request);
            List<String> problems = oracle.problems(request, response);
            report.add(request, response, problems, oracle.note(request, response));
            if (problems.isEmpty() && response.body().contains(fixtures.secret)) {
                report.secretShown++;
            }
            if (count == 1) { // one request sent again: show it whole
                progress.accept(request.describe() + response.describe());
            }
            if ((i - from + 1) % 1000 == 0) {
                progress.accept((i - from + 1) + " requests, " + report.failures.size() + " failed");
            }
        }
        report.millis = System.currentTimeMillis() - start;
        return report;
    }
}

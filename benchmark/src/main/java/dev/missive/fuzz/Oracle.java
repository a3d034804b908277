package dev.missive.fuzz;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer must be, whatever was sent: an answer, not a 5xx; nothing in its body that
 * names the server's insides (stack traces, exception and package names, SQL, file paths, the
 * server software, the machine); no request with a refused token answered as if it were taken;
 * and no bystander's secret shown to a fuzzed person or to a refused token. A pattern that the
 * request itself contains is not held against the answer (an answer may quote what it was sent).
 */
final class Oracle {

    private static final Set<String> PUBLIC_PATHS = Set.of(
            "metadata",
            ".well-known",
            "CodeSystem",
            "ValueSet",
            "StructureDefinition",
            "SearchParameter",
            "OperationDefinition");
    private static final Set<String> PUBLIC_TYPES = Set.of(
            "CapabilityStatement",
            "CodeSystem",
            "ValueSet",
            "StructureDefinition",
            "SearchParameter",
            "OperationDefinition",
            "Bundle",
            "OperationOutcome");
    private static final Pattern JSON_TYPE = Pattern.compile("\"resourceType\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern XML_TYPE = Pattern.compile("<(\\w+) xmlns=\"http://hl7.org/fhir\"");

    private final Map<String, Pattern> leaks = new LinkedHashMap<>();
    private final String secret;
    private final String basePath;

    Oracle(String secret, String basePath) {
        this.secret = secret;
        this.basePath = basePath;
        leaks.put(
                "a stack trace", Pattern.compile("\\tat |(?m)^\\s*at [\\w$.]+\\(|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("));
        leaks.put(
                "an exception's name",
                Pattern.compile(
                        "Exception|Throwable|StackOverflowError|OutOfMemoryError|NoClassDefFoundError|AssertionError"));
        leaks.put("a Java package", Pattern.compile("\\b(java|javax|jakarta|sun|jdk|com\\.sun)\\.[a-z]\\w*\\."));
        leaks.put(
                "a library's package",
                Pattern.compile(
                        "\\b(org\\.(hibernate|jboss|wildfly|postgresql|h2|hl7\\.fhir|apache|keycloak|eclipse|glassfish)"
                                + "|io\\.(undertow|smallrye|quarkus|netty)|com\\.fasterxml|ca\\.uhn\\.fhir|dev\\.missive)\\b"));
        leaks.put(
                "SQL",
                Pattern.compile("(?i)\\bselect\\s+(\\*|distinct\\b|count\\s*\\(|[a-z]\\w*\\d_\\d*\\.)"
                        + "|(?i)\\b(from|join|update)\\s+\\w+\\s+[a-z]\\w*\\d_\\d*\\b|(?i)\\binsert\\s+into\\b|(?i)\\bdelete\\s+from\\b"
                        + "|SQLState|SQLSTATE|\\bJDBC\\b|jdbc:|[Cc]onstraint \\[|violates \\w+( key)? constraint"
                        + "|Unique index or primary key violation|duplicate key value|\\bORA-\\d"));
        leaks.put(
                "a file path",
                Pattern.compile(
                        "/work/|/root/|/home/|/tmp/|/opt/|/usr/(lib|share)/|/var/|standalone/(data|log|configuration|deployments)"
                                + "|it-stack|\\.java:\\d+|\\.jar\\b|root:x:0:0|\\bfile:/"));
        leaks.put(
                "the server's software",
                Pattern.compile("\\b(WildFly|Undertow|JBoss|jboss|Hibernate|Artemis|Elytron|RESTEasy|Weld)\\b"
                        + "|\\b(WFLY\\w*|UT|ELY|HHH|AMQ|WELD-)\\d{4,6}\\b"));
        hostName().ifPresent(host -> leaks.put("the machine's name", Pattern.compile(Pattern.quote(host))));
    }

    private static java.util.Optional<String> hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() >= 4 && !host.toLowerCase(Locale.ROOT).startsWith("localhost")
                    ? java.util.Optional.of(host)
                    : java.util.Optional.empty();
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    /** What is wrong with this answer to this request; empty when nothing is. */
    List<String> problems(FuzzRequest request, FuzzResponse response) {
        List<String> problems = new ArrayList<>();
        if (response.status() < 0) {
            if (!mayGoUnanswered(request)) {
                problems.add("no answer: " + response.failure());
            }
            return problems;
        }
        if (response.status() >= 500) {
            problems.add("HTTP " + response.status());
        }
        String sent = request.text();
        String body = response.body();
        for (Map.Entry<String, Pattern> leak : leaks.entrySet()) {
            Matcher found = leak.getValue().matcher(body);
            if (found.find() && !leak.getValue().matcher(sent).find()) {
                problems.add("the body shows " + leak.getKey() + ": …" + excerpt(body, found.start()) + "…");
            }
        }
        boolean privileged = request.token().genuine() && Fixtures.PRIVILEGED.contains(request.caller());
        if (!privileged && body.contains(secret)) {
            problems.add("a bystander's secret was shown to " + whom(request));
        }
        if (!request.token().genuine()) {
            int status = response.status();
            if (status / 100 == 2 && !isPublic(request, body)) {
                problems.add(
                        "a request with a " + request.token().name().toLowerCase() + " token was answered " + status);
            } else if (status == 409 || status == 412 || status == 422) {
                // (403 is also the container's answer to a path that climbs out of the application)
                problems.add("a request with a " + request.token().name().toLowerCase()
                        + " token reached Missive's rules (" + status + ")");
            }
        }
        return problems;
    }

    /**
     * A request a server may close the connection on, unread: a body the method does not take (a
     * GET with 100 KB, or chunked), more headers than a server keeps, or one too long. The answer it did send
     * can then be lost to the reset, so none is not held against it (it is counted as a note).
     */
    private static boolean mayGoUnanswered(FuzzRequest request) {
        boolean bodyUnread = request.body() != null
                && request.body().length > 0
                && !List.of("POST", "PUT", "PATCH").contains(request.method());
        boolean chunkedUnread = !List.of("POST", "PUT", "PATCH").contains(request.method())
                && request.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Transfer-Encoding"));
        boolean headersBeyondLimits = request.headers().size() > 100
                || request.headers().stream().anyMatch(h -> h.value().length() > 16_000);
        return bodyUnread || chunkedUnread || headersBeyondLimits;
    }

    /** Something worth counting that is not a failure: an error answered without an OperationOutcome. */
    String note(FuzzRequest request, FuzzResponse response) {
        if (response.status() < 0) {
            return "no answer (" + request.method() + (request.body() == null ? "" : " with a body") + ", "
                    + request.headers().size() + " headers)";
        }
        if (response.status() >= 400
                && !request.method().equals("HEAD")
                && !response.body().contains("OperationOutcome")) {
            return response.status() + " " + response.header("Content-Type").orElse("(no Content-Type)")
                    + (response.body().isEmpty() ? " (empty)" : "");
        }
        return null;
    }

    private static String whom(FuzzRequest request) {
        return request.token().genuine()
                ? request.caller()
                : "a request with a " + request.token().name().toLowerCase() + " token";
    }

    /**
     * A read answered with public documents only: conformance resources (or an OperationOutcome),
     * or the SMART configuration. With no body (HEAD) the path must plainly name one.
     */
    private boolean isPublic(FuzzRequest request, String body) {
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        if (!read) {
            return false;
        }
        if (body.isBlank()) {
            return isPlainlyPublic(request);
        }
        List<String> types = new ArrayList<>();
        for (Pattern type : List.of(JSON_TYPE, XML_TYPE)) {
            Matcher found = type.matcher(body);
            while (found.find()) {
                types.add(found.group(1));
            }
        }
        if (types.isEmpty()) {
            return body.contains("\"token_endpoint\"") && body.contains("\"authorization_endpoint\"");
        }
        return PUBLIC_TYPES.containsAll(types);
    }

    /** A plain read of a conformance document's path. */
    private boolean isPlainlyPublic(FuzzRequest request) {
        String path = new RawHttp("http://localhost" + basePath, 1).pathOf(request.target());
        if (!path.startsWith(basePath + "/")) {
            return false;
        }
        String rest = path.substring(basePath.length() + 1);
        String first = rest.split("[/?]", 2)[0];
        boolean plain = !rest.contains("..")
                && !rest.contains(";")
                && !rest.toLowerCase(Locale.ROOT).contains("%2e")
                && !rest.contains("\\");
        return plain && PUBLIC_PATHS.contains(first);
    }

    private static String excerpt(String body, int at) {
        return Text.clip(body.substring(Math.max(0, at - 60), Math.min(body.length(), at + 100)), 200);
    }
}

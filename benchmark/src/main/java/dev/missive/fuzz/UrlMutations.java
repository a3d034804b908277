package dev.missive.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutations of the request's URL: the id swapped for someone else's or one that is not an id,
 * escapes that do not decode, traversal towards a public path, unknown parameters and modifiers,
 * page sizes and offsets out of range, includes of other types, formats nobody serves.
 */
final class UrlMutations {

    private static final String[] ESCAPES = {
        "%",
        "%zz",
        "%00",
        "%2F",
        "%2e%2e%2f",
        "%C0%AF",
        "%E2%82",
        "%FF",
        "%uFFFF",
        "+",
        "#frag",
        "?",
        "\\",
        "..",
        ";jsessionid=x",
        "//",
        "é\uD83D\uDE00",
        "%0d%0aX-Injected:%201",
        "%252e",
        "'",
        "\"",
        "<",
        "|",
        "`",
        "{",
        "^"
    };
    private static final String[][] UNKNOWN_PARAMETERS = {
        {"foo", "bar"},
        {"_foo", "1"},
        {"_sort", "-date"},
        {"_total", "accurate"},
        {"_has:Communication:part-of:status", "completed"},
        {"_revinclude", "*"},
        {"_tag", "x"},
        {"_id", "ben"},
        {"_lastUpdated", "gt2020-01-01"},
        {"_text", "x"},
        {"_list", "x"},
        {"_security", "R"},
        {"_profile", "x"},
        {"_query", "x"},
        {"_filter", "status%20eq%20completed"},
        {"_since", "2020-01-01"},
        {"_contained", "true"},
        {"recipient", "Practitioner/drlee"},
        {"sender", "Patient/ben"},
        {"patient", "Patient/ben"},
        {"subject", "Patient/ben"},
        {"subject:Patient.name", "Ben"},
        {"part-of:Communication.subject", "Patient/ben"},
        {"_getpages", "00000000-0000-0000-0000-000000000000"},
        {"_getpagesoffset", "-1"},
        {"_bundletype", "batch"},
        {"_pageId", "x"},
        {"_elements", "id,payload,foo"},
        {"_elements:exclude", "id"},
        {"_narrative", "x"},
        {"_outputFormat", "application/fhir%2Bxml"},
        {"_type", "Patient"},
        {"_since", "9999-99-99"},
        {"category", "%7C"},
        {"status", "entered-in-error"},
        {"status:not", "preparation"}
    };
    private static final String[] MODIFIERS = {
        ":missing",
        ":exact",
        ":contains",
        ":not",
        ":text",
        ":above",
        ":below",
        ":in",
        ":not-in",
        ":of-type",
        ":identifier",
        ":Patient",
        ":Communication",
        ":iterate",
        ":foo",
        ":",
        ":missing:missing",
        ":text-advanced"
    };
    private static final String[] VALUES = {
        "",
        "-1",
        "0",
        "2147483648",
        "99999999999999999999",
        "1e9",
        "abc",
        "true",
        "ge2020-01-01",
        "gt",
        "%00",
        "*",
        "Patient/ben",
        "system%7C",
        "%7C",
        "%7C%7C",
        "a%7Cb%7Cc",
        "Practitioner/drlee/_history/1",
        "http://evil.example/Patient/ben",
        "ben",
        "Patient/",
        "Communication/",
        "null",
        "%E2%80%AE",
        "%F0%9F%98%80",
        "a,b,c,d",
        "gt2020-02-30",
        "ap2020",
        "sa",
        "eb1",
        "9999-12-31T23:59:60Z"
    };
    private static final String[] COUNTS = {
        "0", "-1", "1", "100", "101", "2147483647", "2147483648", "9999999999", "1.5", "abc", "", "1e3", "+5", "%20"
    };
    private static final String[] INCLUDES = {
        "Communication:sender",
        "Communication:recipient",
        "Communication:subject",
        "Communication:sender:Patient",
        "Communication:sender:RelatedPerson",
        "Communication:part-of",
        "Communication:about",
        "*",
        "Patient:link",
        "Communication:sender:Foo",
        ":",
        "Communication"
    };
    private static final String[] TYPES = {
        "Observation",
        "communication",
        "COMMUNICATION",
        "Binary",
        "metadata",
        "Patient",
        "AuditEvent",
        "Organization",
        "Bundle",
        "_history",
        "$export",
        "Communication",
        "Consent",
        "OperationDefinition"
    };
    private static final String[] OPERATIONS = {
        "$CLOSE",
        "$close-all",
        "$",
        "$everything",
        "$validate",
        "$meta",
        "$meta-add",
        "$export",
        "$process-message",
        "$graphql",
        "$expunge",
        "$diff",
        "$mark-read",
        "$merge",
        "$export-messages",
        "$message-recipients"
    };
    private static final String[] PREFIXES = {
        "../",
        "metadata/../",
        "CodeSystem/..;/",
        "CodeSystem/%2e%2e/",
        "./",
        "CodeSystem;x=y/../",
        "CodeSystem/../",
        ".well-known/smart-configuration/../../",
        "OperationDefinition/..%2F",
        "%2e/",
        "CodeSystem%2F..%2F",
        "/"
    };
    private static final String[] SUFFIXES = {
        "/_history",
        "/_history/1",
        "/$bogus",
        "/$close",
        "/x/y/z",
        "/",
        "//",
        "/.",
        "/..",
        "/_search",
        ";x=y",
        "/_history/abc",
        "/%2e%2e",
        "/*"
    };

    private UrlMutations() {}

    static void mutate(Draft draft, Random r, Pools pools) {
        boolean absolute = draft.path.startsWith("http");
        int kind = r.nextInt(absolute ? 7 : 12);
        String what;
        switch (kind) {
            case 0 -> what = unknownParameter(draft, r);
            case 1 -> what = modifier(draft, r);
            case 2 -> what = value(draft, r, pools);
            case 3 -> {
                String count = Pick.one(r, COUNTS);
                draft.query.removeIf(p -> p[0].equals("_count"));
                draft.param("_count", count);
                what = "_count=" + count;
            }
            case 4 -> {
                if (draft.query.isEmpty()) {
                    what = unknownParameter(draft, r);
                } else {
                    String[] pair = Pick.one(r, draft.query);
                    draft.param(pair[0], r.nextBoolean() ? pair[1] : Pick.one(r, VALUES));
                    what = "twice " + pair[0];
                }
            }
            case 5 -> {
                String which = Pick.one(r, "_include", "_include", "_revinclude", "_include:iterate");
                String include = Pick.one(r, INCLUDES);
                draft.param(which, include);
                what = which + "=" + include;
            }
            case 6 -> {
                String[] pair = Pick.one(
                        r,
                        new String[] {
                            "_format",
                            Pick.one(r, "xml", "json", "html", "text/html", "application/fhir%2Bxml", "ttl", "foo", "")
                        },
                        new String[] {"_summary", Pick.one(r, "true", "false", "count", "data", "text", "bogus", "")},
                        new String[] {"_elements", Pick.one(r, "id", "foo", "payload,sender", "", "*")},
                        new String[] {"_pretty", Pick.one(r, "true", "maybe")});
                draft.param(pair[0], pair[1]);
                what = pair[0] + "=" + pair[1];
            }
            case 7 -> what = replaceId(draft, r, pools);
            case 8 -> {
                String escape = Pick.one(r, ESCAPES);
                int at = r.nextInt(draft.path.length() + 1);
                draft.path = draft.path.substring(0, at) + escape + draft.path.substring(at);
                what = "escape " + Text.clip(escape, 20) + " at " + at;
            }
            case 9 -> what = pathShape(draft, r);
            case 10 -> {
                String segment = Pick.one(r, "Communication/", "a/", "%2e%2e/", "x");
                draft.path = draft.path + "/" + segment.repeat(Pick.one(r, 2_000, 6_000, 20_000) / segment.length());
                what = "long path";
            }
            default -> {
                String prefix = Pick.one(r, PREFIXES);
                draft.path = prefix + draft.path;
                what = "prefix " + prefix;
            }
        }
        draft.mutations.add("url: " + Text.clip(what, 80));
    }

    private static String unknownParameter(Draft draft, Random r) {
        String[] pair = Pick.one(r, UNKNOWN_PARAMETERS);
        draft.param(pair[0], pair[1]);
        return pair[0] + "=" + pair[1];
    }

    private static String modifier(Draft draft, Random r) {
        List<String[]> named = new ArrayList<>(draft.query);
        named.removeIf(p -> p[0].startsWith("_getpages"));
        if (named.isEmpty()) {
            return unknownParameter(draft, r);
        }
        String[] pair = Pick.one(r, named);
        String modifier = Pick.one(r, MODIFIERS);
        pair[0] = pair[0] + modifier;
        return pair[0];
    }

    private static String value(Draft draft, Random r, Pools pools) {
        if (draft.query.isEmpty()) {
            return unknownParameter(draft, r);
        }
        String[] pair = Pick.one(r, draft.query);
        String value = Pick.chance(r, 0.2)
                ? "Communication/" + pools.replacementId(r, Pools.COMMUNICATION)
                : Pick.chance(r, 0.1) ? "x".repeat(Pick.one(r, 1_000, 10_000, 60_000)) : Pick.one(r, VALUES);
        pair[1] = value;
        return pair[0] + "=" + value;
    }

    /** The id after a resource type (Type/id...) in place of another one, from the pool the request allows. */
    private static String replaceId(Draft draft, Random r, Pools pools) {
        String[] segments = draft.path.split("/", -1);
        if (segments.length < 2
                || segments[0].isEmpty()
                || !Character.isUpperCase(segments[0].charAt(0))
                || segments[1].startsWith("$")) {
            return pathShape(draft, r);
        }
        segments[1] = pools.replacementId(r, draft.idPool);
        draft.path = String.join("/", segments);
        return "id → " + segments[1];
    }

    private static String pathShape(Draft draft, Random r) {
        String[] segments = draft.path.split("/", -1);
        switch (r.nextInt(4)) {
            case 0 -> {
                String suffix = Pick.one(r, SUFFIXES);
                draft.path = draft.path + suffix;
                return "suffix " + suffix;
            }
            case 1 -> {
                String type = Pick.one(r, TYPES);
                segments[0] = type;
                draft.path = String.join("/", segments);
                return "type " + type;
            }
            case 2 -> {
                String operation = Pick.one(r, OPERATIONS);
                int last = segments.length - 1;
                if (segments[last].startsWith("$")) {
                    segments[last] = operation;
                    draft.path = String.join("/", segments);
                } else {
                    draft.path = draft.path + "/" + operation;
                }
                return "operation " + operation;
            }
            default -> {
                draft.path = segments[0];
                return "no id";
            }
        }
    }
}

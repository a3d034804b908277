package dev.missive.fuzz;

import java.util.Random;

/**
 * Mutations of the headers: content types that do not fit the body (or are not types), answers
 * asked for in formats Missive does not serve, conditions that do not parse, preferences, and
 * headers that are too large or not headers.
 */
final class HeaderMutations {

    private static final String[] CONTENT_TYPES = {
        null,
        "application/json",
        "application/fhir+xml",
        "application/xml",
        "text/plain",
        "text/html",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/fhir+json; charset=ISO-8859-1",
        "application/fhir+json; charset=bogus",
        "application/fhir+json;fhirVersion=3.0",
        "application/fhir+json;fhirVersion=5.0",
        "application/json-patch+json",
        "application/octet-stream",
        "image/jpeg",
        "application/pdf",
        "video/mp4",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
        "*/*",
        ";",
        "",
        "application/fhir+json, text/plain",
        "application/fhir+ndjson",
        "x".repeat(2_000)
    };
    private static final String[] ACCEPTS = {
        "application/fhir+xml",
        "application/xml",
        "text/html",
        "*/*",
        "application/octet-stream",
        "application/pdf",
        "application/fhir+json;q=0",
        "",
        "application/fhir+ndjson",
        "text/plain",
        "application/fhir+json;fhirVersion=4.0",
        "application/fhir+json;fhirVersion=9.9",
        "image/*",
        "garbage/"
    };
    private static final String[] IF_MATCH = {
        "W/\"1\"",
        "W/\"0\"",
        "\"1\"",
        "W/\"-1\"",
        "W/\"abc\"",
        "*",
        "W/\"99999999999999999999\"",
        "W/\"\"",
        "garbage",
        "W/"
    };
    private static final String[] IF_NONE_EXIST = {
        "identifier=x%7Cy",
        "name=alice",
        "identifier=https://missive.dev/fhir/sid/portal-username%7Calice",
        "_id=ben",
        "foo",
        "",
        "identifier=",
        "identifier=a&identifier=b",
        "Patient?identifier=x",
        "identifier:missing=true"
    };
    private static final String[] PREFER = {
        "return=minimal",
        "return=representation",
        "return=OperationOutcome",
        "handling=strict",
        "handling=lenient",
        "respond-async",
        "garbage"
    };
    private static final String[] CONTENT_ENCODINGS = {"gzip", "deflate", "br", "identity", "x-bogus"};

    private HeaderMutations() {}

    static void mutate(Draft draft, Random r) {
        String what;
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> {
                String type = Pick.one(r, CONTENT_TYPES);
                if (type == null) {
                    draft.headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Type"));
                    what = "no Content-Type";
                } else {
                    draft.header("Content-Type", type);
                    what = "Content-Type: " + type;
                }
            }
            case 3, 4 -> {
                String accept = Pick.one(r, ACCEPTS);
                draft.header("Accept", accept);
                what = "Accept: " + accept;
            }
            case 5 -> {
                String condition = Pick.one(r, IF_MATCH);
                draft.header("If-Match", condition);
                what = "If-Match: " + condition;
            }
            case 6 -> {
                String condition = Pick.one(r, IF_NONE_EXIST);
                draft.header("If-None-Exist", condition);
                what = "If-None-Exist: " + condition;
            }
            case 7 -> {
                String prefer = Pick.one(r, PREFER);
                draft.header("Prefer", prefer);
                what = "Prefer: " + prefer;
            }
            case 8 -> {
                int length = Pick.one(r, 4_000, 9_000, 30_000, 70_000);
                String name = Pick.one(r, "X-Fuzz", "Accept", "Cookie", "X-Forwarded-For", "Referer");
                draft.header(name, "a".repeat(length));
                what = "huge " + name + " (" + length + ")";
            }
            case 9 -> {
                String[] header = Pick.one(
                        r,
                        new String[] {"X-Forwarded-For", "127.0.0.1, <script>, 999.1.1.1, ::ffff:evil"},
                        new String[] {"X-Forwarded-For", "é\uD83D\uDE00"},
                        new String[] {"Content-Encoding", Pick.one(r, CONTENT_ENCODINGS)},
                        new String[] {"Accept-Encoding", Pick.one(r, "gzip", "deflate, br", "x-bogus;q=2")},
                        new String[] {"Expect", "100-continue"},
                        new String[] {"Range", Pick.one(r, "bytes=0-10", "bytes=-5", "bytes=99999999-", "bytes=a-b")},
                        new String[] {"Origin", "http://evil.example"},
                        new String[] {"X-HTTP-Method-Override", Pick.one(r, "DELETE", "PUT", "PATCH")},
                        new String[] {"Accept-Charset", "utf-7"},
                        new String[] {"Accept-Language", Pick.one(r, "fr-FR", "zz", "*;q=x")},
                        new String[] {"Cookie", "JSESSIONID=garbage; KEYCLOAK_IDENTITY=x"},
                        new String[] {"Transfer-Encoding", "chunked"});
                draft.header(header[0], header[1]);
                what = header[0] + ": " + Text.clip(header[1], 40);
            }
            case 10 -> {
                String[] header = Pick.one(
                        r,
                        new String[] {"X Bad", "1"},
                        new String[] {"Content-Type\t", "application/fhir+json"},
                        new String[] {"X-Fuzz", "\u0001\u007f"},
                        new String[] {"", "empty name"},
                        new String[] {"X-Fuzz", "value\r\n continued"});
                draft.headers.add(new FuzzRequest.Header(header[0], header[1]));
                what = "malformed header " + Text.clip(header[0], 20);
            }
            default -> {
                int count = Pick.one(r, 50, 200, 1_000);
                for (int i = 0; i < count; i++) {
                    draft.headers.add(new FuzzRequest.Header("X-Fuzz-" + i, "v"));
                }
                what = count + " more headers";
            }
        }
        draft.mutations.add("header: " + Text.clip(what, 80));
    }
}

package dev.missive.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Picks how many mutations a request gets (none for one in ten) and of what kind, and applies them. */
final class Mutator {

    private static final TokenKind[] FORGED = {
        TokenKind.SWAPPED,
        TokenKind.SWAPPED,
        TokenKind.SWAPPED,
        TokenKind.NONE,
        TokenKind.GARBAGE,
        TokenKind.NOT_BEARER,
        TokenKind.ALG_NONE,
        TokenKind.ALG_NONE,
        TokenKind.ALTERED_SIGNATURE,
        TokenKind.EXPIRED,
        TokenKind.WRONG_AUDIENCE,
        TokenKind.ESCALATED,
        TokenKind.ESCALATED,
        TokenKind.HS256,
        TokenKind.TRUNCATED,
        TokenKind.HUGE,
        TokenKind.FOREIGN_CLIENT,
        TokenKind.FOREIGN_REALM
    };
    private static final String[] METHODS = {
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "PROPFIND"
    };

    private Mutator() {}

    static void mutate(Draft draft, Random r, Pools pools) {
        int count = Pick.one(r, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3);
        for (int i = 0; i < count; i++) {
            List<String> kinds = new ArrayList<>();
            if (draft.json != null) {
                kinds.addAll(List.of("json", "json", "json", "json", "json", "json", "json", "json"));
            }
            if (draft.raw != null) {
                kinds.addAll(List.of("bytes", "bytes", "bytes"));
            }
            if (!draft.pinned) {
                kinds.addAll(List.of("url", "url", "url", "url", "url", "header", "header", "header", "method"));
            }
            kinds.addAll(List.of("token", "token", "token"));
            switch (Pick.one(r, kinds)) {
                case "json" -> JsonMutations.mutate(draft, r, pools);
                case "bytes" -> bytes(draft, r);
                case "url" -> UrlMutations.mutate(draft, r, pools);
                case "header" -> HeaderMutations.mutate(draft, r);
                case "method" -> {
                    draft.method = Pick.one(r, METHODS);
                    draft.mutations.add("method: " + draft.method);
                }
                default -> token(draft, r);
            }
        }
    }

    private static void token(Draft draft, Random r) {
        TokenKind kind = Pick.one(r, FORGED);
        if (kind == TokenKind.SWAPPED) {
            List<String> others = new ArrayList<>(draft.swappable);
            others.remove(draft.caller);
            if (others.isEmpty()) {
                kind = TokenKind.ALG_NONE;
            } else {
                draft.caller = Pick.one(r, others);
            }
        }
        draft.token = kind;
        draft.mutations.add(
                "token: " + kind.name().toLowerCase() + (kind == TokenKind.SWAPPED ? " to " + draft.caller : ""));
    }

    /** Mutations of a file's bytes (a raw upload) or of a JSON body's text. */
    private static void bytes(Draft draft, Random r) {
        if (draft.raw == null || isJson(draft)) {
            JsonMutations.text(draft, r);
            return;
        }
        byte[] body = draft.raw;
        String what;
        switch (r.nextInt(8)) {
            case 0 -> {
                int at = body.length == 0 ? 0 : r.nextInt(body.length);
                draft.raw = Arrays.copyOf(body, at);
                what = "cut at " + at;
            }
            case 1 -> {
                byte[] copy = body.clone();
                for (int i = 0; i < 1 + r.nextInt(8) && copy.length > 0; i++) {
                    copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
                }
                draft.raw = copy;
                what = "bytes changed";
            }
            case 2 -> {
                // a zip's end-of-central-directory record appended: a polyglot
                byte[] eocd = new byte[22];
                eocd[0] = 'P';
                eocd[1] = 'K';
                eocd[2] = 5;
                eocd[3] = 6;
                draft.raw = concat(body, eocd);
                what = "zip directory appended";
            }
            case 3 -> {
                draft.raw = concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), body);
                what = "%PDF- header prepended";
            }
            case 4 -> {
                draft.raw = new byte[0];
                what = "empty";
            }
            case 5 -> {
                draft.raw = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
                what = "HTML";
            }
            case 6 -> {
                byte[] big = new byte[Pick.one(r, 100_000, 1_000_000, 3_000_000)];
                r.nextBytes(big);
                draft.raw = big;
                what = "random bytes (" + big.length + ")";
            }
            default -> {
                draft.raw = r.nextBoolean() ? Bodies.jpeg() : Bodies.pdf("swapped");
                what = "another type's content";
            }
        }
        draft.mutations.add("bytes: " + what);
    }

    private static boolean isJson(Draft draft) {
        return draft.headers.stream()
                .anyMatch(h ->
                        h.name().equalsIgnoreCase("Content-Type") && h.value().contains("json"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

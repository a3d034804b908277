package dev.missive.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutations of a JSON body that know its structure: a field dropped, duplicated, of another type,
 * null, huge, in another script, nested thousands deep; another resourceType, another id,
 * references to someone else's records, arrays repeated, fields nobody defined. And a few of its
 * text: cut short, with bytes that are not UTF-8, inside something else.
 */
final class JsonMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(String path, JsonNode container, String field, int index) {
        JsonNode value() {
            return container instanceof ObjectNode object ? object.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            if (container instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }
    }

    static final String[] UNICODE = {
        "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD",
        "\u0000",
        "\uFEFFtext",
        "\u202Eevil\u202C",
        "e\u0301\u0301\u0301",
        "\u200B\u200C\u200D",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "Ω≈ç√∫",
        "ﷺ",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1:1/x}",
        "%s%n%x%p",
        "../../../../etc/hosts",
        "' OR '1'='1' --",
        "\"; DROP TABLE message; --",
        "\r\nX-Injected: 1",
        "\\u0000",
        "null"
    };

    private static final String[] UNKNOWN_FIELDS = {
        "{\"foo\": \"bar\"}",
        "{\"_status\": {\"extension\": [{\"url\": \"x\", \"valueString\": \"y\"}]}}",
        "{\"extension\": [{\"url\": \"https://missive.dev/fhir/StructureDefinition/participant-state\","
                + " \"extension\": [{\"url\": \"archived\", \"valueBoolean\": true}]}]}",
        "{\"modifierExtension\": [{\"url\": \"http://example.org/unknown\", \"valueBoolean\": true}]}",
        "{\"contained\": [{\"resourceType\": \"Patient\", \"id\": \"c1\"}]}",
        "{\"meta\": {\"versionId\": \"999\", \"lastUpdated\": \"1900-01-01T00:00:00Z\"}}",
        "{\"meta\": {\"security\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\","
                + " \"code\": \"R\"}]}}",
        "{\"sender\": {\"reference\": \"Patient/ben\"}}",
        "{\"received\": \"2020-01-01T00:00:00Z\", \"sent\": \"2999-01-01T00:00:00Z\"}",
        "{\"statusReason\": {\"coding\": [{\"system\": \"https://missive.dev/fhir/CodeSystem/thread-status-reason\","
                + " \"code\": \"patient-merged\"}]}}",
        "{\"text\": {\"status\": \"generated\", \"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><script>x</script></div>\"}}",
        "{\"link\": [{\"other\": {\"reference\": \"Patient/ben\"}, \"type\": \"replaced-by\"}]}"
    };

    private static final String[] ODD_VALUES = {
        "0",
        "-1",
        "1.5",
        "1e309",
        "-1e309",
        "9223372036854775808",
        "-0",
        "1E400",
        "true",
        "false",
        "null",
        "\"\"",
        "\"string\"",
        "[]",
        "{}",
        "[null]",
        "[[]]",
        "{\"reference\": {}}",
        "\"2026-13-45\"",
        "\"0000-01-01\"",
        "\"9999-12-31T23:59:60Z\"",
        "\"2026-02-30T25:61:00+99:00\"",
        "\"T\"",
        "NaN",
        "Infinity",
        "0x10",
        "01"
    };

    private JsonMutations() {}

    /** Applies one mutation to the draft's JSON body and says what it was. */
    static void mutate(Draft draft, Random r, Pools pools) {
        List<Slot> slots = new ArrayList<>();
        collect(draft.json, "", slots, 0);
        int kind = r.nextInt(14);
        if (slots.isEmpty() && kind < 10) {
            kind = 10;
        }
        switch (kind) {
            case 0 -> {
                Slot slot = Pick.one(r, slots);
                slot.remove();
                note(draft, "drop " + slot.path());
            }
            case 1 -> duplicate(draft, r, slots);
            case 2 -> {
                Slot slot = Pick.one(r, slots);
                String value = Pick.one(r, ODD_VALUES);
                slot.set(TextNode.valueOf(draft.splice(value)));
                note(draft, "retype " + slot.path() + " = " + value);
            }
            case 3 -> {
                Slot slot = Pick.one(r, slots);
                slot.set(NODES.nullNode());
                note(draft, "null " + slot.path());
            }
            case 4 -> {
                Slot slot = Pick.one(r, slots);
                int length = Pick.one(r, 1_000, 10_000, 70_000, 300_000, 1_100_000);
                String unit = Pick.one(r, "x", "é", "\uD83D\uDE00", "ab ");
                slot.set(TextNode.valueOf(unit.repeat(length / unit.length())));
                note(draft, "huge " + slot.path() + " (" + length + " × " + unit + ")");
            }
            case 5 -> {
                Slot slot = Pick.one(r, slots);
                String value = Pick.one(r, UNICODE);
                if (Pick.chance(r, 0.3)) {
                    // a lone surrogate, legal in JSON text, not in Unicode
                    slot.set(TextNode.valueOf(draft.splice("\"\\ud800x\\udfff\"")));
                    note(draft, "lone surrogates " + slot.path());
                } else {
                    slot.set(TextNode.valueOf(value));
                    note(draft, "unicode " + slot.path() + " = " + Text.clip(value, 40));
                }
            }
            case 6 -> {
                Slot slot = Pick.one(r, slots);
                int depth = Pick.one(r, 10, 100, 1_000, 5_000, 50_000);
                boolean arrays = r.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                slot.set(TextNode.valueOf(draft.splice(open.repeat(depth) + "1" + close.repeat(depth))));
                note(draft, "nested " + depth + (arrays ? " arrays " : " objects ") + slot.path());
            }
            case 7 -> references(draft, r, pools, slots);
            case 8 -> {
                String type = Pick.one(
                        r,
                        "Patient",
                        "Bundle",
                        "Binary",
                        "Parameters",
                        "OperationOutcome",
                        "communication",
                        "",
                        "Communication ",
                        "Foo",
                        "Organization",
                        "AuditEvent");
                ((ObjectNode) draft.json).put("resourceType", type);
                note(draft, "resourceType = " + type);
            }
            case 9 -> {
                String id = pools.replacementId(r, draft.ownRecordsOnly ? Pools.OWN_RECORDS : Pools.COMMUNICATION);
                ((ObjectNode) draft.json).put("id", id);
                note(draft, "id = " + Text.clip(id, 40));
            }
            case 10 -> {
                List<ObjectNode> objects = new ArrayList<>();
                objects.add((ObjectNode) draft.json);
                slots.stream().map(Slot::value).filter(JsonNode::isObject).forEach(o -> objects.add((ObjectNode) o));
                ObjectNode into = Pick.one(r, objects);
                String fields = Pick.one(r, UNKNOWN_FIELDS);
                Bodies.parse(fields).fields().forEachRemaining(e -> into.set(e.getKey(), e.getValue()));
                note(draft, "add " + Text.clip(fields, 60));
            }
            case 11 -> {
                List<Slot> arrays = slots.stream()
                        .filter(s -> s.value().isArray() && !s.value().isEmpty())
                        .toList();
                if (arrays.isEmpty()) {
                    text(draft, r);
                    return;
                }
                Slot slot = Pick.one(r, arrays);
                int times = Pick.one(r, 2, 50, 1_000);
                ArrayNode array = (ArrayNode) slot.value();
                JsonNode first = array.get(0);
                for (int i = 1; i < times; i++) {
                    array.add(first.deepCopy());
                }
                note(draft, "repeat " + slot.path() + "[0] × " + times);
            }
            default -> text(draft, r);
        }
    }

    private static void duplicate(Draft draft, Random r, List<Slot> slots) {
        List<Slot> fields = slots.stream().filter(s -> s.field() != null).toList();
        if (fields.isEmpty()) {
            text(draft, r);
            return;
        }
        Slot slot = Pick.one(r, fields);
        ObjectNode object = (ObjectNode) slot.container();
        JsonNode value = r.nextBoolean() ? slot.value().deepCopy() : TextNode.valueOf("other");
        object.set(draft.splice(Bodies.quote(slot.field())), value);
        note(draft, "duplicate " + slot.path());
    }

    private static void references(Draft draft, Random r, Pools pools, List<Slot> slots) {
        String reference = pools.reference(r, draft.ownRecordsOnly);
        List<Slot> found = slots.stream()
                .filter(s -> "reference".equals(s.field())
                        || "url".equals(s.field()) && s.path().contains("contentAttachment"))
                .toList();
        if (found.isEmpty()) {
            ObjectNode root = (ObjectNode) draft.json;
            String field = Pick.one(r, "subject", "patient", "sender", "partOf");
            if (field.equals("partOf")) {
                root.putArray(field).addObject().put("reference", reference);
            } else {
                root.putObject(field).put("reference", reference);
            }
            note(draft, "add " + field + " → " + reference);
            return;
        }
        Slot slot = Pick.one(r, found);
        slot.set(TextNode.valueOf(
                slot.field().equals("url") && reference.startsWith("Communication/")
                        ? "Binary/" + reference.substring("Communication/".length())
                        : reference));
        note(draft, "reference " + slot.path() + " → " + Text.clip(reference, 60));
    }

    /** Mutations of the body's text: the structure is no longer JSON, or barely. */
    static void text(Draft draft, Random r) {
        byte[] body = draft.rawFromJson();
        String what;
        switch (r.nextInt(8)) {
            case 0 -> {
                int at = body.length == 0 ? 0 : r.nextInt(body.length);
                draft.raw = java.util.Arrays.copyOf(body, at);
                what = "cut at " + at;
            }
            case 1 -> {
                draft.raw = concat(
                        body,
                        Pick.one(r, "}", "}}}", ",", "\u0000", "garbage", "{}").getBytes(StandardCharsets.UTF_8));
                what = "trailing text";
            }
            case 2 -> {
                draft.raw = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
                what = "byte order mark";
            }
            case 3 -> {
                byte[] copy = body.clone();
                for (int i = 0; i < 1 + r.nextInt(4) && copy.length > 0; i++) {
                    copy[r.nextInt(copy.length)] = (byte) (int) Pick.one(r, 0xC0, 0xFF, 0x80, 0xED, 0xF8, 0x00);
                }
                draft.raw = copy;
                what = "bytes that are not UTF-8";
            }
            case 4 -> {
                String replacement = Pick.one(
                        r, "", "null", "[]", "{}", "\"Communication\"", "0", "[{}]", "{\"resourceType\":null}");
                draft.raw = replacement.getBytes(StandardCharsets.UTF_8);
                what = "body = " + (replacement.isEmpty() ? "(empty)" : replacement);
            }
            case 5 -> {
                int depth = Pick.one(r, 1_000, 10_000, 100_000);
                draft.raw = concat(
                        concat("[".repeat(depth).getBytes(StandardCharsets.UTF_8), body),
                        "]".repeat(depth).getBytes(StandardCharsets.UTF_8));
                what = "inside " + depth + " arrays";
            }
            case 6 -> {
                draft.raw = (Pick.one(
                                r,
                                "<Communication xmlns=\"http://hl7.org/fhir\"><status value=\"completed\"/></Communication>",
                                "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                        + "<Communication xmlns=\"http://hl7.org/fhir\"><status value=\"&x;\"/></Communication>",
                                "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                                        + "<Communication xmlns=\"http://hl7.org/fhir\"><status value=\"&c;\"/></Communication>",
                                "resourceType=Communication&status=completed",
                                "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"))
                        .getBytes(StandardCharsets.UTF_8);
                what = "not JSON: " + Text.clip(new String(draft.raw, StandardCharsets.UTF_8), 50);
            }
            default -> {
                byte[] random = new byte[1 + r.nextInt(4096)];
                r.nextBytes(random);
                draft.raw = random;
                what = "random bytes (" + random.length + ")";
            }
        }
        note(draft, what);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void note(Draft draft, String what) {
        draft.mutations.add("json: " + what);
    }

    private static void collect(JsonNode node, String path, List<Slot> slots, int depth) {
        if (depth > 12) {
            return;
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                if (name.startsWith("\u0001")) {
                    continue;
                }
                String at = path + "/" + name;
                slots.add(new Slot(at, object, name, -1));
                collect(object.get(name), at, slots, depth + 1);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = path + "/" + i;
                slots.add(new Slot(at, array, null, i));
                collect(array.get(i), at, slots, depth + 1);
            }
        }
    }
}

package dev.missive.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bystander patient sees, as they would search it: their inbox, their drafts, each of
 * their threads' messages, their directory entries and whom they may write to. Each answer is
 * kept without what changes on every search (the Bundle's id, meta and links), so that two
 * views taken before and after a run are equal unless something the patient sees changed.
 */
public final class BystanderView {

    private BystanderView() {}

    /** Search → answer, for each bystander. */
    public static Map<String, String> capture(Fixtures fixtures) {
        Map<String, String> view = new LinkedHashMap<>();
        for (String patient : Fixtures.BYSTANDERS) {
            List<String> searches = new ArrayList<>(List.of(
                    "Communication?part-of:missing=true&_count=100",
                    "Communication?part-of:missing=true&_summary=count",
                    "Communication?status=preparation&_count=100",
                    "Patient/" + patient,
                    "CareTeam?patient=Patient/" + patient,
                    "EpisodeOfCare?patient=Patient/" + patient,
                    "Appointment?patient=Patient/" + patient,
                    "Consent?patient=Patient/" + patient,
                    "RelatedPerson?patient=Patient/" + patient,
                    "Patient/" + patient + "/$message-recipients"));
            for (String search : List.copyOf(searches)) {
                JsonNode answer = read(fixtures, patient, search, view);
                if (search.startsWith("Communication?part-of:missing=true&_count")) {
                    for (JsonNode entry : answer.path("entry")) {
                        String thread = entry.path("resource").path("id").asText();
                        read(fixtures, patient, "Communication?part-of=Communication/" + thread + "&_count=100", view);
                    }
                }
            }
        }
        return view;
    }

    /** The searches whose answers differ, each with both answers. */
    public static String difference(Map<String, String> before, Map<String, String> after) {
        StringBuilder out = new StringBuilder();
        for (String key : before.keySet()) {
            if (!before.get(key).equals(after.get(key))) {
                out.append(key)
                        .append("\n  before: ")
                        .append(Text.clip(before.get(key), 2000))
                        .append("\n  after:  ")
                        .append(Text.clip(String.valueOf(after.get(key)), 2000))
                        .append('\n');
            }
        }
        after.keySet().stream()
                .filter(key -> !before.containsKey(key))
                .forEach(key -> out.append(key)
                        .append(" is new: ")
                        .append(Text.clip(after.get(key), 2000))
                        .append('\n'));
        return out.toString();
    }

    private static JsonNode read(Fixtures fixtures, String patient, String search, Map<String, String> view) {
        FuzzResponse response = fixtures.call(patient, "GET", search, null);
        JsonNode json;
        try {
            json = Bodies.JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            json = Bodies.JSON.createObjectNode().put("unreadable", response.body());
        }
        if (json instanceof ObjectNode object
                && "Bundle".equals(object.path("resourceType").asText())) {
            object.remove(List.of("id", "meta", "link"));
        }
        view.put(patient + " " + search, response.status() + " " + Bodies.text(json));
        return json;
    }
}

package dev.missive.fhir.server;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request's parameters as the audit trail keeps them: every parameter's name, and the value
 * only of parameters that cannot carry health information (paging, sorting, statuses, codes,
 * references). {@code _content}, {@code name}, {@code identifier} and anything unknown keep
 * their name alone, so a search text never reaches the trail.
 */
final class AuditedQuery {

    private static final Set<String> VALUES_KEPT = Set.of(
            "_count",
            "_sort",
            "_summary",
            "_include",
            "_revinclude",
            "_total",
            "_getpages",
            "_getpagesoffset",
            "_outputFormat",
            "_format",
            "_id",
            "status",
            "category",
            "archived",
            "unread",
            "overdue",
            "start",
            "end",
            "part-of",
            "subject",
            "patient",
            "practitioner",
            "participant",
            "agent",
            "entity",
            "outcome",
            "date");

    private AuditedQuery() {}

    /** {@code name=value&name&…} in name order; null without parameters. */
    static String of(Map<String, String[]> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .map(parameter -> keepsValue(parameter.getKey())
                                ? parameter.getKey() + "=" + String.join(",", parameter.getValue())
                                : parameter.getKey())
                        .collect(Collectors.joining("&"));
    }

    /** A modifier ({@code part-of:missing}) does not change what the value can carry. */
    private static boolean keepsValue(String name) {
        int modifier = name.indexOf(':');
        return VALUES_KEPT.contains(modifier < 0 ? name : name.substring(0, modifier));
    }
}

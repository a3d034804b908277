package dev.missive.quickreply;

import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a quick reply may hold, written {@code {{name}}}: the patient's first name and
 * the practitioner's name, filled in where staff insert the reply.
 */
final class Placeholders {

    static final Set<String> KNOWN = Set.of("patient-first-name", "practitioner-name");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Placeholders() {}

    /** Refuses a text with a placeholder other than the known ones. */
    static void requireKnown(String text) {
        Matcher found = PLACEHOLDER.matcher(text);
        while (found.find()) {
            if (!KNOWN.contains(found.group(1))) {
                throw new RuleViolationException(
                        Rule.QUICK_REPLY_PLACEHOLDER_UNKNOWN,
                        "A quick reply's placeholders are {{patient-first-name}} and {{practitioner-name}}");
            }
        }
    }
}

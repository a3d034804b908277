package dev.missive.it;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Demo files give dates relative to the day they are loaded, {@code {{today-N}}} for N days ago,
 * so that "an appointment ten days ago" stays ten days ago. config/missive resolves them alike.
 */
final class DemoDates {

    private static final Pattern DAYS_AGO = Pattern.compile("\\{\\{today-(\\d+)}}");

    private DemoDates() {}

    static String resolve(String demoFile) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return DAYS_AGO.matcher(demoFile)
                .replaceAll(
                        days -> today.minusDays(Long.parseLong(days.group(1))).toString());
    }
}

package dev.missive.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clinic's business calendar as the operator configures it: its time zone
 * ({@code MISSIVE_CLINIC_TIME_ZONE}), weekly hours ({@code MISSIVE_CLINIC_HOURS}, e.g.
 * {@code Mon-Fri 09:00-17:00; Sat 09:00-12:00}) and holidays ({@code MISSIVE_CLINIC_HOLIDAYS},
 * ISO dates separated by commas). A setting that cannot be read stops the deployment
 * (checked at start-up) rather than promising a wrong due time.
 */
@ApplicationScoped
public class ClinicHours {

    @Inject
    @ConfigProperty(name = "missive.clinic.time.zone", defaultValue = "UTC")
    String zone;

    @Inject
    @ConfigProperty(name = "missive.clinic.hours", defaultValue = "Mon-Fri 09:00-17:00")
    String hours;

    @Inject
    @ConfigProperty(name = "missive.clinic.holidays")
    Optional<String> holidays;

    private BusinessCalendar calendar;

    public synchronized BusinessCalendar calendar() {
        if (calendar == null) {
            calendar = new BusinessCalendar(ZoneId.of(zone.strip()), week(hours), holidays(holidays.orElse("")));
        }
        return calendar;
    }

    /** {@code Mon-Fri 09:00-17:00; Sat 09:00-12:00}: days or ranges of days, then their hours; 24:00 is midnight. */
    static Map<DayOfWeek, BusinessCalendar.Hours> week(String setting) {
        Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] daysAndHours = entry.strip().split("\\s+");
            String[] times = daysAndHours.length == 2 ? daysAndHours[1].split("-") : new String[0];
            if (times.length != 2) {
                throw new IllegalArgumentException("Clinic hours are like 'Mon-Fri 09:00-17:00', not '" + entry + "'");
            }
            BusinessCalendar.Hours open = new BusinessCalendar.Hours(time(times[0]), time(times[1]));
            for (DayOfWeek day : days(daysAndHours[0])) {
                week.put(day, open);
            }
        }
        return week;
    }

    static Set<LocalDate> holidays(String setting) {
        try {
            return Arrays.stream(setting.split(","))
                    .map(String::strip)
                    .filter(date -> !date.isEmpty())
                    .map(LocalDate::parse)
                    .collect(Collectors.toSet());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Clinic holidays are ISO dates separated by commas", e);
        }
    }

    private static Set<DayOfWeek> days(String range) {
        String[] ends = range.split("-");
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            days.add(day);
            if (day == last) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String name) {
        String prefix = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> prefix.length() >= 3 && day.name().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a day of the week: '" + name + "'"));
    }

    private static LocalTime time(String value) {
        try {
            return "24:00".equals(value.strip()) ? LocalTime.MAX : LocalTime.parse(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not a time of day: '" + value + "'", e);
        }
    }
}

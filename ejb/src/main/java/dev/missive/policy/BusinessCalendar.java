package dev.missive.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The clinic's opening hours in its time zone: which days are business days (a weekday with
 * hours that is not a holiday) and when an answer promised within so many business days is due.
 * Counting starts when the clinic is next open: a message that arrives while it is open starts
 * the count at once, one that arrives after hours at the next opening. The answer is due that
 * many business days later at the same local time of day (kept to that day's hours), so a
 * daylight saving change in between moves the instant, not the clinic's clock time. The time
 * between two instants counts only the hours the clinic is open ({@link #businessTime}).
 */
public final class BusinessCalendar {

    /** A day's hours; {@code close} of {@link LocalTime#MAX} is midnight at its end. */
    public record Hours(LocalTime open, LocalTime close) {

        public Hours {
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("A day's hours open before they close");
            }
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> week;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays) {
        if (week.isEmpty()) {
            throw new IllegalArgumentException("The clinic is open on at least one day of the week");
        }
        this.zone = zone;
        this.week = new EnumMap<>(week);
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isBusinessDay(LocalDate day) {
        return week.containsKey(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** When an answer to a message that arrived at {@code asked} is due, {@code businessDays} from its arrival. */
    public Instant due(Instant asked, int businessDays) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("A response time is not negative");
        }
        LocalDateTime start = countingStart(asked.atZone(zone).toLocalDateTime());
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < businessDays; i++) {
            day = nextBusinessDay(day);
        }
        Hours hours = week.get(day.getDayOfWeek());
        LocalTime time = start.toLocalTime();
        if (time.isBefore(hours.open())) {
            time = hours.open();
        }
        if (time.isAfter(hours.close())) {
            time = hours.close();
        }
        // In a gap (clocks put forward) the local time moves on by the gap's length.
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /**
     * How much of the period from {@code from} to {@code to} falls within the clinic's hours on
     * its business days: a wait over a weekend or a night counts only the time the clinic was open.
     */
    public Duration businessTime(Instant from, Instant to) {
        Duration open = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                Hours hours = week.get(day.getDayOfWeek());
                Instant opens = ZonedDateTime.of(day, hours.open(), zone).toInstant();
                Instant closes = hours.close().equals(LocalTime.MAX)
                        ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(day, hours.close(), zone).toInstant();
                Instant start = from.isAfter(opens) ? from : opens;
                Instant end = to.isBefore(closes) ? to : closes;
                if (start.isBefore(end)) {
                    open = open.plus(Duration.between(start, end));
                }
            }
        }
        return open;
    }

    /** The first moment from {@code local} on at which the clinic is open. */
    private LocalDateTime countingStart(LocalDateTime local) {
        LocalDate day = local.toLocalDate();
        if (isBusinessDay(day)) {
            Hours hours = week.get(day.getDayOfWeek());
            if (local.toLocalTime().isBefore(hours.open())) {
                return day.atTime(hours.open());
            }
            if (local.toLocalTime().isBefore(hours.close())) {
                return local;
            }
        }
        LocalDate next = nextBusinessDay(day);
        return next.atTime(week.get(next.getDayOfWeek()).open());
    }

    private LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        // holidays are finite: a year on, some weekday with hours is not one
        for (int i = 0; i < 3660 && !isBusinessDay(next); i++) {
            next = next.plusDays(1);
        }
        if (!isBusinessDay(next)) {
            throw new IllegalStateException("No business day within ten years of " + day);
        }
        return next;
    }
}

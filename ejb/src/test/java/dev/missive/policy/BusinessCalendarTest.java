package dev.missive.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Mon-Fri 09:00-17:00 in Berlin; 2026-12-25 (a Friday) a holiday. */
    private final BusinessCalendar clinic = new BusinessCalendar(
            BERLIN,
            ClinicHours.week("Mon-Fri 09:00-17:00"),
            Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")));

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void aMessageDuringHoursIsDueThatManyBusinessDaysLaterAtTheSameTime() {
        // Tuesday 10:30
        assertEquals(berlin("2026-12-04T10:30"), clinic.due(berlin("2026-12-01T10:30"), 3));
    }

    @Test
    void theWeekendDoesNotCount() {
        // Thursday 14:00 + 3 business days: Friday, Monday, Tuesday
        assertEquals(berlin("2026-12-08T14:00"), clinic.due(berlin("2026-12-03T14:00"), 3));
    }

    @Test
    void aMessageAt2359OnAFridayCountsFromMondaysOpening() {
        assertEquals(berlin("2026-12-10T09:00"), clinic.due(berlin("2026-12-04T23:59"), 3));
    }

    @Test
    void aMessageAtTheWeekendCountsFromMondaysOpening() {
        assertEquals(berlin("2026-12-10T09:00"), clinic.due(berlin("2026-12-06T12:00"), 3));
    }

    @Test
    void aMessageBeforeOpeningCountsFromThatDaysOpening() {
        assertEquals(berlin("2026-12-02T09:00"), clinic.due(berlin("2026-12-01T06:15"), 1));
    }

    @Test
    void aMessageAtClosingTimeCountsFromTheNextOpening() {
        assertEquals(berlin("2026-12-03T09:00"), clinic.due(berlin("2026-12-01T17:00"), 1));
    }

    @Test
    void holidaysDoNotCount() {
        // Wednesday 23 Dec 11:00 + 3: Thursday 24, (Friday 25 holiday, weekend, Monday 28 holiday) Tuesday 29,
        // Wednesday 30
        assertEquals(berlin("2026-12-30T11:00"), clinic.due(berlin("2026-12-23T11:00"), 3));
    }

    @Test
    void aMessageOnAHolidayCountsFromTheNextBusinessDay() {
        assertEquals(berlin("2026-12-30T09:00"), clinic.due(berlin("2026-12-25T10:00"), 1));
    }

    @Test
    void noBusinessDaysIsDueWhenTheClinicIsNextOpen() {
        assertEquals(berlin("2026-12-01T10:30"), clinic.due(berlin("2026-12-01T10:30"), 0));
        assertEquals(berlin("2026-12-07T09:00"), clinic.due(berlin("2026-12-05T10:30"), 0));
    }

    @Test
    void clocksPutForwardKeepTheClinicsTimeOfDay() {
        // Berlin goes to summer time on Sunday 29 March 2026: Friday 10:00 CET + 1 business day is Monday 10:00 CEST
        Instant due = clinic.due(berlin("2026-03-27T10:00"), 1);
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), due);
        assertEquals(Instant.parse("2026-03-27T09:00:00Z"), berlin("2026-03-27T10:00"));
    }

    @Test
    void clocksPutBackKeepTheClinicsTimeOfDay() {
        // back to winter time on Sunday 25 October 2026: Friday 16:30 CEST + 1 is Monday 16:30 CET
        assertEquals(Instant.parse("2026-10-26T15:30:00Z"), clinic.due(berlin("2026-10-23T16:30"), 1));
    }

    @Test
    void aDueTimeInTheHourClocksSkipMovesOnByTheGap() {
        // open at night, on every day: 02:30 on 29 March does not exist in Berlin, it is 03:30 CEST
        BusinessCalendar nights = new BusinessCalendar(BERLIN, ClinicHours.week("Mon-Sun 00:00-24:00"), Set.of());
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), nights.due(Instant.parse("2026-03-28T01:30:00Z"), 1));
    }

    @Test
    void aShorterDayKeepsTheDueTimeWithinItsHours() {
        BusinessCalendar saturdays =
                new BusinessCalendar(BERLIN, ClinicHours.week("Mon-Fri 09:00-17:00; Sat 09:00-12:00"), Set.of());
        // Friday 15:00 + 1 business day is Saturday, which closes at 12:00
        assertEquals(berlin("2026-12-05T12:00"), saturdays.due(berlin("2026-12-04T15:00"), 1));
    }

    @Test
    void theSameInstantIsDueByTheClinicsZoneNotUtc() {
        BusinessCalendar sydney =
                new BusinessCalendar(ZoneId.of("Australia/Sydney"), ClinicHours.week("Mon-Fri 09:00-17:00"), Set.of());
        // Friday 23:00 UTC is Saturday 10:00 in Sydney: counted from Monday 09:00 there, due Tuesday 09:00 (UTC+11)
        assertEquals(Instant.parse("2026-12-07T22:00:00Z"), sydney.due(Instant.parse("2026-12-04T23:00:00Z"), 1));
    }

    @Test
    void aWaitOverTheWeekendCountsOnlyTheHoursTheClinicWasOpen() {
        // Friday 16:00 to Monday 10:30: Friday's last hour and Monday's first hour and a half
        assertEquals(
                Duration.ofMinutes(150), clinic.businessTime(berlin("2026-12-04T16:00"), berlin("2026-12-07T10:30")));
    }

    @Test
    void aWaitWithinOneDaysHoursCountsWhole() {
        assertEquals(
                Duration.ofMinutes(95), clinic.businessTime(berlin("2026-12-01T10:30"), berlin("2026-12-01T12:05")));
    }

    @Test
    void nightsAndHolidaysDoNotCount() {
        // Wednesday 18:00 to Thursday 08:00: closed all along
        assertEquals(Duration.ZERO, clinic.businessTime(berlin("2026-12-02T18:00"), berlin("2026-12-03T08:00")));
        // Thursday 24 Dec 16:00 to Tuesday 29 Dec 09:30: Friday 25 and Monday 28 are holidays
        assertEquals(
                Duration.ofMinutes(90), clinic.businessTime(berlin("2026-12-24T16:00"), berlin("2026-12-29T09:30")));
    }

    @Test
    void businessTimeCountsTheClinicsClockAcrossDaylightSavingAndMidnightClosing() {
        BusinessCalendar nights = new BusinessCalendar(BERLIN, ClinicHours.week("Sat-Sun 00:00-24:00"), Set.of());
        // Saturday 28 March 2026 00:00 to Monday 00:00 in Berlin: Sunday has 23 hours
        assertEquals(Duration.ofHours(47), nights.businessTime(berlin("2026-03-28T00:00"), berlin("2026-03-30T00:00")));
    }

    @Test
    void businessDaysAreWeekdaysWithHoursThatAreNoHoliday() {
        assertTrue(clinic.isBusinessDay(LocalDate.parse("2026-12-04")));
        assertFalse(clinic.isBusinessDay(LocalDate.parse("2026-12-05")));
        assertFalse(clinic.isBusinessDay(LocalDate.parse("2026-12-25")));
    }

    @Test
    void hoursParseDaysRangesAndMidnight() {
        Map<DayOfWeek, BusinessCalendar.Hours> week = ClinicHours.week("mon-wed 08:00-12:30; Friday 13:00-24:00");
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), week.keySet());
        assertEquals(LocalTime.of(12, 30), week.get(DayOfWeek.TUESDAY).close());
        assertEquals(LocalTime.MAX, week.get(DayOfWeek.FRIDAY).close());
        assertEquals(
                Set.of(DayOfWeek.values()).size(),
                ClinicHours.week("Sat-Fri 09:00-10:00").size());
    }

    @Test
    void unreadableSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClinicHours.week("Mon-Fri 9-5"));
        assertThrows(IllegalArgumentException.class, () -> ClinicHours.week("Mo 09:00-17:00"));
        assertThrows(IllegalArgumentException.class, () -> ClinicHours.week("Mon 17:00-09:00"));
        assertThrows(IllegalArgumentException.class, () -> ClinicHours.holidays("2026-12-32"));
        assertThrows(
                IllegalArgumentException.class, () -> new BusinessCalendar(BERLIN, ClinicHours.week(""), Set.of()));
        assertEquals(
                Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")),
                ClinicHours.holidays(" 2026-12-25,2027-01-01 "));
    }
}

package org.clusterlens.forms.expression;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Collect computes with them: a date is a number of days since 1970-01-01, so
 * {@code today() - 30} and {@code ${end} - ${start}} count days; in arithmetic a date-time counts
 * its whole days too, and {@code decimal-date-time} adds the fraction of the day. A date-time
 * counts by its wall-clock time as written, whatever its offset: the respondent's own clock, which
 * is what {@code now()} writes.
 */
final class DateValues {

    static final long DAY_MS = 86_400_000L;
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?:Z|[+-]\\d{2}:?\\d{2})?");

    private DateValues() {
    }

    /** @return the days since 1970-01-01 of a date or date-time string, with the fraction of the day, or NaN */
    static double days(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return Double.NaN;
        }
        try {
            long day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toEpochDay();
            if (m.group(4) == null) {
                return day;
            }
            double ms = millisOfDay(m.group(4), m.group(5), m.group(6), m.group(7));
            return Double.isNaN(ms) ? ms : day + ms / DAY_MS;
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }

    /** decimal-time: the fraction of the day of a time (or of a date-time's time), or NaN. */
    static double fractionOfDay(String text) {
        Matcher m = TIME.matcher(text);
        if (m.matches()) {
            return millisOfDay(m.group(1), m.group(2), m.group(3), m.group(4)) / DAY_MS;
        }
        double days = days(text);
        return days - Math.floor(days);
    }

    private static double millisOfDay(String hours, String minutes, String seconds, String fraction) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        int s = seconds == null ? 0 : Integer.parseInt(seconds);
        int ms = fraction == null ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
        if (h > 23 || m > 59 || s > 59) {
            return Double.NaN;
        }
        return ((h * 60L + m) * 60 + s) * 1000 + ms;
    }

    /** @return YYYY-MM-DD of the day {@code days} falls in, or "" outside years 0–9999 */
    static String dateText(double days) {
        Moment moment = Moment.of(days);
        return moment == null ? "" : moment.date().toString();
    }

    /** @return YYYY-MM-DDTHH:MM:SS.mmm±HH:MM, or "" outside years 0–9999 */
    static String dateTimeText(double days, ZoneOffset offset) {
        Moment moment = Moment.of(days);
        if (moment == null) {
            return "";
        }
        int offsetMinutes = offset.getTotalSeconds() / 60;
        return moment.date() + "T" + DateFormat.format(moment, "%H:%M:%S.%3")
                + (offsetMinutes < 0 ? "-" : "+") + two(Math.abs(offsetMinutes) / 60) + ":"
                + two(Math.abs(offsetMinutes) % 60);
    }

    static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    /** A day and the milliseconds into it, rounded to the millisecond. */
    record Moment(LocalDate date, long millisOfDay) {

        static Moment of(double days) {
            if (Double.isNaN(days) || days < FIRST_DAY || days >= LAST_DAY + 1) {
                return null;
            }
            long ms = Math.round(days * DAY_MS);
            long day = Math.floorDiv(ms, DAY_MS);
            return day > LAST_DAY ? null : new Moment(LocalDate.ofEpochDay(day), Math.floorMod(ms, DAY_MS));
        }
    }
}

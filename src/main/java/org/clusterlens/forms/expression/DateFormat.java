package org.clusterlens.forms.expression;

import java.time.DayOfWeek;

/**
 * format-date and format-date-time patterns: %Y year, %y two-digit year, %m month 01–12, %n month
 * 1–12, %b month short name, %d day 01–31, %e day 1–31, %a weekday short name, %H hour 00–23, %h
 * hour 0–23, %M minute, %S second, %3 milliseconds. Names are English, as Collect's are; any other
 * character, and % before any other character, is copied.
 */
final class DateFormat {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private DateFormat() {
    }

    static String format(DateValues.Moment moment, String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length()) {
                String field = field(moment, pattern.charAt(i + 1));
                if (field != null) {
                    out.append(field);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String field(DateValues.Moment moment, char letter) {
        long ms = moment.millisOfDay();
        return switch (letter) {
            case 'Y' -> String.format("%04d", moment.date().getYear());
            case 'y' -> DateValues.two(moment.date().getYear() % 100);
            case 'm' -> DateValues.two(moment.date().getMonthValue());
            case 'n' -> Integer.toString(moment.date().getMonthValue());
            case 'b' -> MONTHS[moment.date().getMonthValue() - 1];
            case 'd' -> DateValues.two(moment.date().getDayOfMonth());
            case 'e' -> Integer.toString(moment.date().getDayOfMonth());
            case 'a' -> WEEKDAYS[moment.date().getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()];
            case 'H' -> DateValues.two(ms / 3_600_000);
            case 'h' -> Long.toString(ms / 3_600_000);
            case 'M' -> DateValues.two(ms / 60_000 % 60);
            case 'S' -> DateValues.two(ms / 1000 % 60);
            case '3' -> String.format("%03d", ms % 1000);
            default -> null;
        };
    }
}

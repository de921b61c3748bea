package org.clusterlens.forms.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code round(x, digits)} as Collect computes it: in decimal, on the digits of {@code x} as written
 * (its shortest round-tripping form), so that {@code round(1.005, 2)} is 1.01 where binary arithmetic
 * would give 1. Halves go up, or towards zero for a negative number (so {@code round(-2.5)} is -2 as
 * in XPath). Digits are truncated, NaN digits count as 0, and more than 30 either way give NaN. With
 * negative digits Collect scales, adds 0.5 and truncates: {@code round(-15, -1)} is -10.
 */
final class Rounding {

    private static final int MOST_DIGITS = 30;

    private Rounding() {
    }

    static double round(double x, double digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        int places = TextFunctions.toInt(digits);
        if (places > MOST_DIGITS || places < -MOST_DIGITS) {
            return Double.NaN;
        }
        BigDecimal written = new BigDecimal(Double.toString(x));
        if (places >= 0) {
            return written.setScale(places, x < 0 ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP).doubleValue();
        }
        double scaled = written.scaleByPowerOfTen(places).doubleValue();
        double whole = (double) (long) (scaled + 0.5);
        return BigDecimal.valueOf(whole).scaleByPowerOfTen(-places).doubleValue();
    }
}

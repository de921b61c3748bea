package org.clusterlens.forms.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code round(x, digits)} in decimal, on the digits of {@code x} as written (its shortest
 * round-tripping form), so that {@code round(1.005, 2)} is 1.01 as in Collect, where binary
 * arithmetic would give 1. Halves go towards positive infinity, as XPath's one-argument round does.
 */
final class Rounding {

    private static final int SMALLEST_SCALE = -400;

    private Rounding() {
    }

    static double round(double x, double digits) {
        if (Double.isNaN(digits)) {
            return Double.NaN;
        }
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        int scale = Math.max(SMALLEST_SCALE, TextFunctions.toInt(digits));
        BigDecimal value = new BigDecimal(Double.toString(x));
        if (scale >= value.scale()) {
            return x;
        }
        return value.setScale(scale, x < 0 ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP).doubleValue();
    }
}

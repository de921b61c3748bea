package org.clusterlens.forms.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * area() and distance() of geopoints written "lat lon [altitude [accuracy]]", several separated by
 * ';' for a trace or a shape. Collect's formulas (JavaRosa's GeoUtils), so that the numbers agree
 * with forms filled in Collect: a spherical Earth of radius 6,378,100 m; distance by the spherical
 * law of cosines, summed along the points; area by the shoelace formula on a projection centred on
 * the first point, each point's longitude scaled by the cosine of its own latitude.
 */
final class GeoFunctions {

    static final double EARTH_RADIUS_METRES = 6_378_100;
    private static final double CIRCUMFERENCE_METRES = 2 * EARTH_RADIUS_METRES * Math.PI;
    private static final Pattern POINT_SEPARATOR = Pattern.compile(";");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private GeoFunctions() {
    }

    record Point(double latitude, double longitude) {
    }

    /** @return the points of the texts, or null if one is not a geopoint */
    static List<Point> points(List<String> texts) {
        List<Point> points = new ArrayList<>();
        for (String text : texts) {
            for (String part : POINT_SEPARATOR.split(text.strip(), -1)) {
                Point point = point(part.strip());
                if (point == null) {
                    return null;
                }
                points.add(point);
            }
        }
        return points;
    }

    private static Point point(String text) {
        String[] numbers = SPACES.split(text);
        if (numbers.length < 2 || numbers.length > 4) {
            return null;
        }
        for (String number : numbers) {
            if (Double.isNaN(Values.toNumber(number))) {
                return null;
            }
        }
        double latitude = Values.toNumber(numbers[0]);
        double longitude = Values.toNumber(numbers[1]);
        return Math.abs(latitude) > 90 || Math.abs(longitude) > 180 ? null : new Point(latitude, longitude);
    }

    static double distance(List<Point> points) {
        if (points == null) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += between(points.get(i - 1), points.get(i));
        }
        return total;
    }

    private static double between(Point a, Point b) {
        double dLongitude = StrictMath.toRadians(a.longitude() - b.longitude());
        double latitudeA = StrictMath.toRadians(a.latitude());
        double latitudeB = StrictMath.toRadians(b.latitude());
        double cosine = StrictMath.sin(latitudeA) * StrictMath.sin(latitudeB)
                + StrictMath.cos(latitudeA) * StrictMath.cos(latitudeB) * StrictMath.cos(dLongitude);
        // Rounding can push the cosine of two equal points just above 1, where acos is NaN.
        return StrictMath.acos(Math.min(1, cosine)) * EARTH_RADIUS_METRES;
    }

    static double area(List<Point> points) {
        if (points == null) {
            return Double.NaN;
        }
        if (points.size() < 3) {
            return 0;
        }
        Point reference = points.getFirst();
        double sum = 0;
        for (int i = 2; i < points.size(); i++) {
            Point p = points.get(i - 1);
            Point q = points.get(i);
            sum += (y(reference, p) * x(reference, q) - x(reference, p) * y(reference, q)) / 2;
        }
        return Math.abs(sum);
    }

    private static double y(Point reference, Point p) {
        return (p.latitude() - reference.latitude()) * CIRCUMFERENCE_METRES / 360.0;
    }

    private static double x(Point reference, Point p) {
        return (p.longitude() - reference.longitude()) * CIRCUMFERENCE_METRES
                * StrictMath.cos(StrictMath.toRadians(p.latitude())) / 360.0;
    }
}

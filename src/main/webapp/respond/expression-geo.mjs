/**
 * area() and distance() with Collect's formulas, as GeoFunctions.java (which explains them): a
 * spherical Earth of radius 6,378,100 m, the spherical law of cosines, a shoelace area on a
 * projection centred on the first point.
 */

const EARTH_RADIUS_METRES = 6378100;
const CIRCUMFERENCE_METRES = 2 * EARTH_RADIUS_METRES * Math.PI;
// Java's Math.toRadians multiplies by this constant; x * Math.PI / 180 can differ in the last bit.
const DEGREES_TO_RADIANS = 0.017453292519943295;

/** @param strip, toNumber the evaluator's (Java's String.strip and XPath number()) */
export function points(texts, strip, toNumber) {
  const list = [];
  for (const text of texts) {
    for (const part of strip(text).split(';')) {
      const numbers = strip(part).split(/[ \t\n\x0B\f\r]+/);
      if (numbers.length < 2 || numbers.length > 4 || numbers.some((n) => Number.isNaN(toNumber(n)))) return null;
      const latitude = toNumber(numbers[0]);
      const longitude = toNumber(numbers[1]);
      if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
      list.push({ latitude, longitude });
    }
  }
  return list;
}

function between(a, b) {
  const dLongitude = (a.longitude - b.longitude) * DEGREES_TO_RADIANS;
  const latitudeA = a.latitude * DEGREES_TO_RADIANS;
  const latitudeB = b.latitude * DEGREES_TO_RADIANS;
  const cosine = Math.sin(latitudeA) * Math.sin(latitudeB)
    + Math.cos(latitudeA) * Math.cos(latitudeB) * Math.cos(dLongitude);
  return Math.acos(Math.min(1, cosine)) * EARTH_RADIUS_METRES;
}

export function distance(list) {
  if (list === null) return NaN;
  let total = 0;
  for (let i = 1; i < list.length; i++) total += between(list[i - 1], list[i]);
  return total;
}

export function area(list) {
  if (list === null) return NaN;
  if (list.length < 3) return 0;
  const reference = list[0];
  const y = (p) => ((p.latitude - reference.latitude) * CIRCUMFERENCE_METRES) / 360.0;
  const x = (p) => ((p.longitude - reference.longitude) * CIRCUMFERENCE_METRES * Math.cos(p.latitude * DEGREES_TO_RADIANS)) / 360.0;
  let sum = 0;
  for (let i = 2; i < list.length; i++) {
    const p = list[i - 1];
    const q = list[i];
    sum += (y(p) * x(q) - x(p) * y(q)) / 2;
  }
  return Math.abs(sum);
}

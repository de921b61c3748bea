/**
 * round(x, digits) as Rounding.java (which explains Collect's rules) does with BigDecimal: decimal
 * rounding of the digits of x as written, so round(1.005, 2) is 1.01.
 */

const MOST_DIGITS = 30;

/** |x| as an integer of digits and the power of ten it is divided by. */
function decimal(magnitude) {
  const [mantissa, exponent = '0'] = String(magnitude).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  return { digits: BigInt(whole + fraction), scale: fraction.length - Number(exponent) };
}

/** x × 10^power, correctly rounded as BigDecimal.scaleByPowerOfTen(power).doubleValue() is. */
function scaled(x, power) {
  const { digits, scale } = decimal(Math.abs(x));
  const value = Number(`${digits}e${power - scale}`);
  return x < 0 ? -value : value;
}

export function round(x, digits, toInt) {
  if (Number.isNaN(x) || !Number.isFinite(x)) return x;
  const places = toInt(digits);
  if (places > MOST_DIGITS || places < -MOST_DIGITS) return NaN;
  if (places < 0) {
    const whole = Math.trunc(scaled(x, places) + 0.5);
    return whole === 0 ? 0 : scaled(whole, -places);
  }
  if (x === 0) return x;
  const { digits: unscaled, scale: written } = decimal(Math.abs(x));
  if (places >= written) return x;
  const divisor = 10n ** BigInt(written - places);
  let kept = unscaled / divisor;
  const twice = 2n * (unscaled % divisor);
  if (x > 0 ? twice >= divisor : twice > divisor) kept += 1n;
  const magnitude = Number(`${kept}e${-places}`);
  return x < 0 ? -magnitude : magnitude;
}

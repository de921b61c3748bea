/**
 * round(x, digits) in decimal on the digits of x as written, as Rounding.java does with BigDecimal:
 * round(1.005, 2) is 1.01 as in Collect. Halves go towards positive infinity.
 */

const SMALLEST_SCALE = -400;

/** |x| as an integer of digits and the power of ten it is divided by. */
function decimal(magnitude) {
  const [mantissa, exponent = '0'] = String(magnitude).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  return { digits: BigInt(whole + fraction), scale: fraction.length - Number(exponent) };
}

export function round(x, digits, toInt) {
  if (Number.isNaN(digits)) return NaN;
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return x;
  const scale = Math.max(SMALLEST_SCALE, toInt(digits));
  const { digits: unscaled, scale: written } = decimal(Math.abs(x));
  if (scale >= written) return x;
  const divisor = 10n ** BigInt(written - scale);
  let kept = unscaled / divisor;
  const twice = 2n * (unscaled % divisor);
  if (x > 0 ? twice >= divisor : twice > divisor) kept += 1n;
  const magnitude = Number(`${kept}e${-scale}`);
  return x < 0 ? -magnitude : magnitude;
}

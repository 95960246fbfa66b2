import type { Random } from "../random/createRandom.js";

/**
 * Draws one standard normal number with the Box-Muller transform, from two uniform draws.
 * @see G. E. P. Box and M. E. Muller (1958), in the basic form given at
 *   https://en.wikipedia.org/wiki/Box%E2%80%93Muller_transform
 */
export function drawStandardNormal(random: Random): number {
  // 1 - next() lies in (0, 1], so the logarithm stays finite.
  const radius = Math.sqrt(-2 * Math.log(1 - random.next()));

  return radius * Math.cos(2 * Math.PI * random.next());
}

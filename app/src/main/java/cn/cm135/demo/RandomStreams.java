package cn.cm135.demo;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent random streams derived from the seed, one per purpose and index (e.g. the orders of
 * customer 17). A customer's rows therefore never depend on how many numbers another customer drew,
 * and the generator may change the order in which it visits customers without changing the data.
 */
final class RandomStreams {

    private RandomStreams() {
    }

    static SplittableRandom of(long seed, String purpose, long index) {
        long h = mix(seed ^ 0x135135135L);
        h = mix(h ^ purpose.hashCode());
        h = mix(h + index * 0x9E3779B97F4A7C15L);
        return new SplittableRandom(h);
    }

    // The finaliser of MurmurHash3: spreads nearby seeds over the whole long range.
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    static <T> T pick(RandomGenerator random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** Index drawn with probability proportional to its weight. */
    static int weighted(RandomGenerator random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static double logNormal(RandomGenerator random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** Rounds up or down at random in proportion to the fraction, so sums stay unbiased. */
    static int stochasticRound(RandomGenerator random, double x) {
        int whole = (int) Math.floor(x);
        return whole + (random.nextDouble() < x - whole ? 1 : 0);
    }
}

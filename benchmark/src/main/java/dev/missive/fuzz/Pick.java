package dev.missive.fuzz;

import java.util.List;
import java.util.Random;

/** Random choices, always from the request's own generator so that a seed gives the same run. */
final class Pick {

    private Pick() {}

    @SafeVarargs
    static <T> T one(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static <T> T one(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }
}

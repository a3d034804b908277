package dev.missive.fuzz;

import java.util.Random;

/**
 * Request number {@code i} of the run with seed {@code s}: a valid request from {@link Templates}
 * mutated by {@link Mutator}, all drawn from a generator seeded with (s, i) alone, so that any
 * request can be made again without the ones before it.
 */
public final class Fuzzer {

    private final Fixtures fixtures;
    private final long seed;

    public Fuzzer(Fixtures fixtures, long seed) {
        this.fixtures = fixtures;
        this.seed = seed;
    }

    public FuzzRequest request(int index) {
        Random random = random(seed, index);
        Templates.Template template = Templates.pick(random);
        Draft draft = template.make().apply(random, fixtures);
        Mutator.mutate(draft, random, fixtures.pools);
        String foreign = draft.token == TokenKind.FOREIGN_CLIENT
                ? fixtures.otherClientToken
                : draft.token == TokenKind.FOREIGN_REALM ? fixtures.otherRealmToken : null;
        String authorization = TokenForge.authorization(draft.token, fixtures.token(draft.caller), foreign, random);
        return draft.build(index, authorization);
    }

    /** SplitMix64 of the seed and the index: neighbouring indexes get unrelated generators. */
    static Random random(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}

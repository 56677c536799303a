/* Independent reference for gdbench's Randomness module, written from the published
 * descriptions: SplitMix64 (Steele, Lea & Flood 2014; Vigna's splitmix64.c), xoshiro256** 1.0
 * (Blackman & Vigna 2018; xoshiro256starstar.c), FNV-1a-64, Marsaglia's polar method and
 * Lemire's unbiased bounded integers, as documented in Sources/Randomness.
 *
 * Build and run:  cc -O2 -std=c99 -o /tmp/rng_reference rng_reference.c -lm && /tmp/rng_reference > rng_reference.txt
 * Output lines:   <name> <seed or label> <index> <value>   (doubles printed with %.17g)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t splitmix_mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static uint64_t splitmix_next(uint64_t *state) {
    *state += 0x9E3779B97F4A7C15ULL;
    return splitmix_mix(*state);
}

typedef struct { uint64_t s[4]; int has_spare; double spare; } xoshiro;
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static void xoshiro_seed(xoshiro *g, uint64_t seed) {
    uint64_t sm = seed;
    for (int i = 0; i < 4; i++) g->s[i] = splitmix_next(&sm);
    g->has_spare = 0;
}
static uint64_t xoshiro_next(xoshiro *g) {
    uint64_t *s = g->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}
static double unit_double(xoshiro *g) { return (double)(xoshiro_next(g) >> 11) * 0x1.0p-53; }
static double gaussian(xoshiro *g) {
    if (g->has_spare) { g->has_spare = 0; return g->spare; }
    for (;;) {
        double u = 2 * unit_double(g) - 1, v = 2 * unit_double(g) - 1;
        double s = u * u + v * v;
        if (s > 0 && s < 1) {
            double f = sqrt(-2 * log(s) / s);
            g->spare = v * f; g->has_spare = 1;
            return u * f;
        }
    }
}
static uint64_t bounded(xoshiro *g, uint64_t range) {
    __uint128_t m = (__uint128_t)xoshiro_next(g) * range;
    uint64_t low = (uint64_t)m;
    if (low < range) {
        uint64_t threshold = (0 - range) % range;
        while (low < threshold) { m = (__uint128_t)xoshiro_next(g) * range; low = (uint64_t)m; }
    }
    return (uint64_t)(m >> 64);
}
static uint64_t fnv1a64(const char *label) {
    uint64_t h = 0xCBF29CE484222325ULL;
    for (const unsigned char *p = (const unsigned char *)label; *p; p++) { h ^= *p; h *= 0x100000001B3ULL; }
    return h;
}
static uint64_t derive(uint64_t seed, const char *label) { return splitmix_mix(splitmix_mix(seed) ^ fnv1a64(label)); }

int main(void) {
    const uint64_t seeds[] = {0ULL, 1ULL, 42ULL, 0xDEADBEEFCAFEF00DULL};
    for (int k = 0; k < 4; k++) {
        uint64_t sm = seeds[k];
        for (int i = 0; i < 5; i++) printf("splitmix64 %llu %d %llu\n", (unsigned long long)seeds[k], i, (unsigned long long)splitmix_next(&sm));
        xoshiro g; xoshiro_seed(&g, seeds[k]);
        for (int i = 0; i < 10; i++) printf("xoshiro256ss %llu %d %llu\n", (unsigned long long)seeds[k], i, (unsigned long long)xoshiro_next(&g));
        xoshiro_seed(&g, seeds[k]);
        for (int i = 0; i < 5; i++) printf("unit %llu %d %.17g\n", (unsigned long long)seeds[k], i, unit_double(&g));
        xoshiro_seed(&g, seeds[k]);
        for (int i = 0; i < 7; i++) printf("gaussian %llu %d %.17g\n", (unsigned long long)seeds[k], i, gaussian(&g));
        xoshiro_seed(&g, seeds[k]);
        for (int i = 0; i < 8; i++) printf("int_below_10 %llu %d %llu\n", (unsigned long long)seeds[k], i, (unsigned long long)bounded(&g, 10));
        xoshiro_seed(&g, seeds[k]);
        /* Fisher-Yates of 0..9 (Durstenfeld, i from n-1 down to 1) */
        int a[10]; for (int i = 0; i < 10; i++) a[i] = i;
        for (int i = 9; i > 0; i--) { int j = (int)bounded(&g, (uint64_t)i + 1); int t = a[i]; a[i] = a[j]; a[j] = t; }
        for (int i = 0; i < 10; i++) printf("shuffle10 %llu %d %d\n", (unsigned long long)seeds[k], i, a[i]);
    }
    const char *labels[] = {"", "a", "quadratic[d=100,kappa=1e4,rotation=random]", "adam[lr=0.01]", "rep=3"};
    for (int k = 0; k < 5; k++) printf("fnv1a64 \"%s\" 0 %llu\n", labels[k], (unsigned long long)fnv1a64(labels[k]));
    for (int k = 0; k < 5; k++) printf("derive42 \"%s\" 0 %llu\n", labels[k], (unsigned long long)derive(42, labels[k]));
    return 0;
}

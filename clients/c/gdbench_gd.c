/* A tiny gdbench client in C (docs/protocol.md, version 1): gradient descent x <- x + (-lr) * g, whose
 * records equal the built-in sgd's. With the argument "null" it does no arithmetic at all (`evaluations`
 * gradient requests, then the unchanged iterate, per iteration), which `gdbench bench` uses to time the
 * protocol's round trip.
 *
 * Build: cc -O2 -ffp-contract=off -o gdbench_gd gdbench_gd.c   (C99 and POSIX read, writev, poll; assumes a
 * little-endian machine, as every platform gdbench runs on is). */
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* Raw read(2)/writev(2) on file descriptors 0 and 1, no stdio: one writev per message (header and
 * payload together), and reads into a preallocated buffer that usually takes a whole small frame in
 * one read(2). */
static unsigned char *payload;
static size_t capacity;
static unsigned char inbox[1 << 16];
static size_t inbox_start, inbox_end;

static void die(const char *message) {
    fprintf(stderr, "gdbench_gd: %s\n", message);
    exit(2);
}

/* Adaptive spinning (docs/protocol.md, "Waiting"): before a blocking read, check stdin with poll(2) and a
 * zero timeout, yielding the CPU between checks, for at most GDBENCH_SPIN_MICROSECONDS (default 50; 0 turns
 * it off); not at all when the previous wait was longer than that (long waits cost one budget of CPU), nor
 * for 64 waits after a sched_yield that took over 5 us (another task wanted the CPU: blocking is faster). */
static long long spin_budget_ns = -1;
static int spin_next = 1, blocked_waits = 0;

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Waits (spinning first when allowed) until stdin has bytes or end of input; read(2) then follows. */
static long long wait_start(void) {
    if (spin_budget_ns < 0) {
        const char *text = getenv("GDBENCH_SPIN_MICROSECONDS");
        char *end;
        long value = text ? strtol(text, &end, 10) : -1;
        spin_budget_ns = 1000LL * (text && *text && !*end && value >= 0 && value <= 10000 ? value : 50);
    }
    long long started = now_ns();
    if (spin_budget_ns == 0 || !spin_next) return started;
    if (blocked_waits > 0) {
        blocked_waits--;
        return started;
    }
    struct pollfd input = {0, POLLIN, 0};
    while (poll(&input, 1, 0) == 0) {
        long long now = now_ns();
        if (now - started > spin_budget_ns) return started;
        sched_yield();
        if (now_ns() - now > 5000) {
            blocked_waits = 64;
            return started;
        }
    }
    return started;
}

/* Fills `target` with `count` bytes of stdin; returns 0 at end of input before the first byte. */
static int fill(unsigned char *target, size_t count) {
    size_t filled = 0;
    while (filled < count) {
        if (inbox_start == inbox_end) {
            unsigned char *into = count - filled >= sizeof inbox ? target + filled : inbox;
            size_t room = into == inbox ? sizeof inbox : count - filled;
            long long started = wait_start();
            ssize_t got = read(0, into, room);
            spin_next = now_ns() - started <= spin_budget_ns;
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) die("read failed");
            if (got == 0) {
                if (filled == 0) return 0;
                die("truncated frame");
            }
            if (into != inbox) {
                filled += (size_t)got;
                continue;
            }
            inbox_start = 0;
            inbox_end = (size_t)got;
        }
        size_t take = inbox_end - inbox_start < count - filled ? inbox_end - inbox_start : count - filled;
        memcpy(target + filled, inbox + inbox_start, take);
        inbox_start += take;
        filled += take;
    }
    return 1;
}

/* Reads one frame; returns its length, or -1 at end of input. */
static long receive(char tag[4]) {
    unsigned char header[8];
    if (!fill(header, 8)) return -1;
    memcpy(tag, header, 4);
    uint32_t length;
    memcpy(&length, header + 4, 4);
    if (length > capacity) {
        capacity = length;
        payload = realloc(payload, capacity);
        if (!payload) die("out of memory");
    }
    if (length && !fill(payload, length)) die("truncated frame");
    return (long)length;
}

static void send(const char *tag, const void *first, size_t n1, const void *second, size_t n2) {
    unsigned char header[8];
    uint32_t length = (uint32_t)(n1 + n2);
    memcpy(header, tag, 4);
    memcpy(header + 4, &length, 4);
    struct iovec parts[3] = {{header, 8}, {(void *)first, n1}, {(void *)second, n2}};
    int count = 3, index = 0;
    while (index < count) {
        ssize_t written = writev(1, parts + index, count - index);
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) die("write failed");
        while (index < count && (size_t)written >= parts[index].iov_len) written -= (ssize_t)parts[index++].iov_len;
        if (index < count) {
            parts[index].iov_base = (char *)parts[index].iov_base + written;
            parts[index].iov_len -= (size_t)written;
        }
    }
}

int main(int argc, char **argv) {
    int null_client = argc > 1 && strcmp(argv[1], "null") == 0;
    const char *hello = null_client
        ? "{\"protocol\": 1, \"name\": \"null (clients/c)\", \"version\": \"1.0\", \"parameters\": "
          "[{\"name\": \"evaluations\", \"type\": \"integer\", \"default\": 1, \"minimum\": 1}]}"
        : "{\"protocol\": 1, \"name\": \"gd (clients/c)\", \"version\": \"1.0\", \"parameters\": "
          "[{\"name\": \"lr\", \"type\": \"number\", \"default\": 0.001, \"minimum\": 0, \"minimum-open\": true}]}";
    send("HELO", hello, strlen(hello), NULL, 0);
    char tag[4];
    long length;
    while ((length = receive(tag)) >= 0) {
        if (memcmp(tag, "RUN ", 4) != 0) die("expected RUN");
        uint64_t d;
        uint32_t count;
        memcpy(&d, payload, 8);
        memcpy(&count, payload + 44, 4);
        double *x = malloc(8 * d + 8), *request = malloc(8 * d + 8), *iterate = malloc(8 * d + 24);
        memcpy(x, payload + 48, 8 * d);
        /* The hyperparameters follow the start point and the run id: name, type byte, value. */
        double lr = 0.001, evaluations = 1;
        size_t offset = 48 + 8 * d;
        uint32_t n;
        memcpy(&n, payload + offset, 4);
        offset += 4 + n;
        for (uint32_t k = 0; k < count; k++) {
            memcpy(&n, payload + offset, 4);
            int is_lr = n == 2 && memcmp(payload + offset + 4, "lr", 2) == 0;
            int is_evaluations = n == 11 && memcmp(payload + offset + 4, "evaluations", 11) == 0;
            offset += 4 + n;
            unsigned char type = payload[offset++];
            if (type == 0) {
                if (is_lr) memcpy(&lr, payload + offset, 8);
                if (is_evaluations) memcpy(&evaluations, payload + offset, 8);
                offset += 8;
            } else if (type == 1) {
                memcpy(&n, payload + offset, 4);
                offset += 4 + n;
            } else if (type == 2) {
                offset += 1;
            } else {
                memcpy(&n, payload + offset, 4);
                offset += 4 + 8 * (size_t)n;
            }
        }
        const double step = -lr;
        memset(request, 0, 8);
        ((unsigned char *)request)[0] = 2; /* gradient */
        memset(iterate, 0, 24);
        double rate = null_client ? 0.0 / 0.0 : lr, seconds = 0.0 / 0.0;
        memcpy((char *)iterate + 8, &rate, 8);
        memcpy((char *)iterate + 16, &seconds, 8);
        for (;;) {
            for (double k = 0; k < evaluations; k++) {
                send("EVAL", request, 8, x, 8 * d);
                if (receive(tag) < 0) die("gdbench closed the pipe");
                if (memcmp(tag, "VALS", 4) != 0) die("expected VALS");
            }
            if (!null_client) {
                const double *g = (const double *)(payload + 8);
                for (uint64_t i = 0; i < d; i++) x[i] += step * g[i];
            }
            send("ITER", iterate, 24, x, 8 * d);
            if (receive(tag) < 0) die("gdbench closed the pipe");
            if (memcmp(tag, "STOP", 4) == 0) break;
            if (memcmp(tag, "CONT", 4) != 0) die("expected CONT or STOP");
        }
        free(x);
        free(request);
        free(iterate);
    }
    return 0;
}

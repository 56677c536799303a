"""The gdbench external protocol, version 1 (docs/protocol.md), with the standard library only.

A client process reads frames from stdin and writes frames to stdout. A frame is a 4-byte ASCII tag,
the payload length as little-endian u32, then the payload. Doubles are raw little-endian binary64.

Use ``serve(name, version, parameters, optimize)``: ``optimize(run)`` is called once per run with a
``Run`` whose methods ``value``, ``gradient``, ``value_and_gradient``, ``hvp`` ask gdbench for the
oracle and whose ``end_iteration(x)`` reports an iterate (it raises ``StopRun`` when gdbench says
stop; ``serve`` catches it).
"""

import array
import json
import os
import select
import signal
import struct
import sys
import time

PROTOCOL_VERSION = 1
_HEADER = struct.Struct("<4sI")
_LITTLE = sys.byteorder == "little"
_REQUESTS = {k: bytes((k, 0, 0, 0, 0, 0, 0, 0)) for k in (1, 2, 3, 4)}


def _spin_budget_ns():
    """GDBENCH_SPIN_MICROSECONDS (0 to 10 000; default 50; 0 turns spinning off), in ns."""
    text = os.environ.get("GDBENCH_SPIN_MICROSECONDS", "")
    value = int(text) if text.isdigit() else 50
    return 1000 * (value if value <= 10000 else 50)


class ClientError(Exception):
    """A protocol error on the client's side (gdbench sent something unexpected)."""


class StopRun(Exception):
    """gdbench ended the run (target reached, budget, timeout, interrupted); ``reason`` says which."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Parameter:
    """A declared hyperparameter: type is number, integer, flag, choice or numbers."""

    def __init__(self, name, type="number", default=None, minimum=None, maximum=None,
                 minimum_open=False, maximum_open=False, choices=None, summary=None):
        self.name, self.type, self.default = name, type, default
        self.minimum, self.maximum = minimum, maximum
        self.minimum_open, self.maximum_open = minimum_open, maximum_open
        self.choices, self.summary = choices, summary

    def to_json(self):
        entry = {"name": self.name, "type": self.type}
        for key, value in (("default", self.default), ("minimum", self.minimum), ("maximum", self.maximum),
                           ("choices", self.choices), ("summary", self.summary)):
            if value is not None:
                entry[key] = value
        if self.minimum_open:
            entry["minimum-open"] = True
        if self.maximum_open:
            entry["maximum-open"] = True
        return entry


def _doubles(values):
    """Raw little-endian binary64 bytes of a sequence of floats (array, list, or buffer of doubles)."""
    if isinstance(values, (bytes, bytearray, memoryview)):
        return values
    if hasattr(values, "dtype") and hasattr(values, "astype"):  # numpy: one copy, no per-element loop
        return values.astype("<f8", copy=False).tobytes()
    data = values if isinstance(values, array.array) and values.typecode == "d" else array.array("d", values)
    if not _LITTLE:
        data = array.array("d", data)
        data.byteswap()
    return data.tobytes()


def _read_doubles(buffer, offset, count):
    data = array.array("d")
    data.frombytes(buffer[offset:offset + 8 * count])
    if not _LITTLE:
        data.byteswap()
    return data


class Client:
    """The two pipes of a client: frames in from gdbench (stdin), frames out (stdout).

    Reads and writes go straight to the file descriptors (one ``write`` per frame), bypassing Python's
    buffered text layers; ``reader``/``writer`` replace them with file objects (tests).
    """

    def __init__(self, reader=None, writer=None):
        self._reader, self._writer = reader, writer
        self._in_fd = None if reader else sys.stdin.fileno()
        self._out_fd = None if writer else sys.stdout.fileno()
        self._pending = bytearray()
        # Adaptive spinning before a blocking read (docs/protocol.md, "Waiting"): poll with a zero
        # timeout, yielding the CPU between checks, for at most the budget; not when the previous wait
        # was longer than the budget, nor for 64 waits after a yield that took over 5 µs (contention).
        self._spin_budget = _spin_budget_ns() if self._in_fd is not None and hasattr(select, "poll") else 0
        self._spin_next = True
        self._blocked_waits = 0
        if self._spin_budget:
            self._poller = select.poll()
            self._poller.register(self._in_fd, select.POLLIN)

    def _wait(self):
        """Spins until stdin is readable or the budget passes (when allowed); returns when the wait began."""
        started = time.monotonic_ns()
        if not (self._spin_budget and self._spin_next):
            return started
        if self._blocked_waits:
            self._blocked_waits -= 1
            return started
        poll, budget, clock = self._poller.poll, self._spin_budget, time.monotonic_ns
        yield_cpu = getattr(os, "sched_yield", lambda: None)
        while not poll(0):
            now = clock()
            if now - started > budget:
                break
            yield_cpu()
            if clock() - now > 5000:
                self._blocked_waits = 64
                break
        return started

    def _read_blocking(self, read, *arguments):
        """``read(fd, *arguments)`` after the spin; notes whether the next wait spins."""
        started = self._wait()
        result = read(self._in_fd, *arguments)
        self._spin_next = time.monotonic_ns() - started <= self._spin_budget
        return result

    def send(self, tag, *parts):
        """One frame whose payload is the concatenation of ``parts`` (bytes-like), in one ``writev``."""
        length = sum(len(part) for part in parts)
        header = _HEADER.pack(tag, length)
        if self._writer is not None:
            self._writer.write(header + b"".join(parts))
            self._writer.flush()
            return
        written = os.writev(self._out_fd, (header,) + parts)
        if written < 8 + length:  # a partial write (a signal): send the rest
            view = memoryview(header + b"".join(parts))[written:]
            while view:
                view = view[os.write(self._out_fd, view):]

    def _read(self, count):
        """Exactly ``count`` bytes, or fewer at end of input. Small reads are served from one buffered
        ``os.read``; large payloads are read straight into their own buffer (``os.readv``), without
        the allocation of a full-size ``bytes`` per pipe chunk."""
        if self._reader is not None:
            return self._reader.read(count)
        pending = self._pending
        if count > 65536:
            buffer = bytearray(count)
            view = memoryview(buffer)
            filled = min(len(pending), count)
            view[:filled] = pending[:filled]
            del pending[:filled]
            while filled < count:
                got = self._read_blocking(os.readv, [view[filled:]])
                if not got:
                    return bytes(buffer[:filled])
                filled += got
            return buffer
        while len(pending) < count:
            chunk = self._read_blocking(os.read, 65536)
            if not chunk:
                break
            pending += chunk
        data = bytes(pending[:count])
        del pending[:count]
        return data

    def receive(self):
        """(tag, payload), or (None, None) at end of input (gdbench closed the pipe)."""
        header = self._read(8)
        if not header:
            return None, None
        if len(header) < 8:
            raise ClientError("truncated frame header")
        tag, length = _HEADER.unpack(header)
        payload = self._read(length) if length else b""
        if len(payload) < length:
            raise ClientError("truncated frame payload")
        return tag, payload

    def hello(self, name, version, parameters):
        document = {"protocol": PROTOCOL_VERSION, "name": name, "version": version,
                    "parameters": [p.to_json() if isinstance(p, Parameter) else p for p in parameters]}
        self.send(b"HELO", json.dumps(document).encode())


class Run:
    """One run: its id, dimension d, start point x0, hyperparameters, seed and budget, and the ask/tell calls.

    Every call is one message to gdbench, which counts it (``value``: one f; ``gradient``: one ∇f,
    a mini-batch estimate in stochastic runs; ``value_and_gradient``: one f and one exact ∇f;
    ``hvp``: one Hessian-vector product). Vectors are ``array('d')`` (or numpy arrays via the
    adapters' helpers); any sequence of floats is accepted as input.
    """

    def __init__(self, client, payload):
        self._client = client
        d, seed, max_iterations, max_gradients, timeout, flags, count = struct.unpack_from("<QQQqdII", payload, 0)
        self.dimension = d
        self.seed = seed
        self.max_iterations = max_iterations
        self.max_gradient_evaluations = None if max_gradients < 0 else max_gradients
        self.timeout = None if timeout != timeout else timeout
        self.stochastic = bool(flags & 1)
        offset = 48
        self.x0 = _read_doubles(payload, offset, d)
        offset += 8 * d
        self.id, offset = self._text(payload, offset)
        self.parameters, offset = _read_parameters(payload, offset, count)
        self.iteration = 0
        self.stopped = None
        self._own_time = 0.0
        self._since = time.perf_counter()

    @staticmethod
    def _text(payload, offset):
        (n,) = struct.unpack_from("<I", payload, offset)
        return payload[offset + 4:offset + 4 + n].decode(), offset + 4 + n

    def _ask(self, request, x, v=None):
        now = time.perf_counter()
        self._own_time += now - self._since
        if v is None:
            self._client.send(b"EVAL", _REQUESTS[request], _doubles(x))
        else:
            self._client.send(b"EVAL", _REQUESTS[request], _doubles(x), _doubles(v))
        tag, answer = self._client.receive()
        self._since = time.perf_counter()
        if tag == b"STOP":
            raise StopRun(answer.decode())
        if tag != b"VALS":
            raise ClientError("expected VALS, found %r" % (tag,))
        return answer

    def value(self, x):
        """f(x) (one function evaluation)."""
        return struct.unpack_from("<d", self._ask(1, x))[0]

    def gradient(self, x):
        """∇f(x), or its mini-batch / noisy estimate in a stochastic run (one gradient evaluation)."""
        return _read_doubles(self._ask(2, x), 8, self.dimension)

    def value_and_gradient(self, x):
        """(f(x), ∇f(x)), exact (one function and one gradient evaluation)."""
        answer = self._ask(3, x)
        return struct.unpack_from("<d", answer)[0], _read_doubles(answer, 8, self.dimension)

    def hvp(self, x, v):
        """∇²f(x)·v (one Hessian-vector product)."""
        return _read_doubles(self._ask(4, x, v), 0, self.dimension)

    def end_iteration(self, x, learning_rate=float("nan"), finished=False):
        """Reports the iterate at the end of an iteration. Returns when gdbench says continue; raises
        ``StopRun`` when it says stop (and always after ``finished=True``, the optimizer's own end)."""
        now = time.perf_counter()
        self._own_time += now - self._since
        header = struct.pack("<B7xdd", 1 if finished else 0, learning_rate, self._own_time)
        self._own_time = 0.0
        self._client.send(b"ITER", header, _doubles(x))
        self.iteration += 1
        tag, answer = self._client.receive()
        self._since = time.perf_counter()
        if tag == b"CONT":
            if finished:
                raise ClientError("gdbench said continue after the optimizer finished")
            return
        if tag == b"STOP":
            self.stopped = answer.decode()
            raise StopRun(self.stopped)
        raise ClientError("expected CONT or STOP, found %r" % (tag,))


def _read_parameters(payload, offset, count):
    """``count`` parameters from ``offset`` (key, type byte 0 number / 1 text / 2 flag / 3 numbers, value) as a
    dict; returns it and the offset after them. An unknown type is a ``ClientError``."""
    parameters = {}
    for _ in range(count):
        key, offset = Run._text(payload, offset)
        kind = payload[offset]
        offset += 1
        if kind == 0:
            (value,) = struct.unpack_from("<d", payload, offset)
            offset += 8
        elif kind == 1:
            value, offset = Run._text(payload, offset)
        elif kind == 2:
            value = bool(payload[offset])
            offset += 1
        elif kind == 3:
            (n,) = struct.unpack_from("<I", payload, offset)
            value = list(struct.unpack_from("<%dd" % n, payload, offset + 4))
            offset += 4 + 8 * n
        else:
            raise ClientError("unknown parameter type %d" % kind)
        parameters[key] = value
    return parameters, offset


def announce(name, version, parameters, client=None):
    """Announces the client (``HELLO``), then yields ``(client, payload)`` for every ``RUN`` gdbench sends until
    end of input. Ctrl-C ends the client at once (gdbench owns the interrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    client = client or Client()
    client.hello(name, version, parameters)
    while True:
        tag, payload = client.receive()
        if tag is None:
            return
        if tag != b"RUN ":
            raise ClientError("expected RUN, found %r" % (tag,))
        yield client, payload


def serve(name, version, parameters, optimize, client=None):
    """Announces the client, then runs ``optimize(run)`` for every run gdbench sends until end of input.

    ``optimize`` should loop until ``run.end_iteration`` raises ``StopRun``; if it returns first, the
    run ends as the optimizer's own stop (``finished``). An exception other than ``StopRun`` is
    reported to gdbench with ``FAIL`` (the run gets status error) and the client waits for the next run.
    """
    for client, payload in announce(name, version, parameters, client):
        run = Run(client, payload)
        try:
            result = optimize(run)
            # The optimizer stopped on its own: report its last iterate as the final one.
            final = result if result is not None else getattr(run, "last_x", None)
            if final is None:
                raise ClientError("optimize returned without an iterate; return the final x")
            run.end_iteration(final, finished=True)
        except StopRun:
            continue
        except Exception as error:  # reported to gdbench, which records status error
            import traceback
            traceback.print_exc(file=sys.stderr)
            client.send(b"FAIL", ("%s: %s" % (type(error).__name__, error)).encode()[:4000])


def main_guard(function):
    """Runs ``function()`` and exits quietly on Ctrl-C or a closed pipe (gdbench went away)."""
    try:
        function()
    except (KeyboardInterrupt, BrokenPipeError):
        try:
            sys.stdout = None
        finally:
            os._exit(130)

"""A test client whose handshake is broken in the way argv[1] says."""
import json
import struct
import sys

mode = sys.argv[1]
out = sys.stdout.buffer
if mode == "version":
    body = json.dumps({"protocol": 99, "name": "x", "version": "1", "parameters": []}).encode()
elif mode == "json":
    body = b"{not json"
elif mode == "type":
    body = json.dumps({"protocol": 1, "name": "x", "version": "1",
                       "parameters": [{"name": "lr", "type": "complex"}]}).encode()
else:
    out.write(b"garbage!")
    out.flush()
    sys.exit(0)
out.write(b"HELO" + struct.pack("<I", len(body)) + body)
out.flush()
sys.stdin.buffer.read()

"""gdbench_client: optimizers in Python benchmarked by gdbench over its pipe protocol (docs/protocol.md).

The core (this package's ``protocol`` and ``asktell`` modules) uses only the standard library.
Adapters: ``gdbench_client.torch`` (any torch.optim class), ``gdbench_client.optax`` (any optax alias),
``gdbench_client.scipy`` (any scipy.optimize.minimize method).
"""

from .protocol import (PROTOCOL_VERSION, Client, Parameter, Run, StopRun, ClientError, serve)

__all__ = ["PROTOCOL_VERSION", "Client", "Parameter", "Run", "StopRun", "ClientError", "serve"]
__version__ = "0.1.0"

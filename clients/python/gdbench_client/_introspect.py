"""Hyperparameter declarations from a library function's signature (shared by the adapters)."""

import inspect

from .protocol import Parameter


def parameters_from_signature(function, skip=(), required=(), choices=None):
    """One Parameter per keyword argument with a float, int, bool or tuple-of-numbers default.

    Arguments named in ``skip`` and those whose default is None, non-finite or another type are left
    out (the library's own default applies); an int default of 0 is declared as a number (torch's
    ``momentum=0``); ``required`` names are declared without a default; ``choices``
    maps a name to (words, default word).
    """
    declared = []
    for name, parameter in inspect.signature(function).parameters.items():
        if name in skip or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        default = parameter.default
        if choices and name in choices:
            words, word = choices[name]
            declared.append(Parameter(name, "choice", default=word, choices=words))
        elif name in required:
            declared.append(Parameter(name, "number", summary="required"))
        elif isinstance(default, bool):
            declared.append(Parameter(name, "flag", default=default))
        elif isinstance(default, int) and default != 0:
            declared.append(Parameter(name, "integer", default=default))
        elif isinstance(default, int):  # torch writes momentum=0, weight_decay=0: a real number
            declared.append(Parameter(name, "number", default=float(default)))
        elif isinstance(default, float) and default != default or default in (float("inf"), float("-inf")):
            continue  # no JSON for NaN or ±∞ (scipy's norm=inf): the library's default applies
        elif isinstance(default, float):
            declared.append(Parameter(name, "number", default=default))
        elif isinstance(default, tuple) and default and all(isinstance(v, (int, float)) for v in default):
            declared.append(Parameter(name, "numbers", default=[float(v) for v in default]))
    return declared


def arguments(run, declared):
    """The run's hyperparameters converted back to the library's types."""
    values = {}
    for parameter in declared:
        if parameter.name not in run.parameters:
            continue
        value = run.parameters[parameter.name]
        if parameter.type == "integer":
            value = int(value)
        elif parameter.type == "numbers":
            value = tuple(value)
        elif parameter.type == "choice" and value == "none":
            value = None
        values[parameter.name] = value
    return values

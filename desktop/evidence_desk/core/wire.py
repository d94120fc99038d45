"""The wire between the parent and its sandbox workers: length-framed MessagePack, no pickle.

A worker parses hostile files, so everything it sends is treated as an attack: a frame
longer than the entry point allows is refused from its 4-byte header, before a byte of
its body is read or allocated (multiprocessing's `recv_bytes(maxlength)`); the body is
decoded by `msgspec` straight into the type the entry point declares, so a reply can
only ever become plain data of that shape — never an object that runs code, as an
unpickled reply could. Anything else (a truncated frame, the wrong shape, a stray
pickle) is a `WorkerError`, and the worker that sent it is stopped.

Entry points are `EntryPoint` constants (see `core/entry_points.py`): the parent
never imports the worker-side module (PyMuPDF stays out of the CLI and window
processes), yet each call names its reply type, so the decoder knows what to accept."""

from __future__ import annotations

import contextlib
import inspect
import typing
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Generic, TypeVar

import msgspec

from evidence_desk.core.errors import EvidenceDeskError, RefusedFileError, WorkerError

R = TypeVar("R")

# A request comes from the trusted parent; in an encrypted case it carries a whole
# decrypted original (core/pdf/source.py), up to the import limit of 2 GiB.
MAX_REQUEST = 2 * 1024**3 + 64 * 1024 * 1024
DEFAULT_MAX_REPLY = 256 * 1024 * 1024
MAX_DETAIL = 2000  # characters of an error message a worker may send

OK, USER, MEMORY, ERROR = "ok", "user", "memory", "error"


@dataclass(frozen=True)
class EntryPoint(Generic[R]):
    """A function a worker may run, and the type its reply is decoded into."""

    module: str
    function: str
    returns: Any
    max_reply: int = DEFAULT_MAX_REPLY
    _registry: typing.ClassVar[dict[str, EntryPoint[Any]]] = {}

    def __post_init__(self) -> None:
        EntryPoint._registry[self.name] = self

    @property
    def name(self) -> str:
        return f"{self.module}.{self.function}"

    @classmethod
    def named(cls, name: str) -> EntryPoint[Any]:
        """The registered entry point called `name` (for callers that still pass a dotted string)."""
        from evidence_desk.core import entry_points  # noqa: F401  (registers the application's entries)

        try:
            return cls._registry[name]
        except KeyError:
            raise TypeError(f"{name} is not a registered sandbox entry point") from None


class Request(msgspec.Struct, array_like=True, frozen=True):
    entry: str
    args: list[Any]
    kwargs: dict[str, Any]


class Reply(msgspec.Struct, array_like=True, frozen=True):
    status: str
    payload: msgspec.Raw = msgspec.Raw(b"\xc0")  # MessagePack nil
    detail: str = ""
    kind: str = ""  # the EvidenceDeskError class of a "user" reply
    code: str = ""  # RefusedFileError.code


def _enc_hook(obj: Any) -> Any:
    if isinstance(obj, PurePath):
        return str(obj)
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=repr)
    if isinstance(obj, memoryview):
        return obj.tobytes()
    raise NotImplementedError(f"{type(obj).__name__} cannot cross the sandbox wire")


_encoder = msgspec.msgpack.Encoder(enc_hook=_enc_hook)
_request_decoder = msgspec.msgpack.Decoder(Request)
_reply_decoder = msgspec.msgpack.Decoder(Reply)


def encode_request(entry: EntryPoint[Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> bytes:
    return _encoder.encode(Request(entry.name, list(args), kwargs))


def decode_request(data: bytes) -> Request:
    return _request_decoder.decode(data)


def encode_result(result: Any) -> bytes:
    return _encoder.encode(Reply(OK, msgspec.Raw(_encoder.encode(result))))


def encode_failure(status: str, detail: str, exc: BaseException | None = None) -> bytes:
    kind = type(exc).__name__ if isinstance(exc, EvidenceDeskError) else ""
    code = getattr(exc, "code", "") if isinstance(exc, RefusedFileError) else ""
    return _encoder.encode(Reply(status, detail=detail[:MAX_DETAIL], kind=kind, code=str(code)))


def decode_reply(data: bytes) -> Reply:
    try:
        return _reply_decoder.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise WorkerError(f"the worker sent a malformed reply ({_short(exc)})") from None


def decode_result(entry: EntryPoint[R], reply: Reply) -> R:
    try:
        return typing.cast(R, msgspec.msgpack.decode(reply.payload, type=entry.returns))
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise WorkerError(f"the worker's reply to {entry.function} is not what it must be ({_short(exc)})") from None


def _user_errors() -> dict[str, type[EvidenceDeskError]]:
    """Every EvidenceDeskError class this process knows (core.errors and any module's own)."""
    found: dict[str, type[EvidenceDeskError]] = {}
    todo: list[type[EvidenceDeskError]] = [EvidenceDeskError]
    while todo:
        cls = todo.pop()
        found.setdefault(cls.__name__, cls)
        todo.extend(cls.__subclasses__())
    return found


def user_error(reply: Reply) -> EvidenceDeskError:
    """The error a worker reported, rebuilt from its class name and message (never unpickled)."""
    cls = _user_errors().get(reply.kind, EvidenceDeskError)
    if cls is RefusedFileError:
        return RefusedFileError(reply.detail, reply.code or "malformed")
    try:
        return cls(reply.detail)
    except TypeError:  # pragma: no cover - a subclass with a richer constructor
        return EvidenceDeskError(reply.detail)


def convert_arguments(func: Any, args: list[Any], kwargs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """Worker side: turn decoded plain data back into the parameter types the function
    declares (dataclasses, tuples), so entry points keep their typed signatures."""
    try:
        signature = inspect.signature(func)
        hints = typing.get_type_hints(func)
        bound = signature.bind(*args, **kwargs)
    except (TypeError, ValueError, NameError):  # a builtin, or no usable annotations
        return args, kwargs
    for name, value in list(bound.arguments.items()):
        hint = hints.get(name)
        if hint is None or signature.parameters[name].kind in (
                inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue
        with contextlib.suppress(TypeError):  # a type msgspec does not model (Iterable): pass as sent
            bound.arguments[name] = msgspec.convert(value, hint, strict=False)
    return list(bound.args), dict(bound.kwargs)


def _short(exc: BaseException) -> str:
    return str(exc)[:200]


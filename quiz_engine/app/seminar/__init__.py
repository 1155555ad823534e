"""The seminar: one facilitator runs a scenario or bank on a projector; tables hand in by QR.

Pure like the rest of the engine: the state of a seminar (``state``), its timer (``timer``),
the tables' QR payload (``payload``), how both are kept on the device (``records``) and the
messages of the facilitator's and the tables' screens (``desk``). The shell sends keys, clicks,
decoded QR texts and the time; it decides nothing.
"""

from .payload import VERSION, PayloadError, decode, encode
from .state import (
    ASK,
    REVEAL,
    STORY,
    SUMMARY,
    Seminar,
    Step,
    cards,
    steps,
    tally,
)
from .timer import Timer

__all__ = [
    "ASK",
    "REVEAL",
    "STORY",
    "SUMMARY",
    "VERSION",
    "PayloadError",
    "Seminar",
    "Step",
    "Timer",
    "cards",
    "decode",
    "encode",
    "steps",
    "tally",
]

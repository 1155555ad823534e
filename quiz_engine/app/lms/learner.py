"""Whose device copy it is, in an LMS: one tablet or library PC, many learners.

The progress this device keeps of an LMS's quiz belongs to the learner the LMS launched it for
(``cmi.core.student_id``). The device stores only a one-way hash of that id (``owner:<quiz>``),
never the id. At a launch:

- the device copy of another learner, or of nobody known (saved outside an LMS, or before
  learners were told apart, or by an LMS that gives no id), is never reported, shown or resumed:
  another learner's copy is kept for them (``lms-kept:<hash>:<quiz>``) and comes back when the
  LMS launches the quiz for them again on this device; a copy of nobody known is set aside
  (``aside:``);
- an LMS that starts a new attempt (``cmi.core.entry`` = ``ab-initio``) with no saved progress
  starts fresh: the learner's own device copy is set aside;
- a learner without an id (the LMS gives none) gets only what the LMS holds.

What a device keeps of a learner who is gone is what they left on it, under their hash, until
the same learner is launched there again or the app's data on the device is deleted (the
about screen's button); the about screen says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OWNER = "owner:"
KEPT = "lms-kept:"
AB_INITIO = "ab-initio"
_SALT = "folkevalgt-quiz:lms-learner:"


def learner_hash(student_id: str) -> str:
    """A one-way hash of the LMS's learner id (``""`` for none): 32 hex digits."""
    if not student_id:
        return ""
    import hashlib  # only in an LMS launch: not frozen into the start-up snapshot

    return hashlib.sha256((_SALT + student_id).encode("utf-8")).hexdigest()[:32]


@dataclass
class Claim:
    """What a launch does to this device's records before the quiz resumes."""

    writes: dict[str, str | None] = field(default_factory=dict)
    # The device copy this learner may use (the raw session record), or None.
    own: str | None = None


def claim(
    quiz_id: str,
    records: dict[str, str],
    learner: str,
    entry: str,
    suspend_data: str,
    now: int,
) -> Claim:
    """Decide, for the learner with hash ``learner``, which device copy of ``quiz_id`` is theirs
    and where every other copy goes. ``records`` are the device's (as read at start-up)."""
    out = Claim()
    key, owner_key = f"session:{quiz_id}", OWNER + quiz_id
    local, owner = records.get(key), records.get(owner_key, "")
    if local is not None and (not learner or owner != learner):
        if owner and owner != learner:
            out.writes[f"{KEPT}{owner}:{quiz_id}"] = local  # theirs, for when they come back
        else:
            out.writes[f"aside:{quiz_id}:{now}"] = local
        out.writes[key] = None
        local = None
    if local is None and learner:
        kept = records.get(f"{KEPT}{learner}:{quiz_id}")
        if kept is not None:
            out.writes[f"{KEPT}{learner}:{quiz_id}"] = None
            out.writes[key] = kept
            local = kept
    if local is not None and entry == AB_INITIO and not suspend_data:
        # The LMS starts this learner's attempt anew: the old one is set aside, not resumed.
        out.writes[f"aside:{quiz_id}:{now}"] = local
        out.writes[key] = None
        local = None
    out.writes[owner_key] = learner or None
    out.own = local
    return out


__all__ = ["AB_INITIO", "KEPT", "OWNER", "Claim", "claim", "learner_hash"]

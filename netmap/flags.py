"""Flags: what the measures mean for a partnership (METHODS.md, Flags).

Thresholds are named settings (``Settings``), not literals in the code.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .model import canonical_kind

__all__ = ["Settings", "partnership_flags", "coordinators_only", "closing_trend", "FLAG_CODES"]

FLAG_CODES = (
    "NO_CORE",
    "ISOLATED_ACTORS",
    "CLOSING_IN",
    "UNINTEGRATED_COLLABORATIONS",
    "NO_FAR_REACH",
    "WEAK_FAR_REACH",
    "NO_NEAR_REACH",
    "NO_POLITICAL_ANCHOR",
    "WEAK_PARTICIPATION",
    "SPANNER_DEPENDENCY",
    "COORDINATORS_ONLY",
    "CLOSING_TREND",
)


@dataclass(frozen=True)
class Settings:
    """Thresholds of the flags, with the defaults of METHODS.md."""

    closing_in_below: float = 0.0  # CLOSING_IN when the core E-I < this
    closing_in_high_at: float = -0.5  # ... and severity high when <= this
    unintegrated_min_count: int = 2  # UNINTEGRATED_COLLABORATIONS needs this many
    unintegrated_min_share: float = 0.5  # ... and at least this share
    political_anchor_steps: int = 2  # NO_POLITICAL_ANCHOR looks this far
    closing_trend_drop: float = 0.2  # CLOSING_TREND when E-I fell by this much
    tolerance: float = 1e-9


def partnership_flags(net, partnership, iso, dependency, reach_political, settings=Settings()):
    """All flags of one network except CLOSING_TREND (which needs a series).

    Returns a list of ``{"code", "severity", "actors", "params"}``, free of language:
    :func:`netmap.present.report.flag_message` says a flag in words.
    """
    flags = []
    off = [v for v, d in iso.items() if d["isolated"] or d["detached"]]
    if partnership is None:
        flags.append({"code": "NO_CORE", "severity": "info", "actors": [], "params": {}})
        if off:
            flags.append({"code": "ISOLATED_ACTORS", "severity": "warning", "actors": off, "params": {}})
        return flags
    core = partnership["members"]
    if off:
        flags.append({"code": "ISOLATED_ACTORS", "severity": "warning", "actors": off, "params": {}})
    ei = partnership["ei_index"]
    if ei is not None and ei < settings.closing_in_below:
        flags.append(
            {
                "code": "CLOSING_IN",
                "severity": "high" if ei <= settings.closing_in_high_at else "warning",
                "actors": list(core),
                "params": {"ei": ei, "exp": partnership["expected_ei"]},
            }
        )
    un, share = partnership["unintegrated"], partnership["unintegrated_share"]
    if (
        share is not None
        and len(un) >= settings.unintegrated_min_count
        and share >= settings.unintegrated_min_share - settings.tolerance
    ):
        flags.append(
            {
                "code": "UNINTEGRATED_COLLABORATIONS",
                "severity": "warning",
                "actors": list(un),
                "params": {"m": partnership["tied_to_core"], "share": share},
            }
        )
    far, near = partnership["far_reach"], partnership["near_reach"]
    if far["2"] == 0:
        flags.append({"code": "NO_FAR_REACH", "severity": "high", "actors": list(core), "params": {}})
    elif far["1"] == 0:
        flags.append(
            {"code": "WEAK_FAR_REACH", "severity": "warning", "actors": list(core), "params": {"f2": far["2"]}}
        )
    if near["1"] == 0:
        flags.append({"code": "NO_NEAR_REACH", "severity": "warning", "actors": list(core), "params": {}})
    if not reach_political:
        flags.append({"code": "NO_POLITICAL_ANCHOR", "severity": "warning", "actors": list(core), "params": {}})
    members = set(core)
    by_id = {a.id: a for a in net.actors}

    def participant(a):
        return a.sector == "citizen" or canonical_kind(a.kind) == "volunteer"

    if not any(participant(by_id[v]) for v in core):
        outside = [a.id for a in net.actors if a.id not in members and participant(a)]
        flags.append({"code": "WEAK_PARTICIPATION", "severity": "warning", "actors": outside, "params": {}})
    if dependency:
        flags.append(
            {
                "code": "SPANNER_DEPENDENCY",
                "severity": "high",
                "actors": list(dependency),
                "params": {"dependency": dependency},
            }
        )
    return flags


def coordinators_only(overlaps):
    """COORDINATORS_ONLY from :func:`netmap.overlap.overlaps`, or None.

    Raised when the network has public and civil actors, every active tie between a public and a
    civil actor (if any) has a coordinator at one end, and no third arena joins the two sectors.
    Its actors are the coordinators on those ties; ``params["ties"]`` counts the ties.
    """
    o = overlaps
    if not (o["public"] and o["civil"]) or o["without_coordinator"] or o["joining_arenas"]:
        return None
    return {
        "code": "COORDINATORS_ONLY",
        "severity": "warning",
        "actors": list(o["coordinators"]),
        "params": {"ties": o["public_civil_ties"]},
    }


def closing_trend(points, settings=Settings()):
    """CLOSING_TREND between consecutive snapshots.

    ``points`` is a list of ``(label, core_ei)`` in time order. A flag is
    raised for each consecutive pair whose E-I fell by ``closing_trend_drop``
    or more (compared with a 1e-9 tolerance); undefined values are skipped.
    """
    flags = []
    for (old, a), (new, b) in itertools.pairwise(points):
        if a is None or b is None:
            continue
        if a - b >= settings.closing_trend_drop - settings.tolerance:
            flags.append(
                {
                    "code": "CLOSING_TREND",
                    "severity": "warning",
                    "actors": [],
                    "params": {"old": old, "new": new, "a": a, "b": b},
                }
            )
    return flags

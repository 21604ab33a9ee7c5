"""Emission arithmetic over plan data, in t CO2e per year: figures, target levels, pathways.

`records` reads figures, `targets` turns every target shape into a level, `pathways` sets the
action pathway against targets (manko) and actions (consistency). The names are re-exported so
checks read `em.required_level` whatever module holds it.
"""

from capf.engine.emissions.pathways import (
    Explained,
    Gap,
    action_effects,
    counts_inside,
    explained_years,
    manko_gaps,
)
from capf.engine.emissions.records import (
    BAU,
    INVENTORY,
    NET_ZERO,
    PATHWAY,
    POPULATION,
    SECTOR_NEUTRALITY,
    TARGETS,
    Level,
    Record,
    get,
    group_value,
    items,
    located,
    number,
    record_for,
    scenario_level,
    sector_value,
    total_of,
)
from capf.engine.emissions.targets import (
    Cut,
    inside_share,
    is_split,
    milestone_years,
    population_for,
    required_level,
    sector_cut,
    target_level,
    target_sectors,
    targets_for,
)

__all__ = [
    "BAU", "INVENTORY", "NET_ZERO", "PATHWAY", "POPULATION", "SECTOR_NEUTRALITY", "TARGETS", "Cut",
    "Explained", "Gap", "Level", "Record", "action_effects", "counts_inside", "explained_years",
    "get", "group_value", "inside_share", "is_split", "items", "located", "manko_gaps",
    "milestone_years", "number", "population_for", "record_for", "required_level",
    "scenario_level", "sector_cut", "sector_value", "target_level", "target_sectors",
    "targets_for", "total_of"]

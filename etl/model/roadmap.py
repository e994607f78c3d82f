"""The roadmap as a tree, as the SDIS 78 draws its « feuilles de route »: axis (the ambition) →
group (the pilot structure) → action, each node with its actions, late ones, mean progress and a
light. Read from the action list at D (etl.model.actions_budget.action_list), so a node's figures are its
actions' figures."""

from __future__ import annotations

import pandas as pd

from etl.model.actions_budget import action_list

# An aggregate node's light: red when this share of its actions or more are late, amber when some are.
RED_SHARE = 0.25
COLUMNS = [
    "id",
    "parent",
    "level",
    "label",
    "actions",
    "late",
    "done",
    "progress_pct",
    "light",
    "due_on",
    "status",
    "owner_name",
]


def roadmap(con, as_of) -> pd.DataFrame:
    """One row per node in reading order (an axis, then its groups, each followed by its actions):
    id, parent ('' for an axis), level (axis, group, action), label (None: not given), actions, late,
    done, progress_pct (mean at D), light, and for an action its due_on, status and owner_name."""
    actions = action_list(con, as_of)
    actions["axis_id"] = "axis:" + actions["axis"].fillna("")
    actions["group_id"] = actions["axis_id"] + "/group:" + actions["group"].fillna("")
    rows = []
    for axis_id, in_axis in actions.groupby("axis_id", sort=True, dropna=False):
        rows.append(_node(axis_id, "", "axis", in_axis["axis"].iloc[0], in_axis))
        for group_id, in_group in in_axis.groupby("group_id", sort=True, dropna=False):
            rows.append(_node(group_id, axis_id, "group", in_group["group"].iloc[0], in_group))
            rows.extend(_leaf(group_id, action) for action in in_group.itertuples(index=False))
    return pd.DataFrame(rows, columns=COLUMNS)


def _node(node_id: str, parent: str, level: str, label, actions: pd.DataFrame) -> dict:
    """An axis or a group: its actions' counts, mean progress and light."""
    late = int(actions["late"].sum())
    light = "red" if late >= RED_SHARE * len(actions) else "amber" if late else "green"
    return {
        "id": node_id,
        "parent": parent,
        "level": level,
        "label": _text(label),
        "actions": len(actions),
        "late": late,
        "done": int((actions["status"] == "done").sum()),
        "progress_pct": actions["progress_pct"].astype(float).mean(),
        "light": light,
        "due_on": actions["due_on"].max(),
        "status": None,
        "owner_name": None,
    }


def _leaf(parent: str, action) -> dict:
    return {
        "id": f"action:{action.action_id}",
        "parent": parent,
        "level": "action",
        "label": action.title,
        "actions": 1,
        "late": int(action.late),
        "done": int(action.status == "done"),
        "progress_pct": action.progress_pct,
        "light": action.light,
        "due_on": action.due_on,
        "status": action.status,
        "owner_name": action.owner_name,
    }


def _text(value):
    return None if value is None or value != value or value == "" else value

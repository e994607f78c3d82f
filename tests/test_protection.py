"""etl.protection.suppression on tables small enough to protect by hand: each case says, in a
comment, which cells hide and why; the rule's 5 is written here, not read from the code."""

from __future__ import annotations

import numpy as np

from etl.protection.suppression import Grid, Table, plain_rule, protect

# A whole W of three directions A, B, C (cells 0 W, 1 A, 2 B, 3 C): W = A + B + C.
FLAT = Grid([-1, 0, 0, 0])


def hidden(mask) -> list[int]:
    return np.flatnonzero(mask).tolist()


def test_a_small_cell_hides_with_its_smallest_sibling():
    # A (3) is under 5; W = A + B + C would give it away, so the smallest shown part hides too: B (5,
    # before C's 6). A + B = 14 - 6 = 8 then, and A can be 3 or 4 (B 5 or 4): both keep two values.
    assert hidden(protect(FLAT, [[14, 3, 5, 6]], 5, keep=[0])) == [1, 2]


def test_a_small_group_whose_count_the_totals_fix_hides_one_more_cell():
    # Favourable: W 6 of 14, A 0 of 3, B 0 of 5, C 6 of 6. With A and B hidden, A + B = 6 - 6 = 0:
    # A's 0 is the only value left, and W's 43 % does not say it. The cell sharing a relation with A
    # hides: C (W, the whole, is kept). Then A + B + C = 6 lets A be 1 (B 0, C 5).
    counts = [[([6, 0, 0, 6], [14, 3, 5, 6])]]
    assert hidden(protect(FLAT, [[14, 3, 5, 6]], 5, counts=counts, keep=[0])) == [1, 2, 3]
    # The plain rule alone stops at A and B.
    assert hidden(plain_rule(FLAT, [[14, 3, 5, 6]], 5, counts=counts, keep=[0])) == [1, 2]


def test_a_count_the_shown_whole_already_says_is_let_be():
    # Nobody is favourable: W reads 0 %, which says A's 0 for every part; nothing more hides.
    counts = [[([0, 0, 0, 0], [14, 3, 5, 6])]]
    assert hidden(protect(FLAT, [[14, 3, 5, 6]], 5, counts=counts, keep=[0])) == [1, 2]


def test_one_pattern_for_every_item():
    # Item 1: A is 3; item 2: C is 3. Both hide in both items; W = A + B + C then holds two hidden
    # cells of 9 respondents in each item (3 + 6, 6 + 3): B stays shown.
    assert hidden(protect(FLAT, [[14, 3, 5, 6], [14, 6, 5, 3]], 5, keep=[0])) == [1, 3]


def test_a_cell_hidden_from_the_start_is_protected_like_a_small_one():
    # B (5) starts hidden (hidden in another table): it needs a partner, the smallest shown part C.
    start = [False, False, True, False]
    assert hidden(protect(FLAT, [[24, 13, 5, 6]], 5, start=start, keep=[0])) == [2, 3]


def test_a_breakdown_hides_both_groups_of_a_row():
    # Rows W, X, Y (X, Y in W); columns everyone (0), non-members (1), members (2); cell = column × 3 + row.
    # Non-members: W 3, X 2, Y 1, all under 5. Each row's everyone = non-members + members would give
    # the members' count away, so members hide too (W 17, X 10, Y 7). Everyone's column stays shown:
    # X's non-members can be 1 to 7 (Y's 8 - X's... moves one non-member from X to Y, one member back).
    grid = Grid([-1, 0, 0], breakdowns=1)
    sizes = [[20, 12, 8, 3, 2, 1, 17, 10, 7]]
    assert hidden(protect(grid, sizes, 5, keep=[0])) == [3, 4, 5, 6, 7, 8]


def test_moves_clear_what_can_move_and_leave_what_cannot():
    # A and B hidden, respondents between 1 and 14: one respondent from B to A (3 → 4, 5 → 4) fits.
    open_ = np.array([False, True, True, False])
    moved = FLAT.moved([14, 3, 5, 6], np.ones(4), np.full(4, 14), open_, np.ones(4, dtype=bool))
    assert hidden(moved) == [1, 2]
    # Favourable counts of 0 and 0, between 0 and their answers: a move would take B to -1.
    moved = FLAT.moved([6, 0, 0, 6], np.zeros(4), [14, 3, 5, 6], open_, np.ones(4, dtype=bool))
    assert hidden(moved) == []


def test_the_audit_catches_what_pairs_miss():
    # Cells a, b, c (0–2) and the shown pair totals a + b (3), b + c (4), a + c (5): a (3) hides, then
    # its partners b (6, for a + b) and c (6, for a + c). Then a + b = 9, b + c = 12, a + c = 9 fix
    # a = 3: the smallest shown cell sharing a relation with a hides, a + b (9, before a + c's 9).
    # Then a = 4, b = 7, c = 5, a + b = 11 also fits: every hidden cell keeps two values.
    table = Table(6, [(3, [0, 1]), (4, [1, 2]), (5, [0, 2])])
    assert hidden(protect(table, [[3, 6, 6, 9, 12, 9]], 5)) == [0, 1, 2, 3]


def test_an_item_without_the_breakdown_columns_has_no_relation_through_them():
    # Rows W, X, Y; columns everyone (0), non-members (1), members (2); cell = column × 3 + row.
    # Item 1 is the respondents table: everyone's column only (X 3, Y 17). Item 2 has all three:
    # X 6 = 3 + 3, Y 14 = 7 + 7, W 20 = 10 + 10. X hides in everyone's column (3 in item 1), Y with it
    # (W = X + Y); in item 2 X's groups are under 5, and Y's groups follow (Y's row, then each
    # column's W = X + Y). W stays shown: item 1's empty group cells are not its cells, not small ones.
    grid = Grid([-1, 0, 0], breakdowns=1)
    sizes = [[20, 3, 17, 0, 0, 0, 0, 0, 0], [20, 6, 14, 10, 3, 7, 10, 3, 7]]
    present = [[True] * 3 + [False] * 6, [True] * 9]
    assert hidden(protect(grid, sizes, 5, present=present, keep=[0])) == [1, 2, 4, 5, 7, 8]

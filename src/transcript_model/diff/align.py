"""Aligning two sequences in bounded time: the engine under :mod:`transcript_model.diff`.

``difflib.SequenceMatcher`` alone is quadratic (or worse) on long sequences whose matches are
short and scattered: two 10,000-turn transcripts with many edits would take minutes. Here it
only ever sees small gaps. The long-range structure comes from *patience* anchoring (as in
``git diff --patience``): items that occur exactly once in each side are paired, the longest
run of such pairs in the same order (a longest increasing subsequence, O(k log k)) is kept, and
the gaps between those anchors are aligned the same way, recursively. A work budget linear in
the input ends the recursion on adversarial input; whatever is left unaligned is then reported
as deleted and inserted (and found again as moved by the caller), never compared pairwise.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Gaps with at most this many item pairs (``len(a) * len(b)``) go to SequenceMatcher.
SMALL_GAP = 10_000
#: How many items of work per input item the anchoring may spend before it stops refining.
WORK_PER_ITEM = 32
#: When pairing similar items inside a gap, how many candidates ahead each one looks at.
SIMILARITY_WINDOW = 8


def common_subsequence(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)`` with ``a[i] == b[j]``, increasing in both ``i`` and ``j``.

    A long common subsequence (not always the longest: the anchoring prefers items that are
    unique on both sides, which is what a reader sees as "the same" part). Time O(n log n) for
    typical input and bounded by the work budget on any input.
    """
    pairs: list[tuple[int, int]] = []
    budget = WORK_PER_ITEM * (len(a) + len(b)) + 1024
    gaps = [(0, len(a), 0, len(b))]
    while gaps:
        alo, ahi, blo, bhi = _trim(a, b, *gaps.pop(), pairs)
        if alo == ahi or blo == bhi:
            continue
        if (ahi - alo) * (bhi - blo) <= SMALL_GAP:
            matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for block in matcher.get_matching_blocks():
                pairs.extend((alo + block.a + k, blo + block.b + k) for k in range(block.size))
            continue
        budget -= (ahi - alo) + (bhi - blo)
        if budget < 0:
            continue  # adversarial input: leave this gap unaligned rather than go quadratic
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        pairs.extend(anchors)
        starts = [(alo, blo)] + [(i + 1, j + 1) for i, j in anchors]
        ends = [*anchors, (ahi, bhi)]
        if anchors:
            gaps.extend((s[0], e[0], s[1], e[1]) for s, e in zip(starts, ends, strict=True))
    pairs.sort()
    return pairs


def _trim(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    pairs: list[tuple[int, int]],
) -> tuple[int, int, int, int]:
    """Pair the common prefix and suffix of a gap; return what is left of it."""
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        pairs.append((alo, blo))
        alo, blo = alo + 1, blo + 1
    while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
        pairs.append((ahi, bhi))
    return alo, ahi, blo, bhi


def _anchors(
    a: Sequence[Hashable], alo: int, ahi: int, b: Sequence[Hashable], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """The longest in-order run of pairs of the rarest items that both sides hold equally often.

    Items that occur once in each side are the anchors of patience diff. A gap without any
    (every "(Applause.)" occurs many times) is anchored on the items that occur equally often
    on both sides, fewest occurrences first, the k-th occurrence on one side paired with the
    k-th on the other: otherwise such a gap would be left unaligned and its repeated turns
    reported as moved.
    """
    in_a = Counter(a[alo:ahi])
    in_b = Counter(b[blo:bhi])
    counts = [n for item, n in in_a.items() if in_b[item] == n]
    if not counts:
        return []
    rarest = min(counts)
    where_in_b: dict[Hashable, deque[int]] = {}
    for j in range(blo, bhi):
        if in_a[b[j]] == rarest and in_b[b[j]] == rarest:
            where_in_b.setdefault(b[j], deque()).append(j)
    candidates = [(i, where_in_b[a[i]].popleft()) for i in range(alo, ahi) if a[i] in where_in_b]
    return longest_increasing(candidates)


def longest_increasing(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by first item) increasing in the second."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        position = bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_at.append(index)
        else:
            tails[position] = j
            tail_at[position] = index
        previous[index] = tail_at[position - 1] if position else -1
    chain: list[tuple[int, int]] = []
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    chain.reverse()
    return chain


@dataclass
class Alignment:
    """How two sequences correspond.

    ``kept``: pairs of equal items in the same order; ``moved``: pairs of equal items out of
    that order; ``similar``: pairs of unequal items at the same place that the caller's
    similarity test accepted (edits); ``deleted`` / ``inserted``: the rest of ``a`` / ``b``.
    """

    kept: list[tuple[int, int]]
    moved: list[tuple[int, int]]
    similar: list[tuple[int, int]]
    deleted: list[int]
    inserted: list[int]

    def anchor_in_b(self, i: int) -> int:
        """Where in ``b`` an item ``a[i]`` would stand: the ``b`` index of the next kept pair."""
        position = bisect_left(self.kept, (i, -1))
        return self.kept[position][1] if position < len(self.kept) else -1


def align(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    similarity: Callable[[int, int], float],
    threshold: float,
    in_place: Callable[[int, int], bool],
) -> Alignment:
    """Align ``a`` with ``b``: kept, moved, similar (edited), deleted and inserted items.

    ``similarity(i, j)`` scores ``a[i]`` against ``b[j]`` in [0, 1]; pairs at the same place
    scoring at least ``threshold`` are edits. A gap holding exactly one item on each side is
    an edit whenever ``in_place(i, j)`` says so, however different their content.
    """
    kept = common_subsequence(a, b)
    kept_a = {i for i, _ in kept}
    kept_b = {j for _, j in kept}
    moved = _equal_leftovers(
        a,
        [i for i in range(len(a)) if i not in kept_a],
        b,
        [j for j in range(len(b)) if j not in kept_b],
    )
    moved_a = {i for i, _ in moved}
    moved_b = {j for _, j in moved}
    left_a = [i for i in range(len(a)) if i not in kept_a and i not in moved_a]
    left_b = [j for j in range(len(b)) if j not in kept_b and j not in moved_b]
    similar: list[tuple[int, int]] = []
    for gap_a, gap_b in _gaps(kept, left_a, left_b):
        if len(gap_a) == 1 and len(gap_b) == 1 and in_place(gap_a[0], gap_b[0]):
            similar.append((gap_a[0], gap_b[0]))
        else:
            similar.extend(_pair_similar(gap_a, gap_b, similarity, threshold))
    paired_a = {i for i, _ in similar}
    paired_b = {j for _, j in similar}
    return Alignment(
        kept=kept,
        moved=sorted(moved, key=lambda pair: pair[1]),
        similar=similar,
        deleted=[i for i in left_a if i not in paired_a],
        inserted=[j for j in left_b if j not in paired_b],
    )


def _equal_leftovers(
    a: Sequence[Hashable], left_a: Iterable[int], b: Sequence[Hashable], left_b: Iterable[int]
) -> list[tuple[int, int]]:
    """Pair unaligned equal items, the k-th occurrence in ``a`` with the k-th in ``b``."""
    waiting: dict[Hashable, deque[int]] = {}
    for i in left_a:
        waiting.setdefault(a[i], deque()).append(i)
    pairs = []
    for j in left_b:
        queue = waiting.get(b[j])
        if queue:
            pairs.append((queue.popleft(), j))
    return pairs


def _gaps(
    kept: Sequence[tuple[int, int]], left_a: Sequence[int], left_b: Sequence[int]
) -> Iterable[tuple[list[int], list[int]]]:
    """The unaligned items of each side, grouped by the gap between kept pairs they fall in."""
    kept_a = [i for i, _ in kept]
    kept_b = [j for _, j in kept]
    by_gap: dict[int, tuple[list[int], list[int]]] = {}
    for i in left_a:
        by_gap.setdefault(bisect_left(kept_a, i), ([], []))[0].append(i)
    for j in left_b:
        by_gap.setdefault(bisect_left(kept_b, j), ([], []))[1].append(j)
    return (by_gap[gap] for gap in sorted(by_gap))


def _pair_similar(
    gap_a: Sequence[int],
    gap_b: Sequence[int],
    similarity: Callable[[int, int], float],
    threshold: float,
) -> list[tuple[int, int]]:
    """Pair items of one gap in order, each with the best of the next few candidates.

    Looking only a window ahead keeps this linear in the gap: a gap of thousands of rewritten
    items is never compared item by item against every other.
    """
    pairs: list[tuple[int, int]] = []
    start = 0
    for i in gap_a:
        best, best_score = -1, threshold
        for k in range(start, min(start + SIMILARITY_WINDOW, len(gap_b))):
            score = similarity(i, gap_b[k])
            if score >= best_score and (best < 0 or score > best_score):
                best, best_score = k, score
        if best >= 0:
            pairs.append((i, gap_b[best]))
            start = best + 1
    return pairs

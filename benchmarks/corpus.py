"""Realistic synthetic transcripts for benchmarks: ~30 KB, ~40 turns, ~150 paragraphs each.

Deterministic for a given seed, so that runs compare like with like.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from transcript_model import (
    Break,
    Caption,
    Event,
    Metadata,
    Narrative,
    Omission,
    Participant,
    Source,
    Speech,
    StageDirection,
    Transcript,
    get_format,
    write,
)

_WORDS = (
    "the of and to in we our that is for on with this as it are be have will which by "
    "cooperation economy development security partners agreement region support government "
    "President colleagues important issue question decision situation Russia Belarus trade "
    "sanctions investment project programme energy infrastructure – “approach” [we] 34 percent"
).split()
_PEOPLE = [
    ("Vladimir Putin", "President of Russia"),
    ("Mikhail Mishustin", "Prime Minister"),
    ("Sergei Shoigu", "Defence Minister"),
    ("Valentina Matviyenko", "Federation Council Speaker"),
    ("Sergei Lavrov", "Foreign Minister"),
    ("Anton Vaino", "Chief of Staff of the Presidential Executive Office"),
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 20))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "…"])


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))


def realistic_transcript(number: int, seed: int = 0) -> Transcript:
    """Transcript number ``number``: ~40 turns, ~150 paragraphs, ~30 KB of JSON."""
    rng = random.Random(seed * 1_000_003 + number)
    people = rng.sample(_PEOPLE, 4)
    participants = [
        Participant(id=name.lower().replace(" ", "-"), name=name, role=role, attending=i > 0)
        for i, (name, role) in enumerate(people)
    ]
    turns: list[object] = [Narrative(paragraphs=[_paragraph(rng)]), Break()]
    for index in range(40):
        person = participants[index % 2 if index % 5 else rng.randrange(len(participants))]
        first = index < len(participants)
        turns.append(
            Speech(
                speaker=person.id,
                label=f"{person.role} {person.name}" if first else person.name,
                role=person.role if first else None,
                paragraphs=[_paragraph(rng) for _ in range(rng.randint(2, 6))],
            )
        )
        if index % 13 == 12:
            turns.append(StageDirection(text="(Applause.)"))
    turns.append(Omission())
    date = dt.date(2020, 1, 1) + dt.timedelta(days=number % 1500)
    return Transcript.model_validate(
        {
            "id": f"kremlin-{70000 + number}",
            "language": "en",
            "event": Event(
                title=f"Meeting on {_sentence(rng).rstrip('.?…')}"[:120].strip(),
                lead=_sentence(rng),
                date=date,
                time=dt.time(rng.randint(8, 20), rng.choice([0, 15, 30, 45])),
                utc_offset="+03:00",
                place="The Kremlin, Moscow",
                attendees_intro="Taking part in the meeting were",
            ),
            "participants": participants,
            "turns": turns,
            "metadata": Metadata(
                source=Source(
                    url=f"http://en.kremlin.ru/events/president/transcripts/{70000 + number}",
                    publisher="President of Russia",
                    identifier=str(70000 + number),
                ),
                licence="CC-BY-4.0",
                published=dt.datetime.combine(date, dt.time(15, 0)),
                sections=["News", "Transcripts"],
                topics=["Foreign policy", "National security"],
                geography=["Belarus"],
                persons=["Lukashenko Alexander"],
                captions=[Caption(index=1, total=3, text=_sentence(rng))],
            ),
        }
    )


def write_corpus(directory: Path, count: int, format: str) -> list[Path]:
    """Write ``count`` realistic transcripts in ``format``, one file each; returns their paths."""
    extension = get_format(format).extension
    paths = []
    for number in range(count):
        path = directory / f"t{number:05d}{extension}"
        path.write_text(write(realistic_transcript(number), format), encoding="utf-8")
        paths.append(path)
    return paths

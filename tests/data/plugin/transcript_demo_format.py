"""A demonstration format: a title line, a date line, then one "Name: text" line per speech.

    # Meeting on roads
    @date 2024-05-01
    Anna Petrova: Good morning.
    Ivan Sidorov: Good morning to you.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transcript_model import Participant, Speech, Transcript, TranscriptError
from transcript_model.contract import Format
from transcript_model.inputs import ReadResult

_SPEECH = re.compile(r"([^:\n]{1,80}): (.+)")


def sniff(head: bytes) -> float:
    """Sure when the input opens with '# ' and has an '@date' line."""
    return 0.9 if head.startswith(b"# ") and b"\n@date " in head else 0.0


def read(data: bytes, origin: str = "<input>", *, language: str = "en") -> ReadResult:
    """Read a demo file; ``language`` is the transcript's language (BCP 47)."""
    lines = data.decode("utf-8").splitlines()
    if len(lines) < 2 or not lines[0].startswith("# ") or not lines[1].startswith("@date "):
        raise TranscriptError.single("demo_header", "expected '# title' and '@date'", origin, 1)
    people: dict[str, str] = {}
    turns = []
    for number, line in enumerate(lines[2:], start=3):
        match = _SPEECH.fullmatch(line)
        if match is None:
            raise TranscriptError.single("demo_line", "expected 'Name: text'", origin, number)
        name, text = match.groups()
        person = people.setdefault(name, re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))
        turns.append(Speech(speaker=person, label=name, paragraphs=[text]))
    participants = [Participant(id=pid, name=name) for name, pid in people.items()]
    transcript = Transcript(
        id="demo-" + lines[1].split()[1],
        language=language,
        event={"title": lines[0][2:], "date": lines[1].split()[1]},
        participants=participants,
        turns=turns,
    )
    return ReadResult([transcript])


def write(transcripts: Sequence[Transcript]) -> str:
    """Write one transcript in the demo format."""
    (transcript,) = transcripts
    names = {p.id: p.name for p in transcript.participants}
    lines = [f"# {transcript.event.title}", f"@date {transcript.event.date.isoformat()}"]
    for turn in transcript.turns:
        if isinstance(turn, Speech):
            for paragraph in turn.paragraphs:
                lines.append(f"{names.get(turn.speaker or '', turn.label)}: {paragraph}")
    return "\n".join(lines) + "\n"


FORMATS = [
    Format(
        name="demo",
        description="demonstration plugin format",
        extensions=(".demo",),
        media_type="text/x-transcript-demo",
        sniff=sniff,
        read=read,
        write=write,
        one_per_file=True,
    )
]

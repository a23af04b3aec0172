"""Lines of a website's frame that a copied page's text opens with: no title, no header.

Text copied from a government's page (Ctrl+A, or a scraper that kept the whole page) opens
with what frames it: a language menu ("عربي Español Русский Français 简体中文", the Chinese
foreign ministry's), a breadcrumb ("Schattenblick →INFOPOOL →PARLAMENT → FAKTEN"), a skip
link, the United States government's ".gov" banner, a paywall notice. Taken for the title,
each hid the real one, which stood on the next line.
"""

from __future__ import annotations

#: Lines that are the frame whatever page holds them (compared casefolded).
_FRAME_LINES = frozenset(
    {"skip to main content", "skip to content", "skip to navigation", "jump to navigation",
     "jump to main content", "main menu", "media center", "media centre", "press conferences",
     "navigation und service", "springe direkt zu:", "sie sind hier:", "you are here:",
     "breadcrumb", "official websites use .gov", "secure .gov websites use https",
     "here's how you know", "here’s how you know",
     "an official website of the united states government",
     "an official website of the united states government here's how you know",
     "an official website of the united states government here’s how you know",
     "scoop has an ethical paywall", "advertisement",
     "advertisement - scroll to continue reading"}
)  # fmt: skip
#: One word a page's frame prints, and a title may be: no title only when another line is.
WEAK_FRAME_LINES = frozenset({"home", "search", "menu", "share", "print", "artikel"})
#: Words of the United States government's banner that no title holds.
_GOV_BANNER = (".gov website", "official government organization in the united states")
#: The names of languages in their own words (and in English), as language menus print them.
_LANGUAGES = frozenset(
    {"english", "français", "francais", "español", "espanol", "deutsch", "italiano",
     "português", "portugues", "русский", "українська", "беларуская", "polski", "nederlands",
     "türkçe", "عربي", "العربية", "فارسی", "简体中文", "繁體中文", "繁体中文", "中文", "日本語",
     "한국어", "हिन्दी", "हिंदी", "қазақша", "кыргызча", "arabic", "chinese",
     "russian", "spanish", "french", "german", "japanese", "korean", "hindi", "eng", "fr", "es",
     "de", "ru", "zh", "ar"}
)  # fmt: skip
#: Separators of a breadcrumb's steps ("»" and "›" only without their opening pair, which
#: quotes: "Interview mit dem »Spiegel« über »Europa«").
_STEPS = ("→", " > ")
_QUOTING_STEPS = (("»", "«"), ("›", "‹"))
#: At most this many words in each step of a breadcrumb of " / " ("Home / News / Speeches"),
#: and no colon ("Russia / Ukraine / NATO: press conference" is a title).
_SLASH_STEP_WORDS = 3


def is_page_frame(text: str) -> bool:
    """Whether a header line is the frame of the page it was copied from (see the module)."""
    folded = text.casefold()
    if folded in _FRAME_LINES or any(words in folded for words in _GOV_BANNER):
        return True
    words = folded.split()
    if len(words) >= 3 and all(word in _LANGUAGES for word in words):
        return True
    return len(words) <= 12 and _breadcrumb_steps(text) >= 2


def _breadcrumb_steps(text: str) -> int:
    """How many breadcrumb separators ``text`` holds."""
    steps = sum(text.count(step) for step in _STEPS)
    steps += sum(text.count(step) for step, opening in _QUOTING_STEPS if opening not in text)
    parts = text.split(" / ")
    if len(parts) > 2 and ":" not in text and all(
        len(part.split()) <= _SLASH_STEP_WORDS for part in parts
    ):
        steps += len(parts) - 1
    return steps

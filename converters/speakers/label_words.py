"""The words that tell a speaker label from the words of a sentence: what never opens a
label, the words of titles and offices, the particles of names, the courtesies before them."""

from __future__ import annotations

#: Words that never begin a speaker label: "Note: …", "In summary: …".
NOT_LABELS = {
    "note", "nb", "ps", "p.s", "update", "editor's note", "editor’s note", "correction", "source",
    "sources", "date", "time", "location", "place", "venue", "subject", "subjects", "topic", "re",
    "title", "where",
    "when", "transcript", "embargoed", "end", "see also", "related", "tags", "topics", "photo",
    "video", "watch", "read more", "posted", "published", "updated", "example", "answer",
    "question", "summary", "background", "introduction", "contents", "agenda", "abstract",
    "overview", "highlights", "links", "references", "notes", "transcription", "url",
    "share", "share this", "follow us", "filed under", "posted in", "categories", "download",
    # a page's donation box, menus and adverts ("IBAN: DE85 …", "Full Debate: Read Full Debate")
    "iban", "bic", "swift", "konto", "paypal", "full debate", "read full debate", "advertisement",
    "anzeige", "werbung", "themen", "stichworte",
}  # fmt: skip

LEADING_STOPWORDS = {
    "in", "on", "at", "for", "as", "but", "and", "so", "then", "now", "today", "here", "there",
    "this", "that", "these", "those", "what", "why", "how", "when", "where", "if", "it", "we",
    "i", "you", "he", "she", "they", "my", "our", "your", "his", "her", "their", "a", "an",
    "by", "from", "with", "to", "of", "after", "before", "during", "under", "over", "all",
    "one", "two", "first", "second", "third", "finally", "also", "yes", "no", "well", "look",
    "according", "read",
    # words that open a sentence before a comma ("However, The Minister: …", "Thanks, Bob: …")
    "however", "thanks", "thank", "remember", "yesterday", "tomorrow", "indeed", "meanwhile",
    "moreover", "again", "still", "ladies", "gentlemen", "friends", "colleagues", "dear", "sorry",
    "please", "okay", "ok", "anyway", "besides", "otherwise", "instead",
}  # fmt: skip

PARTICLES = {"de", "da", "das", "do", "dos", "van", "von", "der", "den", "del", "della", "di",
              "du", "la", "le", "bin", "ibn", "al", "el", "y", "e", "ter", "zu", "und"}  # fmt: skip

#: Words of a title printed before a name ("PRESIDENT BIDEN", "Press Secretary Karine …").
TITLE_WORDS = {
    "the", "president", "vice", "prime", "minister", "deputy", "first", "lady", "secretary",
    "press", "senator", "sen.", "representative", "rep.", "congressman", "congresswoman",
    "governor", "gov.", "mayor", "chancellor", "king", "queen", "prince", "princess",
    "ambassador", "general", "gen.", "admiral", "adm.", "speaker", "chairman", "chairwoman",
    "chairperson",
    "chair", "director", "spokesperson", "spokesman", "spokeswoman", "foreign", "defense",
    "defence", "national", "security", "adviser", "advisor", "senior", "administration",
    "official", "moderator", "operator", "leader", "majority", "minority", "attorney",
    "commissioner", "chief", "of", "staff", "state", "homeland", "treasury", "pope",
    "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.",
    "coordinator", "strategic", "communications", "for", "and", "interpreter", "host",
    "anchor", "judge", "justice", "sheriff", "commander", "emir", "sultan", "crown",
    "premier", "council", "federal", "affairs", "economic", "assistant", "surgeon",
    "pm", "dpm", "air", "marshal", "rear", "brigadier", "commodore", "major", "treasurer",
    "hon", "hon.", "honourable", "professor", "prof", "prof.", "dr", "dr.",
    # the German government's press conferences: "StS Seibert", "SRS'in Demmer", "FRAGE HOENIG"
    "sts", "srs", "srs'in", "srs’in", "vors.", "bm", "bm'in", "frage", "zusatzfrage",
}  # fmt: skip

#: The words a title ends with ("Press Secretary", "Chief of Staff"): a run of title words that
#: ends otherwise ("State" in "State Duma Speaker …") is not split off.
ROLE_FUNCTION_WORDS = {"of", "the", "for", "and", "on", "in", "at", "to", "de", "и", "по", "при"}

TITLE_HEADS = {
    "president", "minister", "secretary", "senator", "sen.", "representative", "rep.",
    "congressman", "congresswoman", "governor", "gov.", "mayor", "chancellor", "king", "queen",
    "prince", "princess", "ambassador", "general", "gen.", "admiral", "adm.", "speaker",
    "chairman", "chairwoman", "chairperson", "chair", "director", "spokesperson", "spokesman",
    "spokeswoman",
    "adviser", "advisor", "official", "moderator", "operator", "leader", "attorney",
    "commissioner", "chief", "staff", "pope", "colonel", "col.", "captain", "capt.",
    "lieutenant", "lt.", "sergeant", "sgt.", "coordinator", "interpreter", "host", "anchor",
    "judge", "justice", "sheriff", "commander", "emir", "sultan", "premier", "assistant", "lady",
    "pm", "dpm", "marshal", "brigadier", "commodore", "major", "treasurer", "hon", "hon.",
    "honourable", "professor", "prof", "prof.", "dr", "dr.",
    "sts", "srs", "srs'in", "srs’in", "vors.", "bm", "bm'in", "frage", "zusatzfrage",
}  # fmt: skip

#: Letters after a name ("ANDREW NIKOLIC MP"): a role, printed after the name.
POST_NOMINALS = {"mp", "mhr", "mla", "mlc", "qc", "sc", "kc", "ao", "ac", "am", "oam", "mbe",
                  "obe", "cbe", "afc", "csc", "dsc", "cvo", "psm", "apm"}  # fmt: skip

SENTENCE_PRONOUNS = {"i", "you", "we", "it", "they", "he", "she", "my", "your", "our",
                      "their", "here", "there"}  # fmt: skip

#: The lowercase words of a title or a company's name ("Chairman and Managing Partner").
TITLE_JOINERS = {"of", "the", "for", "and", "de", "и", "по", "при"}

#: Courtesies before a name that are no part of it (compared without a final period).
COURTESIES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "hon", "shri", "smt", "sri", "herr",
     "frau", "mme", "sr", "sra", "don", "doña", "signor", "mnr", "mev", "rev", "adv", "prof"}
)  # fmt: skip

#: A Hansard's note of the language a speech was given in, alone on its line ("English:",
#: "Sepedi:"); with words after it, a label ("English: …" is Bill English's).
LANGUAGE_NOTES = frozenset(
    {"english", "afrikaans", "isizulu", "isixhosa", "sepedi", "sesotho", "setswana", "xitsonga",
     "tshivenda", "siswati", "isindebele", "french", "français", "welsh", "cymraeg", "te reo"}
)  # fmt: skip


def is_courtesy(word: str) -> bool:
    """Whether ``word`` is a courtesy before a name ("Mr.", "Shri", "Dame"), its period aside."""
    return word.casefold().rstrip(".") in COURTESIES

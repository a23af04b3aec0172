"""HTML pages as the readers of saved pages see them: loaded safely (``load``) and cut into the
lines a browser shows (``text``). Shared by the kremlin.ru page reader (``html``) and the
speaker-label reader (``speakers``), which read different sites' pages."""

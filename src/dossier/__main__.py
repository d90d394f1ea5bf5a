"""``python -m dossier``: the same command line as ``dossier`` (and ``python -m dossier.cli``)."""

from dossier.cli import app

app(prog_name="dossier")

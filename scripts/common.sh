# Shared by scripts/run, scripts/test and scripts/lint: find Python, make the virtualenv,
# install the package. Sourced, not executed.

# The project root, whatever directory the caller ran from.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

say() { printf '\n==> %s\n' "$*" >&2; }
die() { printf '\nerror: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Create .venv with the interpreter named by $PYTHON unless it already exists.
ensure_venv() {
    if [ -x "$VENV/bin/python" ]; then
        return
    fi
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found: install Python 3.11 or newer."
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$PYTHON is older than 3.11."
    "$PYTHON" -c 'import ensurepip' 2>/dev/null \
        || die "$PYTHON cannot create virtualenvs: on Debian, apt-get install python3-venv."
    say "Creating the virtualenv in $VENV"
    "$PYTHON" -m venv "$VENV"
}

# pip install -e ".[extras]" unless the same pyproject.toml was installed with the same
# extras already: a stamp in the virtualenv keeps repeated runs fast.
install_package() {
    local target="$1" stamp digest
    stamp="$VENV/.groundswell-installed"
    digest="$(printf '%s\n' "$target" | cat - "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && grep -qx "$digest" "$stamp"; then
        return
    fi
    say "Installing $target into $VENV"
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --quiet -e "$target")
    echo "$digest" >>"$stamp"
}

#!/usr/bin/env bash
# Bring a machine (or a fresh clone) to the point where `pnpm start`, `pnpm check` and `pnpm test`
# work. Idempotent and near-instant when everything is already present:
#   1. pnpm 10.34.x (installed with npm when missing or another version; pnpm 11+ fails on Node 20),
#   2. system packages (Debian): chromium, CJK fonts, PostgreSQL 15 + pgTAP, LibreOffice Writer,
#      poppler-utils; installed with apt only when running as root and something is missing,
#   3. workspace dependencies: `pnpm install --frozen-lockfile`.
set -euo pipefail

PNPM_VERSION="10.34.9"
APT_PACKAGES=(chromium fonts-noto-cjk postgresql-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
  postgresql-15-plpgsql-check libreoffice-writer-nogui poppler-utils fontconfig)
# Every command the tests call, with the Debian package that provides it. apt installs without
# recommended packages, so a tool that only comes as a recommendation (pg_prove) must be listed
# above explicitly; the check at the end proves each one is really there.
REQUIRED_COMMANDS=(
  "chromium:chromium"
  "pg_prove:libtap-parser-sourcehandler-pgtap-perl"
  "initdb:postgresql-15"
  "pg_ctl:postgresql-15"
  "soffice:libreoffice-writer-nogui"
  "pdftoppm:poppler-utils"
  "fc-list:fontconfig"
)

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'bootstrap: %s\n' "$*"; }
warn() { printf 'bootstrap: WARNING: %s\n' "$*" >&2; }

# --- Node ------------------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1; then
  warn "node is not installed; install Node.js 20.19+ (https://nodejs.org) and run again."
  exit 1
fi
node_version="$(node -p 'process.versions.node')"
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  warn "Node $node_version found; fazhi needs Node >= 20.19."
fi

# --- pnpm ------------------------------------------------------------------------------------
pnpm_version="$(pnpm --version 2>/dev/null || true)"
if [[ "$pnpm_version" == 10.34.* ]]; then
  say "pnpm $pnpm_version ok"
else
  say "pnpm ${pnpm_version:-missing}; installing pnpm@$PNPM_VERSION with npm"
  # Run npm outside the repo so the project .npmrc (pnpm-only settings) does not trigger warnings.
  # --force replaces a corepack shim or an older global pnpm.
  if ! (cd / && npm install --global --force --no-fund --no-audit --loglevel=error "pnpm@$PNPM_VERSION"); then
    warn "could not install pnpm globally (not root?). Try: sudo npm i -g pnpm@$PNPM_VERSION"
    warn "or: COREPACK_INTEGRITY_KEYS=0 corepack prepare pnpm@$PNPM_VERSION --activate"
    exit 1
  fi
  hash -r
  pnpm_version="$(pnpm --version 2>/dev/null || true)"
  if [[ "$pnpm_version" != 10.34.* ]]; then
    warn "pnpm on PATH is still '${pnpm_version:-missing}' ($(command -v pnpm || echo 'not found'))."
    warn "Put $(npm prefix -g)/bin first on PATH and run again."
    exit 1
  fi
  say "pnpm $pnpm_version installed"
fi

# --- system packages -------------------------------------------------------------------------
is_debian=false
if [[ -r /etc/debian_version ]] && command -v dpkg >/dev/null 2>&1; then is_debian=true; fi

missing=()
if $is_debian; then
  for pkg in "${APT_PACKAGES[@]}"; do
    # "install ok installed": a package that was removed but not purged does not count.
    status="$(dpkg -s "$pkg" 2>/dev/null || true)"
    if [[ "$status" != *"Status: install ok installed"* ]]; then
      missing+=("$pkg")
    fi
  done
fi

if ! $is_debian; then
  say "not Debian: skipping system packages. Needed for later features: chromium, Noto CJK fonts,"
  say "  PostgreSQL 15 with pgTAP, LibreOffice Writer (headless), poppler-utils. Install them yourself."
elif ((${#missing[@]} == 0)); then
  say "system packages ok"
elif [[ "$(id -u)" -ne 0 ]]; then
  warn "missing Debian packages (not root, not installing): ${missing[*]}"
  warn "install with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  warn "continuing; features that need them (PDF/DOCX checks, Postgres tests) will fail or skip."
else
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    say "system packages installed"
  else
    warn "apt-get failed for: ${missing[*]}; continuing without them."
  fi
fi

# --- every command the tests call ------------------------------------------------------------
# initdb and pg_ctl live in PostgreSQL's bindir, which stock Debian keeps off PATH; the tests look
# there too (pg_config --bindir), so this check does the same.
pg_bindir="$(pg_config --bindir 2>/dev/null || true)"
[[ -d /usr/lib/postgresql/15/bin ]] && pg_bindir="/usr/lib/postgresql/15/bin"
absent=()
if $is_debian; then
  for entry in "${REQUIRED_COMMANDS[@]}"; do
    cmd="${entry%%:*}" pkg="${entry#*:}"
    if ! command -v "$cmd" >/dev/null 2>&1 && [[ ! -x "$pg_bindir/$cmd" ]]; then
      absent+=("$cmd (Debian package $pkg)")
    fi
  done
  # grep reads the whole list (no -q): under pipefail an early exit would fail fc-list with SIGPIPE.
  if ! fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; then absent+=("Noto CJK fonts (Debian package fonts-noto-cjk)"); fi
  if ((${#absent[@]} > 0)); then
    for a in "${absent[@]}"; do warn "missing: $a"; done
    warn "the tests need every command above; install the packages named and run again."
    exit 1
  fi
  say "test commands ok (chromium, pg_prove, initdb, pg_ctl, soffice, pdftoppm, CJK fonts)"
fi

# --- workspace dependencies ------------------------------------------------------------------
if [[ -f pnpm-lock.yaml ]]; then
  say "pnpm install --frozen-lockfile"
  pnpm install --frozen-lockfile --reporter=append-only
else
  warn "no pnpm-lock.yaml; running a plain pnpm install (this creates the lockfile)."
  pnpm install --reporter=append-only
fi

say "done"

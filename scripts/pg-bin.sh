# shellcheck shell=bash
# Locates the PostgreSQL server binaries. Sourced by scripts/test-pg.sh and .ci/run;
# it changes no shell options and defines only the function below.
#
# pg_find_bin: looks for initdb, pg_ctl and postgres
#   1. in PATH (symlinks are resolved, so their siblings such as pg_isready are found too);
#   2. otherwise in /usr/lib/postgresql/*/bin, highest version first (Debian's layout).
# On success it sets PG_BINDIR, PG_INITDB, PG_CTL, PG_POSTGRES and PG_ISREADY (empty if
# no pg_isready is found) and returns 0; otherwise it returns 1 and sets nothing.
pg_find_bin() {
  local initdb dir candidate
  initdb=$(command -v initdb 2>/dev/null || true)
  if [[ -n $initdb ]]; then
    dir=$(dirname -- "$(readlink -f -- "$initdb")")
    if [[ -x $dir/pg_ctl && -x $dir/postgres ]]; then
      _pg_set_bin "$dir"
      return 0
    fi
    if command -v pg_ctl >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then
      _pg_set_bin "$dir"
      PG_INITDB=$initdb
      PG_CTL=$(command -v pg_ctl)
      PG_POSTGRES=$(command -v postgres)
      return 0
    fi
  fi
  while IFS= read -r candidate; do
    [[ -n $candidate ]] || continue
    if [[ -x $candidate/initdb && -x $candidate/pg_ctl && -x $candidate/postgres ]]; then
      _pg_set_bin "$candidate"
      return 0
    fi
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -rV)
  return 1
}

# shellcheck disable=SC2034 # the variables are for the scripts that source this file
_pg_set_bin() {
  PG_BINDIR=$1
  PG_INITDB=$1/initdb
  PG_CTL=$1/pg_ctl
  PG_POSTGRES=$1/postgres
  if [[ -x $1/pg_isready ]]; then
    PG_ISREADY=$1/pg_isready
  else
    PG_ISREADY=$(command -v pg_isready 2>/dev/null || true)
  fi
}

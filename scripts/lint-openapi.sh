#!/usr/bin/env bash
# Lints the OpenAPI document the app serves (/v1/openapi.json) with Redocly CLI (redocly.yaml)
# and Spectral (.spectral.yaml): builds it from the route table (src/http/openapi.ts) into a temp
# folder, runs both, and fails on any error or warning from either (bash scripts/lint-openapi.sh).
# Keeps the document when asked: OPENAPI_LINT_KEEP=path/to/openapi.json.
set -uo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.."
bin=node_modules/.bin
export REDOCLY_TELEMETRY=off NO_UPDATE_NOTIFIER=1

log() { echo "lint-openapi: $*" >&2; }

tmp=$(mktemp -d /tmp/claimtrack-openapi-lint.XXXXXX) || exit 1
trap 'rm -rf -- "$tmp"' EXIT
doc="$tmp/openapi.json"

# The same document buildApp serves; the routes' handlers are never called, so no database.
"$bin/tsx" -e "
import pino from 'pino';
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from './src/http/openapi';
import { allRoutes } from './src/routes';
const routes = allRoutes({ db: null as never, config: null as never, logger: pino({ level: 'silent' }) });
writeFileSync(process.argv[1] as string, JSON.stringify(buildOpenApiDocument(routes), null, 2) + '\n');
" "$doc" || { log "could not build the document"; exit 1; }
[[ -n ${OPENAPI_LINT_KEEP:-} ]] && cp -- "$doc" "$OPENAPI_LINT_KEEP"
log "document: $(node -p "const d = require('$doc'); Object.values(d.paths).reduce((n, p) => n + Object.keys(p).length, 0) + ' operations, ' + Object.keys(d.components.schemas).length + ' schemas'")"

failed=0

# Redocly exits 0 on warnings: read its totals from the JSON report, and show the readable
# report when there is anything to see.
echo "--- Redocly CLI $("$bin/redocly" --version 2>/dev/null | tail -n 1) (redocly.yaml)"
if ! "$bin/redocly" lint "$doc" --config redocly.yaml --format=json --max-problems 1000 >"$tmp/redocly.json" 2>"$tmp/redocly.err"; then
  redocly_failed=1
fi
totals=$(node -e "
const { totals } = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
process.stdout.write(totals.errors + ' ' + totals.warnings + ' ' + totals.ignored);
" "$tmp/redocly.json" 2>/dev/null) || { cat -- "$tmp/redocly.err" >&2; log "Redocly did not produce a report"; exit 1; }
read -r errors warnings ignored <<<"$totals"
echo "Redocly: ${errors} errors, ${warnings} warnings, ${ignored} ignored"
if ((errors + warnings > 0)) || [[ -n ${redocly_failed:-} ]]; then
  "$bin/redocly" lint "$doc" --config redocly.yaml --format=stylish --max-problems 1000 2>&1 | grep -v '[║╔╚]'
  failed=1
fi

# Spectral: --fail-severity=warn makes a warning fail as an error does.
echo "--- Spectral $("$bin/spectral" --version) (.spectral.yaml)"
"$bin/spectral" lint "$doc" --ruleset .spectral.yaml --fail-severity=warn --display-only-failures || failed=1

if ((failed)); then
  log "FAILED: fix the problems above in src/http/openapi.ts or the route schemas"
  exit 1
fi
log "ok: no errors or warnings from Redocly or Spectral"

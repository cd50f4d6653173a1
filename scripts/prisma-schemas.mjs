// Derives one Prisma schema per provider from prisma/model.prisma (the only file to edit).
// Each provider gets its own generated client, because a client generated for one provider
// refuses the other's driver adapter.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const providers = { sqlite: 'sqlite', postgres: 'postgresql' };

/** PostgreSQL-only native types in the model, dropped from SQLite's schema (which has none). */
const POSTGRES_ONLY = / @db\.Json\b/g;

export function schemaFor(provider, model) {
  if (provider === 'sqlite') model = model.replace(POSTGRES_ONLY, '');
  return `// Generated from prisma/model.prisma by scripts/prisma-schemas.mjs. Do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/${provider}"
  moduleFormat = "cjs"
}

datasource db {
  provider = "${providers[provider]}"
}

${model}`;
}

export function writeSchemas() {
  const model = readFileSync(join(root, 'prisma/model.prisma'), 'utf8');
  const paths = [];
  for (const provider of Object.keys(providers)) {
    const path = join(root, 'prisma', provider, 'schema.prisma');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, schemaFor(provider, model));
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeSchemas();

// Writes the provider schemas from prisma/model.prisma and generates both Prisma clients.
// Runs at `npm install` (postinstall). The Prisma CLI would try to download its native schema
// engine, which `generate` does not need: it is pointed at a stub instead.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { providers, writeSchemas } from './prisma-schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeSchemas();
for (const provider of Object.keys(providers)) {
  execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', `prisma/${provider}/schema.prisma`], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      PRISMA_SCHEMA_ENGINE_BINARY: join(root, 'scripts/no-schema-engine.sh'),
    },
  });
}

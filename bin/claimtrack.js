#!/usr/bin/env node
'use strict';
// The claimtrack command (`npx claimtrack verify-audit <file>`). It runs the TypeScript source
// through tsx, a dependency, so it works right after `npm install`, with no build step, and
// checks with the very code the server hashes with (src/write-path/audit-chain.ts).
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`claimtrack: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

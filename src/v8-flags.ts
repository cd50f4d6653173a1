/**
 * V8 flags for the server, set by the first import of server.ts, before anything else loads, so
 * that they hold however the process is started (`npm start`, `node dist/server.js`, a supervisor).
 *
 * `--no-allocation-site-pretenuring`: V8 learns per allocation site which objects tend to survive
 * and then allocates them straight in the old generation. A batch import teaches it that about
 * the driver's row objects (a transaction holds a thousand of them); an export afterwards
 * allocates millions of rows at the same sites that die at once, each old row keeping its young
 * field strings alive through every scavenge until a full collection. On PostgreSQL, a server
 * that had just taken 200k claims grew its RSS by 15–120 MiB over one export; with this file
 * by 0.1–1.0 MiB, at the same rows/s and ingest speed
 * (`bench/results/2026-12-04-export-json-by-db.md`).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');

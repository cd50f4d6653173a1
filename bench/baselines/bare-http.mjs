// Baseline (a): bare node:http serving the fixed claim JSON from memory — the machine's ceiling.
import { createServer } from 'node:http';
import { claimJson } from './claim.mjs';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': claimJson.length, etag: '"3"' });
  res.end(claimJson);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Baseline (a′): Express 5 with no middleware serving the same JSON from memory — the framework's ceiling.
import express from 'express';
import { claimJson } from './claim.mjs';

const app = express();
app.disable('x-powered-by');
app.set('etag', false); // as the app: ETags are versions, not body hashes
app.get('/v1/claims/:id', (_req, res) => {
  res.setHeader('ETag', '"3"');
  res.type('application/json').send(claimJson);
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

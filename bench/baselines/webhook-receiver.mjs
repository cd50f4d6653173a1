// The webhook receiver of bench/webhooks.ts: a bare node:http endpoint as a newsroom would run
// one. It answers 200 to every POST and keeps, per delivery, when it arrived and what it was:
// GET /records?from=N hands them to the harness. It does not verify signatures (that is the
// receiver's CPU, not claimtrack's); the tests do.
import { createServer } from 'node:http';

/** [receivedAtMs, webhook-id, path, eventAtMs, entityId, bodyBytes] */
const records = [];

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ready') return void res.writeHead(200).end('ok');
  if (req.method === 'GET' && req.url?.startsWith('/records')) {
    const from = Number(new URL(req.url, 'http://x').searchParams.get('from') ?? 0);
    const body = JSON.stringify(records.slice(from));
    return void res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const receivedAt = Date.now();
    const body = Buffer.concat(chunks);
    let eventAt = NaN;
    let entityId = '';
    try {
      const json = JSON.parse(body.toString('utf8'));
      eventAt = Date.parse(json.timestamp);
      entityId = json.data?.entityId ?? '';
    } catch {
      // the baseline loop posts the same shape; anything else is recorded without an event
    }
    records.push([receivedAt, String(req.headers['webhook-id'] ?? ''), req.url ?? '', eventAt, entityId, body.length]);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 }).end('ok');
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// The long-poll baseline of bench/webhooks.ts: node:http and one in-process EventEmitter, nothing
// else. GET /wait holds the request until POST /emit; every waiter is then answered with the
// emit's time, as claimtrack's feed answers with the change's `at`. The floor of waking many
// HTTP long polls on this machine.
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';

const changes = new EventEmitter();
changes.setMaxListeners(0);

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ready') return void res.writeHead(200).end('ok');
  if (req.method === 'GET' && req.url === '/waiting') return void res.writeHead(200).end(String(changes.listenerCount('change')));
  if (req.method === 'GET' && req.url === '/wait') {
    const answer = (at) => {
      clearTimeout(timer);
      const body = JSON.stringify({ data: [{ at: new Date(at).toISOString() }] });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    };
    const timer = setTimeout(() => {
      changes.off('change', answer);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    }, 30_000);
    changes.once('change', answer);
    return;
  }
  if (req.method === 'POST' && req.url === '/emit') {
    req.resume();
    req.on('end', () => {
      changes.emit('change', Date.now());
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Serves dist/ on http://127.0.0.1:8080 (PORT overrides; 0 picks a free port), for trying the page over http;
// loopback only.
// usage: node web/serve.mjs
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const port = Number(process.env.PORT || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
};

const server = createServer(async (request, response) => {
  try {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(dist, path === '/' ? 'yibao.html' : path));
    if (!file.startsWith(dist.endsWith(sep) ? dist : dist + sep)) throw new Error('outside dist/');
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('not found\n');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Yibao page: http://127.0.0.1:${server.address().port}/`);
  console.log(`staff page (批量测算): http://127.0.0.1:${server.address().port}/batch.html`);
  console.log(`single files: ${join(dist, 'yibao.html')} and ${join(dist, 'batch.html')} (open them directly, or copy them anywhere)`);
  console.log('Ctrl+C stops the server.');
});

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { WRITES_GO_TO_THE_PRIMARY, type ProductInput } from './database';
import type { ProductService } from './products';

const MAX_BODY_BYTES = 16 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** The product id of a path segment: a whole number from 1 to 2^31-1. */
function productId(segment: string): number {
  const id = Number(segment);
  if (!/^\d+$/.test(segment) || id < 1 || id > 2 ** 31 - 1)
    throw new HttpError(400, `product id must be a whole number from 1 to 2147483647, not "${segment}"`);
  return id;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `the body must be at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body must be JSON');
  }
}

/** The fields of a PUT body, validated: name (1-200 characters), priceKrw and stock (whole numbers from 0). */
export function productInput(body: unknown): ProductInput {
  const { name, priceKrw, stock } = (body ?? {}) as Record<string, unknown>;
  const count = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 4_294_967_295;
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200)
    throw new HttpError(400, 'name must be a string of 1 to 200 characters');
  if (!count(priceKrw)) throw new HttpError(400, 'priceKrw must be a whole number from 0');
  if (!count(stock)) throw new HttpError(400, 'stock must be a whole number from 0');
  return { name, priceKrw: priceKrw as number, stock: stock as number };
}

async function route(products: ProductService, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  const method = request.method ?? 'GET';
  // Shallow on purpose: the ALB takes a server out when this fails, and a check of the shared cache or database
  // would take every server out at once when those blip, leaving nothing to serve.
  if (path === '/health' && method === 'GET') return send(response, 200, { status: 'ok' });
  if (path === '/stats' && method === 'GET') return send(response, 200, products.stats());
  const match = /^\/products\/([^/]+)$/.exec(path);
  if (!match) throw new HttpError(404, `no route for ${method} ${path}`);
  const id = productId(match[1]);
  if (method === 'GET') {
    const { product, source } = await products.get(id);
    const headers = { 'X-Cache': source === 'cache' ? 'HIT' : 'MISS', 'X-Read-From': source };
    if (!product) return send(response, 404, { error: `product ${id} does not exist` }, headers);
    return send(response, 200, product, headers);
  }
  if (method === 'PUT') {
    // A read Region has a replica and no writer: the client learns where writes go instead of a database error.
    if (products.store.readOnly) throw new HttpError(503, WRITES_GO_TO_THE_PRIMARY);
    return send(response, 200, await products.put(id, productInput(await readJson(request))));
  }
  throw new HttpError(405, `${method} is not allowed on ${path}: use GET or PUT`);
}

/** The HTTP server: GET /health, GET /stats, GET and PUT /products/:id; errors answer JSON {"error": "..."}. */
export function createHttpServer(products: ProductService): http.Server {
  return http.createServer((request, response) => {
    route(products, request, response).catch((error: unknown) => {
      if (error instanceof HttpError) return send(response, error.status, { error: error.message });
      console.error(JSON.stringify({ level: 'error', message: (error as Error).message, path: request.url }));
      if (!response.headersSent) send(response, 503, { error: 'the product service cannot reach its database or cache; try again' });
      else response.destroy();
    });
  });
}

import type { Cache } from './cache';
import type { Product, ProductInput, ProductStore } from './database';
import { SingleFlight } from './single-flight';

/** Where a read was answered from: the cache, the read replica, or the writer (right after a write). */
export type ReadSource = 'cache' | 'replica' | 'writer';

/** A product read: the product (undefined when there is none) and where it came from. */
export interface ProductRead {
  readonly product: Product | undefined;
  readonly source: ReadSource;
}

/** Counters for GET /stats. */
export interface ProductStats {
  readonly hits: number;
  readonly misses: number;
  readonly invalidations: number;
  readonly replicaReads: number;
  readonly writerReads: number;
  /** Misses that shared a database read another request had already started (stampede protection). */
  readonly coalesced: number;
}

/** How long after a write misses of that product read the writer instead of the replica (covers replica lag). */
export const READ_YOUR_WRITES_SECONDS = 5;

/** The cache key of a product. */
export const productKey = (id: number): string => `product:${id}`;
/** The key that marks a product as written in the last READ_YOUR_WRITES_SECONDS. */
export const writtenKey = (id: number): string => `product:${id}:written`;

/**
 * The TTL actually used: up to 10% less than the configured one, at random. Keys filled together (the
 * first minutes of an event) then expire spread out instead of all at once, so the database never sees
 * every product miss in the same second.
 */
export function jitteredTtl(ttlSeconds: number, random: () => number = Math.random): number {
  return Math.max(1, ttlSeconds - Math.floor(random() * ttlSeconds * 0.1));
}

/** A read answered from the cache's JSON copy of a product. */
export function cachedRead(cached: string): ProductRead {
  return { product: JSON.parse(cached) as Product, source: 'cache' };
}

/** Product reads and writes with the cache-aside pattern in front of a writer and its read replica. */
export class ProductService {
  private readonly counts = { hits: 0, misses: 0, invalidations: 0, replicaReads: 0, writerReads: 0 };
  private readonly flights = new SingleFlight<{ cached: string } | { row: Product | undefined }>();

  constructor(
    readonly store: ProductStore,
    readonly cache: Cache,
    readonly ttlSeconds: number,
  ) {}

  /** The counters since start. */
  stats(): ProductStats {
    return { ...this.counts, coalesced: this.flights.coalesced };
  }

  /** Cache-aside read: the cache first (HIT); on a miss the database, then the cache is filled with the TTL. */
  async get(id: number): Promise<ProductRead> {
    const [cached, written] = await this.cache.getMany([productKey(id), writtenKey(id)]);
    if (cached !== null) {
      this.counts.hits += 1;
      return cachedRead(cached);
    }
    // Replication is asynchronous: right after a write the replica may still hold the old row, and filling the
    // cache from it would serve that old row for a whole TTL. So a product written moments ago is read from the writer.
    const source: ReadSource = written !== null ? 'writer' : 'replica';
    // Stampede protection: when a popular key expires, hundreds of requests miss at once. In this process only
    // the first of them reads the database and fills the cache; the others wait for and share its result, so
    // the replica sees at most one read per APP server instead of one per request.
    const read = await this.flights.run(`${source}:${id}`, async () => {
      // Looked up again inside the flight: a request that missed just before another flight filled the key finds it now.
      const [again] = await this.cache.getMany([productKey(id)]);
      if (again !== null) return { cached: again };
      const row = source === 'writer' ? await this.store.readFromWriter(id) : await this.store.readFromReplica(id);
      this.counts[source === 'writer' ? 'writerReads' : 'replicaReads'] += 1;
      if (row) await this.cache.set(productKey(id), JSON.stringify(row), jitteredTtl(this.ttlSeconds));
      return { row };
    });
    if ('cached' in read) {
      this.counts.hits += 1;
      return cachedRead(read.cached);
    }
    this.counts.misses += 1;
    return { product: read.row, source };
  }

  /** Writes to the writer, then deletes the cached copy so the next read fetches the new row. */
  async put(id: number, input: ProductInput): Promise<Product> {
    const product = await this.store.write(id, input);
    // Delete rather than overwrite: two concurrent writers could otherwise leave the older value cached.
    await this.cache.deleteAndMark(productKey(id), writtenKey(id), READ_YOUR_WRITES_SECONDS);
    this.counts.invalidations += 1;
    return product;
  }
}

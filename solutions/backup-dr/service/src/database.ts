import mysql, { type Pool, type RowDataPacket } from 'mysql2/promise';
import type { DatabaseAddress, ServiceConfig } from './config';
import type { DatabaseCredentials } from './credentials';

/** A product as the API returns it. */
export interface Product {
  readonly id: number;
  readonly name: string;
  readonly priceKrw: number;
  readonly stock: number;
  /** When the writer last changed it (ISO 8601). */
  readonly updatedAt: string;
}

/** What a PUT may set. */
export type ProductInput = Pick<Product, 'name' | 'priceKrw' | 'stock'>;

/** What a read-only service answers to a write: writes go to the primary Region. */
export const WRITES_GO_TO_THE_PRIMARY = "this Region serves reads only: send writes to the primary Region's API";

/** The products table on the writer and on the read replica. */
export interface ProductStore {
  /** True without a writer (a read Region): write() refuses, reads come from the replica. */
  readonly readOnly: boolean;
  /** Reads from the read replica, which may lag behind the writer. */
  readFromReplica(id: number): Promise<Product | undefined>;
  /** Reads from the writer: always current, but every such read adds load where the writes go. */
  readFromWriter(id: number): Promise<Product | undefined>;
  /** Creates or replaces a product on the writer and returns it as stored. */
  write(id: number, input: ProductInput): Promise<Product>;
  close(): Promise<void>;
}

// A few products so a fresh database has something to read; INSERT IGNORE keeps whatever is there.
const SEED: ReadonlyArray<readonly [number, string, number, number]> = [
  [1, '이벤트 한정 러닝화', 89_000, 500],
  [2, '무선 이어폰', 129_000, 300],
  [3, '캠핑 의자', 45_000, 800],
];

interface ProductRow extends RowDataPacket {
  id: number;
  name: string;
  price_krw: number;
  stock: number;
  updated_at: Date;
}

function pool(address: DatabaseAddress, credentials: DatabaseCredentials, database: string): Pool {
  return mysql.createPool({
    host: address.host,
    port: address.port,
    user: credentials.user,
    password: credentials.password,
    database,
    connectionLimit: 10,
    connectTimeout: 5_000,
    enableKeepAlive: true,
    // TIMESTAMP columns come back as UTC instants, whatever the server's time zone.
    timezone: 'Z',
  });
}

const toProduct = (row: ProductRow): Product => ({
  id: row.id,
  name: row.name,
  priceKrw: row.price_krw,
  stock: row.stock,
  updatedAt: row.updated_at.toISOString(),
});

async function readOne(from: Pool, id: number): Promise<Product | undefined> {
  const [rows] = await from.execute<ProductRow[]>('SELECT id, name, price_krw, stock, updated_at FROM products WHERE id = ?', [id]);
  return rows[0] ? toProduct(rows[0]) : undefined;
}

/**
 * Creates the database, the products table and the seed rows on the writer if they are missing (safe on every
 * start of every server); the read replica receives them through replication.
 */
export async function ensureSchema(config: ServiceConfig, credentials: DatabaseCredentials): Promise<void> {
  if (!config.writer) throw new Error('ensureSchema needs the writer (DB_WRITER_HOST): a read-only service never creates the schema');
  const connection = await mysql.createConnection({
    ...config.writer,
    user: credentials.user,
    password: credentials.password,
    connectTimeout: 10_000,
  });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${config.database}\` CHARACTER SET utf8mb4`);
    await connection.query(`USE \`${config.database}\``);
    await connection.query(
      `CREATE TABLE IF NOT EXISTS products (
        id INT UNSIGNED PRIMARY KEY,
        name VARCHAR(200) NOT NULL,
        price_krw INT UNSIGNED NOT NULL,
        stock INT UNSIGNED NOT NULL,
        updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
      ) CHARACTER SET utf8mb4`,
    );
    await connection.query('INSERT IGNORE INTO products (id, name, price_krw, stock) VALUES ?', [SEED.map((row) => [...row])]);
  } finally {
    await connection.end();
  }
}

/**
 * Connection pools to the writer and the read replica (connections open on first use); without a writer, a
 * read-only store over the replica alone.
 */
export function openProductStore(config: ServiceConfig, credentials: DatabaseCredentials): ProductStore {
  const reader = pool(config.reader, credentials, config.database);
  if (!config.writer) {
    return {
      readOnly: true,
      readFromReplica: (id) => readOne(reader, id),
      // No writer in this Region: the replica is the freshest copy there is.
      readFromWriter: (id) => readOne(reader, id),
      write: () => Promise.reject(new Error(WRITES_GO_TO_THE_PRIMARY)),
      close: () => reader.end(),
    };
  }
  const writer = pool(config.writer, credentials, config.database);
  return {
    readOnly: false,
    readFromReplica: (id) => readOne(reader, id),
    readFromWriter: (id) => readOne(writer, id),
    async write(id, input) {
      await writer.execute(
        'INSERT INTO products (id, name, price_krw, stock) VALUES (?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE name = VALUES(name), price_krw = VALUES(price_krw), stock = VALUES(stock)',
        [id, input.name, input.priceKrw, input.stock],
      );
      const stored = await readOne(writer, id);
      if (!stored) throw new Error(`product ${id} was written but the writer does not return it`);
      return stored;
    },
    async close() {
      await Promise.all([writer.end(), reader.end()]);
    },
  };
}

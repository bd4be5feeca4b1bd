// The one place where the program talks Cypher to the driver. Every statement has a name (for logs
// and round-trip accounting), is parameterised, and comes back as plain JS rows: Neo4j Integers,
// temporal values, nodes and relationships are converted here and nowhere else.
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isRelationship,
  isTime,
  Neo4jError,
} from 'neo4j-driver';

/** A named, parameterised Cypher statement. The name appears in logs and error reports. */
export interface Cypher {
  name: string;
  text: string;
}

/** Declares a named statement; the name is the first thing a reader sees, as in a SQL store. */
export function cypher(name: string, text: string): Cypher {
  return { name, text };
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Raised when Neo4j cannot be reached or went away; the API reports it as SERVICE_UNAVAILABLE. */
export class DatabaseUnavailableError extends Error {
  constructor(
    cause: unknown,
    /**
     * `outage`: the database cannot be reached. `busy`: every pooled connection stayed in use
     * longer than the acquisition timeout — a burst, not an outage, so it does not trip the breaker.
     */
    readonly reason: 'outage' | 'busy' = 'outage',
  ) {
    super('The graph database is unavailable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Raised when a statement ran past its transaction timeout inside Neo4j. */
export class QueryTimeoutError extends Error {
  constructor(readonly queryName: string) {
    super(`Query ${queryName} exceeded its time limit`);
    this.name = 'QueryTimeoutError';
  }
}

/** Counts the statements one unit of work (usually one GraphQL request) sends to Neo4j. */
export interface RoundTripCounter {
  count: number;
  /** Read transactions opened; a request reads one snapshot, so this stays at 1 per request. */
  readTransactions?: number;
}

/**
 * Where a request's reads go: one read transaction shared by every statement of the request
 * (`src/db/batcher.ts`). A `Database` given a scope sends `read` and `readTx` there.
 */
export interface ReadScope {
  run<T>(query: Cypher, params: Params): Promise<T[]>;
  within<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * Converts a value that came out of the driver into plain JSON-friendly JS. Lists and maps are
 * converted where they lie: the driver decodes a fresh one for every value of every record, and
 * copying them doubled the memory a large result (a learning path's candidates) takes while it is read.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans are most of every result: answer them before any type test.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDate(value)) return value.toString();
  if (isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value)) return toPlain(value.properties);
  if (isRelationship(value)) return toPlain(value.properties);
  const map = value as Row;
  for (const key of Object.keys(map)) map[key] = toPlain(map[key]);
  return map;
}

/**
 * Starts a statement without the driver recording the caller's stack trace. The driver builds and
 * formats an Error with every statement to decorate a later failure; that cost a tenth of a
 * millisecond per statement, a good part of a small request. A failure takes the stack of the
 * code that awaits it instead (`rowsOfStatement`).
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Runs a statement started by `start` and returns its rows. A failure gets the stack of the code
 * that awaited it, in place of the caller's stack the driver no longer records: the log of an
 * unexpected error still shows where it happened.
 */
async function rowsOfStatement<T>(start: () => Promise<QueryResult<RecordShape>>): Promise<T[]> {
  try {
    return rowsOf<T>(await withoutCallerStack(start));
  } catch (error) {
    if (error instanceof Error && !/\n\s+at /.test(error.stack ?? '')) {
      const here = new Error().stack ?? '';
      error.stack = `${error.toString()}${here.slice(here.indexOf('\n'))}`;
    }
    throw error;
  }
}

function rowsOf<T>(result: QueryResult<RecordShape>): T[] {
  return result.records.map((record) => toPlain(record.toObject()) as T);
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Translates driver failures into the two the API distinguishes; everything else passes through. */
export function translateError(error: unknown, queryName: string): unknown {
  if (error instanceof Neo4jError) {
    // A database shutting down or starting answers Neo.TransientError.*.DatabaseUnavailable.
    if (UNAVAILABLE_CODES.has(error.code) || error.code.endsWith('.DatabaseUnavailable')) return new DatabaseUnavailableError(error);
    if (error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' || error.code.includes('TransactionTimedOut')) {
      return new QueryTimeoutError(queryName);
    }
    if (/connection acquisition timed out/i.test(error.message)) return new DatabaseUnavailableError(error, 'busy');
    // A connection opened while the server shuts down is closed during its handshake (ProtocolError).
    if (/Failed to connect|Could not perform discovery|Connection was closed by server/i.test(error.message)) return new DatabaseUnavailableError(error);
  }
  return error;
}

/** A transaction the loader writes through: named statements, plain rows, counted. */
export interface Tx {
  run<T = Row>(query: Cypher, params?: Params): Promise<T[]>;
}

/** A read transaction its opener ends (`Database.openRead`). */
export interface OpenRead {
  tx: Tx;
  /** Ends the transaction and releases its connection; never fails. */
  end(): Promise<void>;
}

/**
 * Remembers that the database just failed to answer, so that for a short while requests fail at
 * once instead of each waiting for its own connection attempt; after the pause, the next request
 * tries again and closes the breaker if the database is back.
 */
class OutageBreaker {
  private openUntil = 0;
  constructor(private readonly pauseMs: number) {}

  check(): void {
    if (Date.now() < this.openUntil) throw new DatabaseUnavailableError(new Error('recent connection failures'));
  }

  record(error: unknown): void {
    if (error instanceof DatabaseUnavailableError && error.reason === 'outage') this.openUntil = Date.now() + this.pauseMs;
    else this.openUntil = 0;
  }
}

/**
 * Runs named statements against one database. `Database` is shared by the process; `withCounter`
 * gives each request its own view that counts round trips.
 */
export class Database {
  private readonly breaker: OutageBreaker;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    /** Transaction timeout sent to Neo4j with every statement (0 = the server's default). */
    readonly timeoutMs: number,
    private readonly counter: RoundTripCounter = { count: 0 },
    breaker?: OutageBreaker,
    private readonly reads?: ReadScope,
  ) {
    this.breaker = breaker ?? new OutageBreaker(1_000);
  }

  /** A view of this database whose statements are counted into `counter`. */
  withCounter(counter: RoundTripCounter): Database {
    return new Database(this.driver, this.name, this.timeoutMs, counter, this.breaker);
  }

  /**
   * A view for work that outlives a request (an import job): its own round-trip count, no request
   * snapshot and no per-statement timeout (the server's transaction timeout still applies), but the
   * same outage breaker as every other view.
   */
  detached(): Database {
    return new Database(this.driver, this.name, 0, { count: 0 }, this.breaker);
  }

  /** A view whose reads all go through `reads` (one request's snapshot); writes are unchanged. */
  withReads(reads: ReadScope): Database {
    return new Database(this.driver, this.name, this.timeoutMs, this.counter, this.breaker, reads);
  }

  /** The configuration of every transaction: the timeout sent to Neo4j, when one is set. */
  private get transactionConfig(): { timeout?: number } {
    return this.timeoutMs > 0 ? { timeout: this.timeoutMs } : {};
  }

  get roundTrips(): number {
    return this.counter.count;
  }

  /** One read statement in a managed read transaction (routed to a reader in a cluster). */
  async read<T = Row>(query: Cypher, params: Params = {}): Promise<T[]> {
    if (this.reads) return this.reads.run<T>(query, params);
    return this.readTx((tx) => tx.run<T>(query, params));
  }

  /** One write statement in a managed write transaction. */
  async write<T = Row>(query: Cypher, params: Params = {}): Promise<T[]> {
    return this.writeTx((tx) => tx.run<T>(query, params));
  }

  /** Several reads in one transaction (a consistent snapshot). */
  readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.reads) return this.reads.within(work);
    return this.transaction('READ', work);
  }

  /** Several writes in one transaction: all of them or none. */
  writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    let current = '(transaction)';
    this.breaker.check();
    if (mode === 'READ') this.counter.readTransactions = (this.counter.readTransactions ?? 0) + 1;
    try {
      const config = this.transactionConfig;
      const body = (managed: ManagedTransaction) =>
        work({
          run: async <R>(query: Cypher, params: Params = {}) => {
            current = query.name;
            this.counter.count += 1;
            return rowsOfStatement<R>(() => managed.run(query.text, params));
          },
        });
      const result = mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
      this.breaker.record(null);
      return result;
    } catch (error) {
      const translated = translateError(error, current);
      this.breaker.record(translated);
      throw translated;
    } finally {
      await session.close();
    }
  }

  /**
   * Opens a read transaction that the caller ends: a request's snapshot (src/db/batcher.ts), which
   * stays open while the request reads. Its BEGIN goes out with the first statement instead of
   * being awaited first (one exchange with Neo4j less per request), and there is no work function
   * for the driver to retry: a failure fails the statements that used the transaction, and the
   * next statement opens a new one.
   */
  openRead(): OpenRead {
    this.breaker.check();
    this.counter.readTransactions = (this.counter.readTransactions ?? 0) + 1;
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    const transaction = withoutCallerStack(() => session.beginTransaction(this.transactionConfig));
    return {
      tx: {
        run: async <R>(query: Cypher, params: Params = {}) => {
          this.counter.count += 1;
          try {
            const rows = await rowsOfStatement<R>(() => transaction.run(query.text, params));
            this.breaker.record(null);
            return rows;
          } catch (error) {
            const translated = translateError(error, query.name);
            this.breaker.record(translated);
            throw translated;
          }
        },
      },
      end: async () => {
        try {
          // Committing a read changes nothing; it only ends the transaction on the server.
          if (transaction.isOpen()) await withoutCallerStack(() => transaction.commit());
        } catch {
          // A read transaction that cannot end cleanly has nothing to lose; Neo4j drops it.
        } finally {
          await session.close();
        }
      },
    };
  }

  /** Auto-commit statement, needed for `CALL { … } IN TRANSACTIONS`, schema commands and procedures that wait on the database. */
  async autoCommit<T = Row>(query: Cypher, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.name });
    try {
      this.counter.count += 1;
      return await rowsOfStatement<T>(() => session.run(query.text, params, this.transactionConfig));
    } catch (error) {
      throw translateError(error, query.name);
    } finally {
      await session.close();
    }
  }
}

/** Integers for LIMIT/SKIP and integer properties: the driver would send a JS number as a Float. */
export const int = neo4j.int;

/**
 * Deep-copies a parameter value with every integral JS number turned into a Neo4j Integer, so
 * counts, levels, versions and orders are stored as integers rather than floats.
 */
export function integers<T>(value: T): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? neo4j.int(value) : value) as T;
  if (Array.isArray(value)) return value.map(integers) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, integers(inner)])) as T;
  }
  return value;
}

// Request-scoped data access. Every relationship a resolver follows is a named lookup (a Cypher
// fragment in its module's repository) with its own typed loader; all loaders share one batcher, so
// every key asked for while GraphQL resolves one level of a query — tasks of 50 standards, their
// outputs, their indicators, their competencies — is read in ONE statement with UNWIND. A GraphQL
// operation therefore costs a number of round trips that follows the depth of its selection, never
// the number of items that come back. The batcher and the services share one read transaction.
import DataLoader from 'dataloader';
import { cypher, integers, translateError, type Cypher, type Database, type OpenRead, type Params, type ReadScope, type RoundTripCounter, type Tx } from './query.js';

/**
 * A named read that answers one key of a batch. `body` runs once per key with `key.id` (a graph
 * id) and `key.args` (the lookup's arguments, a map) in scope and must end with `RETURN … AS value`,
 * producing at most one row. `decode` turns the plain value into the module's row type.
 */
export interface Lookup<Value, Args extends object | undefined = undefined> {
  /** `Type.relationship`, e.g. `Task.indicators`: letters and dots only (it appears in the statement). */
  name: string;
  body: string;
  /** `id` is the key's id, so values need not repeat it. */
  decode(raw: unknown, id: string): Value;
  /** Type-level only: the arguments the lookup reads from `key.args`. */
  readonly args?: Args;
}

/** What resolvers call: one lookup bound to the request's batcher. */
export interface LookupLoader<Value, Args extends object | undefined = undefined> {
  load(id: string, ...args: Args extends undefined ? [] : [Args]): Promise<Value>;
  loadMany(ids: readonly string[], ...args: Args extends undefined ? [] : [Args]): Promise<Value[]>;
}

interface BatchKey {
  lookup: Lookup<unknown, object | undefined>;
  id: string;
  args: object | undefined;
}

const LOOKUP_NAME = /^[A-Za-z]+(\.[A-Za-z]+)+$/;

/**
 * Rows that carry `nodeType` and `id` are entities; a loaded one can answer `<Type>.byId` later,
 * unless it is `partial` (some of its properties were not read).
 */
interface EntityLike {
  nodeType: string;
  id: string;
  partial?: boolean;
}

/** The by-id lookup of each node type (GraphQL type name), under which loaded entities are cached. */
export type ByIdLookups = Partial<Record<string, Lookup<unknown>>>;

function isEntity(value: unknown): value is EntityLike {
  return typeof value === 'object' && value !== null && typeof (value as EntityLike).nodeType === 'string' && typeof (value as EntityLike).id === 'string';
}

/**
 * One read transaction shared by every read of one request (the loaders' batches and the services'
 * own statements alike), so a request reads one snapshot: opened by the first statement, committed
 * as soon as the request's reads go idle (nothing running once the current turn of the event loop
 * has settled). A statement that fails discards the transaction; the next one opens a new one.
 */
export class RequestTransaction implements ReadScope {
  private open: OpenRead | null = null;
  private running = 0;
  private closing: NodeJS.Immediate | null = null;

  /** `db` is the request's counted view of the database without a read scope of its own. */
  constructor(private readonly db: Database) {}

  run<T>(query: Cypher, params: Params): Promise<T[]> {
    return this.use((tx) => tx.run<T>(query, params));
  }

  /** Several reads that must see the same data: the transaction stays open until `work` settles. */
  within<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.use(work);
  }

  // Statements report their failures under their own names (Database.openRead); what is left to
  // translate here is a transaction that could not be opened.
  private async use<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    this.running += 1;
    if (this.closing) clearImmediate(this.closing);
    this.closing = null;
    let opened: OpenRead | null = null;
    try {
      opened = this.open ??= this.db.openRead();
      return await work(opened.tx);
    } catch (error) {
      if (opened && this.open === opened) this.discard();
      throw translateError(error, '(request transaction)');
    } finally {
      this.running -= 1;
      if (this.running === 0) this.closing = setImmediate(() => this.running === 0 && this.discard());
    }
  }

  /** Commits (or, after a failure, abandons) the current transaction. */
  private discard(): void {
    const current = this.open;
    this.open = null;
    void current?.end();
  }
}

/**
 * Collects the keys every lookup loader receives while GraphQL resolves one level and reads them
 * with one statement: the bodies of the lookups present, joined with UNION ALL under one UNWIND.
 */
export class GraphBatcher {
  private readonly loader: DataLoader<BatchKey, unknown, string>;
  private readonly transaction: RequestTransaction;
  private byId: ByIdLookups = {};

  constructor(transaction: RequestTransaction) {
    this.transaction = transaction;
    this.loader = new DataLoader((keys) => this.run(keys), {
      cacheKeyFn: (key) => `${key.lookup.name}\u0000${key.id}\u0000${key.args === undefined ? '' : JSON.stringify(key.args)}`,
    });
  }

  /** Entities found by any lookup are cached under these by-id lookups (per request). */
  primeEntitiesInto(byId: ByIdLookups): void {
    this.byId = byId;
  }

  bind<Value, Args extends object | undefined = undefined>(lookup: Lookup<Value, Args>): LookupLoader<Value, Args> {
    if (!LOOKUP_NAME.test(lookup.name)) throw new Error(`Lookup name ${lookup.name} must be letters and dots`);
    const key = (id: string, args: unknown[]): BatchKey => ({
      lookup: lookup as unknown as BatchKey['lookup'],
      id,
      args: args[0] as object | undefined,
    });
    return {
      load: (id, ...args) => this.loader.load(key(id, args)) as Promise<Value>,
      loadMany: async (ids, ...args) => {
        const results = await this.loader.loadMany(ids.map((id) => key(id, args)));
        for (const result of results) if (result instanceof Error) throw result;
        return results as Value[];
      },
    };
  }

  /**
   * Loads an entity of any node type by its graph id through that type's by-id lookup (as
   * registered with `primeEntitiesInto`); null for a type without one.
   */
  async loadById(type: string, id: string): Promise<unknown> {
    const byId = this.byId[type];
    return byId ? this.bind(byId).load(id) : null;
  }

  /**
   * Decodes a node's properties read outside the lookups (a search hit) as its type's by-id lookup
   * decodes them, so callers need not know which module owns the type.
   */
  decodeAs(type: string, raw: Record<string, unknown>): unknown {
    const byId = this.byId[type];
    if (!byId) throw new Error(`No by-id lookup is registered for node type ${type}`);
    return byId.decode(raw, String(raw.id ?? ''));
  }

  private statementFor(lookups: Array<BatchKey['lookup']>): Cypher {
    const names = lookups.map((l) => l.name);
    const cacheKey = names.join('+');
    let statement = SHARED_STATEMENTS.get(cacheKey);
    if (!statement) {
      const branches = lookups.map((l) => `  WITH key WHERE key.rel = '${l.name}'\n  ${l.body.trim().replace(/\n\s*/g, '\n  ')}`);
      statement = cypher(
        `load[${cacheKey}]`,
        `UNWIND $keys AS key\nCALL (key) {\n${branches.join('\n  UNION ALL\n')}\n}\nRETURN key.n AS n, value`,
      );
      SHARED_STATEMENTS.set(cacheKey, statement);
    }
    return statement;
  }

  private async run(keys: readonly BatchKey[]): Promise<unknown[]> {
    const lookups = [...new Map(keys.map((k) => [k.lookup.name, k.lookup])).values()].sort((a, b) => a.name.localeCompare(b.name));
    const params = keys.map((k, n) => ({ n, rel: k.lookup.name, id: k.id, args: k.args ?? {} }));
    const rows = await this.transaction.run<{ n: number; value: unknown }>(this.statementFor(lookups), { keys: integers(params) });
    const raw = new Array<unknown>(keys.length).fill(null);
    for (const row of rows) raw[row.n] = row.value;
    return keys.map((key, index) => {
      const value = key.lookup.decode(raw[index] ?? null, key.id);
      this.prime(value, 0);
      return value;
    });
  }

  /** Caches entities read outside the batcher (e.g. by a root query) so following them is free. */
  remember(value: unknown): void {
    this.prime(value, 0);
  }

  /** Caches the entities in a loaded value under their by-id lookups, so following them is free. */
  private prime(value: unknown, depth: number): void {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) this.prime(item, depth + 1);
      return;
    }
    if (isEntity(value) && !value.partial) {
      const byId = this.byId[value.nodeType];
      if (byId) this.loader.prime({ lookup: byId as BatchKey['lookup'], id: value.id, args: undefined }, value);
    }
    for (const inner of Object.values(value)) if (inner !== null && typeof inner === 'object') this.prime(inner, depth + 1);
  }
}

/** Composed statements are the same for every request: build each combination once per process. */
const SHARED_STATEMENTS = new Map<string, Cypher>();

/** What one request reads through: its database view (reads in the shared transaction) and its batcher. */
export interface RequestScope {
  db: Database;
  batcher: GraphBatcher;
}

/** Opens the request's data access: statements counted into `counter`, reads in one transaction. */
export function openRequestScope(db: Database, counter: RoundTripCounter): RequestScope {
  const counted = db.withCounter(counter);
  const transaction = new RequestTransaction(counted);
  return { db: counted.withReads(transaction), batcher: new GraphBatcher(transaction) };
}

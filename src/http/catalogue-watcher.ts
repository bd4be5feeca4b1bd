// Follows the catalogue version in Neo4j for the response cache: read once a second by default (one
// tiny statement per second per replica, whatever the traffic), and at once when this process writes.
import { onLocalBump, readCatalogueVersion } from '../db/catalogue-version.js';
import type { Database } from '../db/query.js';

/**
 * How often the version is read by default: the longest a replica serves answers of a catalogue
 * another process changed.
 */
export const VERSION_POLL_MS = 1_000;
/** A reading older than this many polls (Neo4j unreachable, event loop stalled) is not trusted. */
const TRUSTED_FOR_POLLS = 2.5;

export class CatalogueWatcher {
  private version: number | null = null;
  private readAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopLocal: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly pollMs = VERSION_POLL_MS,
  ) {}

  /** The version to key answers by, or null when it is not known well enough to trust a cached answer. */
  current(): number | null {
    return this.version !== null && performance.now() - this.readAt <= TRUSTED_FOR_POLLS * this.pollMs ? this.version : null;
  }

  async start(): Promise<void> {
    this.stopLocal = onLocalBump((version) => this.accept(version));
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.stopLocal?.();
    this.timer = null;
    this.stopLocal = null;
  }

  private async refresh(): Promise<void> {
    const asked = performance.now();
    try {
      const version = await readCatalogueVersion(this.db);
      // A bump this process made while the read was in flight is newer than what the read saw.
      if (this.readAt <= asked) this.accept(version);
    } catch {
      // The database did not answer: answers cached from it can no longer be vouched for.
      this.version = null;
    }
  }

  private accept(version: number): void {
    this.version = version;
    this.readAt = performance.now();
  }
}

// The contract every export format implements, and the ordered file output they share.
import { once } from 'node:events';
import fs from 'node:fs';
import type { EdgeRecord, NodeRecord } from './graph-records.js';

/** A text file written in order, waiting whenever the disk falls behind. */
export class OutputFile {
  private readonly stream: fs.WriteStream;

  constructor(readonly file: string) {
    this.stream = fs.createWriteStream(file, { encoding: 'utf8' });
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** What every format does with the nodes (all of them first) and then the relationships. */
export interface GraphWriter {
  files: string[];
  nodes(batch: NodeRecord[]): Promise<void>;
  /** Called once, after the last node and before the first relationship. */
  startRelationships(): Promise<void>;
  relationships(batch: EdgeRecord[]): Promise<void>;
  close(): Promise<void>;
}

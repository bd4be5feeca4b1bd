// Global ids, cursors, page sizes and the connection builders.
import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  globalIdOfNode,
  keysetConnection,
  keysetPage,
  nodeTypeOfLabels,
  offsetConnection,
  offsetPage,
  pageSize,
  toGlobalId,
} from '../../src/relay.js';

describe('global ids', () => {
  it('are readable and round-trip to the graph id and label', () => {
    expect(toGlobalId('Standard', 'BLM2421-007v4')).toBe('Standard:BLM2421-007v4');
    expect(toGlobalId('Task', 'BLM2421-007v4:T1.1')).toBe('Task:BLM2421-007v4:T1.1');
    expect(toGlobalId('Skill', 'skill:溝通協調能力')).toBe('Skill:溝通協調能力');
    expect(toGlobalId('CompetencyLevel', 'level:4')).toBe('CompetencyLevel:4');
    expect(fromGlobalId('Task:BLM2421-007v4:T1.1')).toEqual({ type: 'Task', graphId: 'BLM2421-007v4:T1.1', label: 'Task' });
    expect(fromGlobalId('Skill:溝通協調能力')).toEqual({ type: 'Skill', graphId: 'skill:溝通協調能力', label: 'Competency' });
    expect(fromGlobalId('Note:BGM5R0167v2:N1')).toEqual({ type: 'Note', graphId: 'BGM5R0167v2:N1', label: 'Term' });
    expect(fromGlobalId('CompetencyLevel:4')).toEqual({ type: 'CompetencyLevel', graphId: 'level:4', label: 'Level' });
  });

  it('reject unknown types and empty keys', () => {
    for (const id of ['', 'Standard', 'Standard:', ':x', 'Planet:Earth', 'toString:x', '__proto__:x']) expect(fromGlobalId(id), id).toBeNull();
  });

  it('name a node by its most specific label', () => {
    expect(nodeTypeOfLabels(['Document', 'Standard'])).toBe('Standard');
    expect(nodeTypeOfLabels(['Competency', 'Skill'])).toBe('Skill');
    expect(nodeTypeOfLabels(['Term'])).toBe('Note');
    expect(nodeTypeOfLabels(['Migration'])).toBeNull();
    expect(globalIdOfNode(['Competency', 'Knowledge'], 'knowledge:成本計算')).toBe('Knowledge:成本計算');
    expect(globalIdOfNode(['Lexicon'], 'x')).toBe('Lexicon:x');
  });
});

describe('cursors and pages', () => {
  it('round-trip and are opaque', () => {
    const key = encodeCursor({ kind: 'key', key: 'BLM2421-007v4:T1.1' });
    expect(key).not.toContain('BLM');
    expect(decodeCursor(key)).toEqual({ kind: 'key', key: 'BLM2421-007v4:T1.1' });
    expect(decodeCursor(encodeCursor({ kind: 'offset', offset: 40 }))).toEqual({ kind: 'offset', offset: 40 });
  });

  it('refuse what this API did not issue, as BAD_USER_INPUT', () => {
    for (const cursor of ['', 'abc', Buffer.from('c1:o:-1').toString('base64url'), Buffer.from('c2:k:x').toString('base64url')]) {
      expect(() => decodeCursor(cursor), cursor).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
    expect(() => keysetPage({ after: encodeCursor({ kind: 'offset', offset: 1 }) })).toThrow(/different list/);
    expect(() => offsetPage({ after: encodeCursor({ kind: 'key', key: 'x' }) })).toThrow(/different list/);
  });

  it('default to 20 and allow at most 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(/between 0 and 100/);
    expect(() => pageSize(-1)).toThrow(/between 0 and 100/);
  });
});

describe('connections', () => {
  const rows = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

  it('keyset: shows `first` items, tells whether more exist, and continues after a cursor', () => {
    const page = keysetPage({ first: 2 });
    const first = keysetConnection(rows.slice(0, 3), 4, page, (row) => row.id);
    expect(first.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor, endCursor: first.edges[1]!.cursor });
    expect(first.totalCount).toBe(4);
    const next = keysetPage({ first: 2, after: first.pageInfo.endCursor });
    expect(next.after).toBe('b');
    const second = keysetConnection(rows.slice(2), 4, next, (row) => row.id, (node, cursor) => ({ node, cursor, extra: node.id.toUpperCase() }));
    expect(second.edges.map((e) => e.extra)).toEqual(['C', 'D']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('offset: cursors count positions across pages', () => {
    const first = offsetConnection(rows.slice(0, 3), 4, offsetPage({ first: 2 }));
    const next = offsetPage({ first: 2, after: first.pageInfo.endCursor });
    expect(next.offset).toBe(2);
    const second = offsetConnection(rows.slice(2), 4, next);
    expect(second.edges.map((e) => e.node.id)).toEqual(['c', 'd']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = offsetConnection([], 0, offsetPage({}));
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

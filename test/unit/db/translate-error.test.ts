// How driver errors become the service's own: each sign of an unreachable or unavailable database
// on its own is enough to answer SERVICE_UNAVAILABLE (a stopped Neo4j shows several at once, so a
// test that stops one cannot tell which of them is read).
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, QueryTimeoutError, translateError } from '../../../src/db/query.js';

const driverError = (message: string, code: string) => new Neo4jError(message, code, 'N/A', 'N/A');

describe('translateError', () => {
  it.each([
    ['ServiceUnavailable', 'the server went away'],
    ['SessionExpired', 'the session expired'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'the database is starting'],
  ])('reads the driver code %s as an outage', (code, message) => {
    const translated = translateError(driverError(message, code), 'q');
    expect(translated).toBeInstanceOf(DatabaseUnavailableError);
    expect((translated as DatabaseUnavailableError).reason).toBe('outage');
  });

  it.each([
    'Failed to connect to server. Please ensure that your database is listening',
    'Could not perform discovery. No routing servers available',
    // Seen as a ProtocolError when a connection is opened while Neo4j shuts down.
    'Connection was closed by server',
  ])(
    'reads the message "%s" as an outage whatever its code',
    (message) => {
      const translated = translateError(driverError(message, 'N/A'), 'q');
      expect(translated).toBeInstanceOf(DatabaseUnavailableError);
      expect((translated as DatabaseUnavailableError).reason).toBe('outage');
    },
  );

  it('reads a pool that could not lend a connection in time as busy, not as an outage', () => {
    const translated = translateError(driverError('Connection acquisition timed out in 10000 ms.', 'N/A'), 'q');
    expect(translated).toBeInstanceOf(DatabaseUnavailableError);
    expect((translated as DatabaseUnavailableError).reason).toBe('busy');
  });

  it('names the statement that took too long', () => {
    const translated = translateError(driverError('terminated', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), 'document.byCode');
    expect(translated).toBeInstanceOf(QueryTimeoutError);
    expect((translated as Error).message).toContain('document.byCode');
  });

  it('leaves every other error as it is', () => {
    const syntax = driverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    expect(translateError(syntax, 'q')).toBe(syntax);
    const plain = new Error('Failed to connect');
    expect(translateError(plain, 'q')).toBe(plain);
  });
});

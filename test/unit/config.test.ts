import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded Neo4j under .data/neo4j and port 4000', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(4000);
    expect(config.neo4j).toEqual({ mode: 'embedded', dataDir: '/srv/app/.data/neo4j', port: 7687, heap: '1g', database: 'neo4j' });
    expect(config.adminToken).toBeUndefined();
    expect(config.seedOnEmpty).toBe(true);
  });

  it('uses the remote server when NEO4J_URI is set, with its credentials and database', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'icap',
    });
    expect(config.neo4j).toEqual({
      mode: 'remote',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'reader',
      password: 'secret',
      database: 'icap',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', ADMIN_TOKEN: '' }).neo4j.mode).toBe('embedded');
  });

  it('lists every invalid variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', ADMIN_TOKEN: 'short', SEED_ON_EMPTY: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^NEO4J_URI: must be a bolt:\/\//m);
    expect(problems).toMatch(/^ADMIN_TOKEN: must be at least 16 characters/m);
    expect(problems).toMatch(/^SEED_ON_EMPTY:/m);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('parses booleans and numbers from strings', () => {
    const config = loadConfig({ PORT: '8080', SEED_ON_EMPTY: 'false', NEO4J_QUERY_TIMEOUT_MS: '2500' });
    expect(config.port).toBe(8080);
    expect(config.seedOnEmpty).toBe(false);
    expect(config.queryTimeoutMs).toBe(2500);
  });
});

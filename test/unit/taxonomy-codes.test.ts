import { describe, expect, it } from 'vitest';
import { ancestorCodes } from '../../src/ingest/taxonomy-codes.js';

describe('ancestorCodes', () => {
  it('walks an occupation code up by its digits', () => {
    expect(ancestorCodes('Occupation', '2421')).toEqual(['242', '24', '2']);
    expect(ancestorCodes('Occupation', '2')).toEqual([]);
  });

  it('walks an industry code up through group, division and section, whatever its length', () => {
    expect(ancestorCodes('Industry', 'M7010')).toEqual(['M701', 'M70', 'M']);
    expect(ancestorCodes('Industry', 'M701')).toEqual(['M70', 'M']);
    expect(ancestorCodes('Industry', 'M70')).toEqual(['M']);
    expect(ancestorCodes('Industry', 'M')).toEqual([]);
  });

  it('puts a 職類別 under its career cluster letter', () => {
    expect(ancestorCodes('Category', 'BLM')).toEqual(['B']);
    expect(ancestorCodes('Category', 'B')).toEqual([]);
  });
});

// Turns the `standards`/`units` filter and page arguments into repository arguments, refusing
// values outside what the schema documents.
import { badUserInput } from '../../errors.js';
import type { StandardFilter, UnitFilter } from '../../generated/graphql.js';
import { keysetPage } from '../../relay.js';
import type { DocumentPageArgs } from './document.repository.js';

/** Longest free text a filter or search accepts. */
export const MAX_TEXT_LENGTH = 200;

/** Trims a code argument; an empty one means "not given". */
export function codeArgument(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function levelArgument(value: number | null | undefined, argument: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > 6) throw badUserInput(`\`${argument}\` must be a level from 1 to 6; got ${value}.`, argument);
  return value;
}

export function textArgument(value: string | null | undefined, argument: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (trimmed.length > MAX_TEXT_LENGTH) throw badUserInput(`\`${argument}\` may be at most ${MAX_TEXT_LENGTH} characters; got ${trimmed.length}.`, argument);
  return trimmed;
}

type AnyFilter = StandardFilter & UnitFilter;

/**
 * Repository arguments for a page of documents. `scope` fixes a classification (a taxonomy
 * entry's own `standards`), overriding the filter's code of the same kind.
 */
export function documentPageArgs(
  filter: StandardFilter | UnitFilter | null | undefined,
  page: { first?: number | null; after?: string | null },
  scope: Partial<Pick<DocumentPageArgs, 'category' | 'occupation' | 'industry'>> = {},
): DocumentPageArgs {
  // Without a filter object the input's defaults do not apply: spell out status CURRENT.
  const f: AnyFilter = filter ?? { status: 'CURRENT' };
  const levelMin = levelArgument(f.levelMin, 'filter.levelMin');
  const levelMax = levelArgument(f.levelMax, 'filter.levelMax');
  if (levelMin !== null && levelMax !== null && levelMin > levelMax) {
    throw badUserInput(`\`filter.levelMin\` (${levelMin}) must not exceed \`filter.levelMax\` (${levelMax}).`, 'filter.levelMin');
  }
  const text = textArgument(f.text, 'filter.text');
  const { first, after } = keysetPage(page);
  return {
    status: f.status ?? null,
    text: text === null ? null : text.toLowerCase(),
    category: scope.category ?? codeArgument(f.categoryCode),
    occupation: scope.occupation ?? codeArgument(f.occupationCode),
    industry: scope.industry ?? codeArgument(f.industryCode),
    levelMin,
    levelMax,
    first,
    after,
  };
}

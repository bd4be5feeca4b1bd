// Turns the `standards`/`units` filter and page arguments into repository arguments, refusing
// values outside what the schema documents.
import { codeArgument, levelArgument, textArgument } from '../../arguments.js';
import { badUserInput } from '../../errors.js';
import type { StandardFilter, UnitFilter } from '../../generated/graphql.js';
import { keysetPage } from '../../relay.js';
import type { DocumentPageArgs } from './document.repository.js';

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

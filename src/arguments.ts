// Checks of the arguments several modules accept (codes, levels, free text): one rule and one
// message for each, whichever field takes it.
import { badUserInput } from './errors.js';

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

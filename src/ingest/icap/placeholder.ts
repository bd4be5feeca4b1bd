// `無` ("none") and its kin: a field or list that is present but says there is nothing in it.

const PLACEHOLDER = /^(?:無|略|無。|略。|-|—|N\/A)$/i;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

// Where each node of a drawing goes: bands around the centre, one per distance from it, and within
// a band one sector per kind, filled row by row with room for each label. Same-kind neighbours sit
// together (all the skills on one side, the standards on another), and no two labels overlap.

export interface LayoutNode {
  id: string;
  /** Relationships from the centre (0 for the centre). */
  distance: number;
  kind: string;
}

/** Horizontal room one label needs (a shortened label is at most eight characters of 11 px). */
export const LABEL_SLOT = 96;
/** Bands are ellipses this much wider than tall: labels are wide, and so are screens. */
const ASPECT = 1.5;
/** Distance between two rows of a band: the node, its label below it and a gap. */
const ROW_HEIGHT = 48;
/** Radius (vertical) of the first band; the gap between bands. */
const FIRST_RADIUS = 100;
const BAND_GAP = 36;

/**
 * Positions around (0, 0); `kindOrder` decides which kind comes first around the circle. Within a
 * band the nodes take evenly spaced angles in kind order (so each kind has its sector) and
 * alternate between the band's rows, so that two nodes on one row are always a label apart.
 */
export function ringLayout(nodes: readonly LayoutNode[], kindOrder: readonly string[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const rank = (kind: string) => {
    const index = kindOrder.indexOf(kind);
    return index < 0 ? kindOrder.length : index;
  };
  const bands = new Map<number, LayoutNode[]>();
  for (const node of nodes) {
    if (node.distance === 0) positions.set(node.id, { x: 0, y: 0 });
    else bands.set(node.distance, [...(bands.get(node.distance) ?? []), node]);
  }
  let smallest = FIRST_RADIUS;
  for (const distance of [...bands.keys()].sort((a, b) => a - b)) {
    const band = bands.get(distance)!.sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    const n = band.length;
    // With `rows` rows, nodes on one row are `rows` places apart: the inner row must be wide enough
    // for a label where the ellipse runs sideways (top and bottom, stretched by ASPECT) and for a
    // node and its label where it runs up and down (left and right).
    const slot = Math.max(LABEL_SLOT / ASPECT, ROW_HEIGHT * 0.75);
    const innerFor = (rows: number) => Math.max(smallest, (slot * n) / (2 * Math.PI * rows));
    let rows = 1;
    for (let candidate = 2; candidate <= 8; candidate += 1) {
      if (innerFor(candidate) + (candidate - 1) * ROW_HEIGHT < innerFor(rows) + (rows - 1) * ROW_HEIGHT) rows = candidate;
    }
    rows = Math.min(rows, n);
    const inner = innerFor(rows);
    band.forEach((node, i) => {
      // Start at the top and go clockwise.
      const angle = -Math.PI / 2 + (2 * Math.PI * (i + 0.5)) / n;
      const radius = inner + (i % rows) * ROW_HEIGHT;
      positions.set(node.id, { x: ASPECT * radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
    smallest = inner + (rows - 1) * ROW_HEIGHT + ROW_HEIGHT + BAND_GAP;
  }
  return positions;
}

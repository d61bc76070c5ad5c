/**
 * The top-level shape of every document kind, declared once: its root names and the Yjs type each
 * root must be. Readers get roots only through `getRoot`, and the server checks each client update
 * with `checkUpdateRoots` before applying it, so no client can add a root or reuse one as another type.
 */
import type * as Y from 'yjs';
import { DocKind } from './docNames.ts';
import { type RootUse, scanUpdate } from './updateScan.ts';

export const RootType = { map: 'map', array: 'array', text: 'text' } as const;
export type RootType = (typeof RootType)[keyof typeof RootType];

/** Adding a document kind is one entry here (and one in `DocKind`). */
export const DOC_SHAPES = {
  [DocKind.meeting]: { meta: RootType.map, agenda: RootType.map, attendance: RootType.map },
  [DocKind.meetingLive]: {
    state: RootType.map,
    timings: RootType.map,
    timeline: RootType.array,
    pinned: RootType.map,
  },
  [DocKind.ledger]: {
    meta: RootType.map,
    commitments: RootType.map,
    reviews: RootType.map,
    history: RootType.array,
  },
} as const satisfies Record<DocKind, Readonly<Record<string, RootType>>>;
export type DocShapes = typeof DOC_SHAPES;
export type RootName<K extends DocKind> = keyof DocShapes[K] & string;

interface RootTypes {
  map: Y.Map<unknown>;
  array: Y.Array<unknown>;
  text: Y.Text;
}

/**
 * A declared root, as the type its kind declares. Values inside are `unknown`: any client could have
 * written them, so readers check each one.
 */
export function getRoot<K extends DocKind, N extends RootName<K>>(
  doc: Y.Doc,
  kind: K,
  name: N,
): RootTypes[DocShapes[K][N] & RootType] {
  const type = (DOC_SHAPES[kind] as Readonly<Record<string, RootType>>)[name];
  const root =
    type === RootType.array
      ? doc.getArray(name)
      : type === RootType.text
        ? doc.getText(name)
        : doc.getMap(name);
  return root as RootTypes[DocShapes[K][N] & RootType];
}

/** Every declared root of a kind, for observers and undo managers that must see all changes. */
export function allRoots(doc: Y.Doc, kind: DocKind): Y.AbstractType<unknown>[] {
  return Object.keys(DOC_SHAPES[kind]).map(
    (name) => getRoot(doc, kind, name as RootName<typeof kind>) as Y.AbstractType<unknown>,
  );
}

export interface RootCheck {
  /** Roots the update creates or writes that its kind does not declare. */
  undeclared: string[];
  /** Declared roots the update uses as another type (map entries in a list root, or the reverse). */
  wrongType: string[];
}

const declaredTypes = new Map<DocKind, ReadonlyMap<string, RootType>>(
  Object.entries(DOC_SHAPES).map(([kind, roots]) => [kind as DocKind, new Map(Object.entries(roots))]),
);

/**
 * Which roots a client update (v1 encoding) would write outside its kind's declared shape. It only
 * looks at items that name their root (a string parent); an item that continues another item (has
 * an origin) inherits that item's root and kind of slot, so it cannot change a root's shape. Nested
 * values are not checked here; readers skip malformed ones.
 * Throws only what `Y.decodeUpdate` throws for bytes that are not an update.
 */
export function checkUpdateRoots(kind: DocKind, update: Uint8Array): RootCheck {
  return checkRootUses(kind, scanUpdate(update).roots);
}

/** `checkUpdateRoots` on the roots an update was already found to use (`scanUpdate`). */
export function checkRootUses(kind: DocKind, uses: RootUse[]): RootCheck {
  const declared = declaredTypes.get(kind);
  const undeclared = new Set<string>();
  const wrongType = new Set<string>();
  for (const { name, mapEntry } of uses) {
    const type = declared?.get(name);
    if (type === undefined) undeclared.add(name);
    else if ((type === RootType.map) !== mapEntry) wrongType.add(name);
  }
  return { undeclared: [...undeclared], wrongType: [...wrongType] };
}

/** True when the update keeps to its kind's declared roots. */
export const keepsShape = (check: RootCheck): boolean =>
  check.undeclared.length === 0 && check.wrongType.length === 0;

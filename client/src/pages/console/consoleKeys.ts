/**
 * The console's keyboard: which key runs which action, shown in the buttons and the help sheet from
 * this one table, so the two never disagree. Keys are ignored while typing in a field or with a
 * modifier held (the browser's own shortcuts stay the browser's).
 */

export const ConsoleAction = {
  next: 'next',
  previous: 'previous',
  toggleTimer: 'toggleTimer',
  extend: 'extend',
  capture: 'capture',
  selectDown: 'selectDown',
  selectUp: 'selectUp',
  reviewDone: 'reviewDone',
  reviewNewDate: 'reviewNewDate',
  reviewDrop: 'reviewDrop',
  takeBack: 'takeBack',
  help: 'help',
} as const;
export type ConsoleAction = (typeof ConsoleAction)[keyof typeof ConsoleAction];

/** The keys of each action as `KeyboardEvent.key` values (letters lower case). */
export const KEYS: Record<ConsoleAction, readonly string[]> = {
  next: ['ArrowRight', 'n'],
  previous: ['ArrowLeft', 'p'],
  toggleTimer: [' '],
  extend: ['e'],
  capture: ['c'],
  selectDown: ['ArrowDown', 'j'],
  selectUp: ['ArrowUp', 'k'],
  reviewDone: ['d'],
  reviewNewDate: ['r'],
  reviewDrop: ['x'],
  takeBack: ['t'],
  help: ['?'],
};

/** How a key is written on a key cap. */
const CAPS: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowDown: '↓',
  ArrowUp: '↑',
  ' ': 'Space',
};
export const keyCap = (key: string): string => CAPS[key] ?? key.toUpperCase();

/** The action of a key press, a number (1–9: the item's indicator on screen), or null. */
export function actionOfKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): ConsoleAction | { indicator: number } | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (/^[1-9]$/.test(key)) return { indicator: Number(key) };
  // "?" is Shift+/ on most layouts: the key value already says "?".
  for (const [action, keys] of Object.entries(KEYS) as Array<[ConsoleAction, readonly string[]]>)
    if (keys.includes(key)) return action;
  return null;
}

/** True while the person is typing: keys then belong to the field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}

/**
 * A stable colour per person, so the same analyst has the same colour on every screen. The palette
 * keeps white initials readable (contrast ≥ 4.5:1 on each colour).
 */
const PALETTE = ['#1f5fbf', '#8a3ffc', '#0f7b6c', '#b5371f', '#9e3d86', '#2a6f97', '#7a5a00', '#a23b72'];

export function presenceColor(personId: string): string {
  let hash = 0;
  for (let index = 0; index < personId.length; index++) hash = (hash * 31 + personId.charCodeAt(index)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? '#1f5fbf';
}

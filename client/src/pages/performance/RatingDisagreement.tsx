/** The flag shown where an owner's own rating and the data disagree — the drift that traffic lights hide. */
import { type GoalSummary, STATUS_LABELS, type Status } from '../../../../shared/performance.ts';

export function disagreementText(rated: Status, computed: Status): string {
  return `Owner says ${STATUS_LABELS[rated].toLowerCase()} — data says ${STATUS_LABELS[computed].toLowerCase()}`;
}

export function RatingDisagreement({ goal }: { goal: Pick<GoalSummary, 'ownerRating' | 'computedStatus'> }) {
  if (!goal.ownerRating) return null;
  return (
    <p className="disagreement" role="note">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="disagreement__icon">
        <path d="M8 1.2l7 13H1z" fill="currentColor" />
        <path d="M8 5.6v4.2M8 11.4v1.4" stroke="#fff" strokeWidth="1.6" />
      </svg>
      {disagreementText(goal.ownerRating.status, goal.computedStatus)}
    </p>
  );
}

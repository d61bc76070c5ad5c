/** The flag shown where an owner's own rating and the data disagree — the drift that traffic lights hide. */
import { useTranslation } from 'react-i18next';
import type { GoalSummary, Status } from '../../../../shared/performance.ts';
import { statusLabel } from '../../charts/statusText.ts';
import { i18next } from '../../i18n/i18n.ts';

/** "Owner says on track — data says off track", in the reader's language at call time. */
export function disagreementText(rated: Status, computed: Status): string {
  return i18next.t('performance:disagreement', {
    rated: statusLabel(rated).toLowerCase(),
    computed: statusLabel(computed).toLowerCase(),
  });
}

export function RatingDisagreement({ goal }: { goal: Pick<GoalSummary, 'ownerRating' | 'computedStatus'> }) {
  // Subscribes to the language, so the sentence follows a switch.
  useTranslation('performance');
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

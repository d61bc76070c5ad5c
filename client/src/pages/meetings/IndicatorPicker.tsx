/**
 * The objective's goals and indicators, grouped by the agency that owns them, to pick what an agenda
 * item puts on screen. Each indicator shows the same status badge, sparkline and "late" marker as
 * the performance pages, so an analyst sees at a glance what is worth showing and what lacks data.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INDICATORS_PER_ITEM } from '../../../../shared/meetingDoc.ts';
import type { Agency, GoalSummary, ObjectiveDetail } from '../../../../shared/performance.ts';
import { formatValue } from '../../charts/format.ts';
import { longPeriodLabel } from '../../charts/periods.ts';
import { Sparkline } from '../../charts/Sparkline.tsx';
import { StatusBadge } from '../../charts/StatusBadge.tsx';
import { usePickerMemory } from './pickerMemory.ts';

interface IndicatorPickerProps {
  detail: ObjectiveDetail;
  selectedIds: string[];
  /** Goals that already have an item on the agenda. */
  goalsOnAgenda: Set<string>;
  /** Null where there is no item to pick for (an empty agenda): the indicators are listed, not checkable. */
  onToggle: ((indicatorId: string, selected: boolean) => void) | null;
  onAddItemForGoal(goal: GoalSummary, agency: Agency): void;
}

const NEEDS_ATTENTION = new Set(['off_track', 'at_risk']);

export function IndicatorPicker({
  detail,
  selectedIds,
  goalsOnAgenda,
  onToggle,
  onAddItemForGoal,
}: IndicatorPickerProps) {
  const { t } = useTranslation('meetings');
  const { filter, setFilter, attentionOnly, setAttentionOnly, focusFilter, setFocusFilter } =
    usePickerMemory();
  const filterId = useId();
  const filterInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusFilter) return;
    filterInput.current?.focus();
    setFocusFilter(false);
  }, [focusFilter, setFocusFilter]);
  const selected = new Set(selectedIds);
  const full = selected.size >= MAX_INDICATORS_PER_ITEM;
  const words = filter.trim().toLowerCase();

  const matches = (goal: GoalSummary, agency: Agency) =>
    (!attentionOnly || NEEDS_ATTENTION.has(goal.computedStatus)) &&
    (!words ||
      goal.title.toLowerCase().includes(words) ||
      agency.code.toLowerCase() === words ||
      agency.name.toLowerCase().includes(words) ||
      goal.indicators.some((indicator) => indicator.name.toLowerCase().includes(words)));
  const groups = detail.agencies
    .map(({ agency, goals }) => ({ agency, goals: goals.filter((goal) => matches(goal, agency)) }))
    .filter((group) => group.goals.length > 0);

  return (
    <div className="picker" data-testid="indicator-picker">
      <div className="picker__tools">
        <label className="visually-hidden" htmlFor={filterId}>
          {t('picker.filterLabel')}
        </label>
        <input
          id={filterId}
          ref={filterInput}
          className="input picker__filter"
          type="search"
          placeholder={t('picker.filterPlaceholder')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label className="picker__toggle">
          <input
            type="checkbox"
            checked={attentionOnly}
            onChange={(event) => setAttentionOnly(event.target.checked)}
          />
          {t('picker.attentionOnly')}
        </label>
      </div>
      {onToggle && (
        <p className="picker__count" aria-live="polite">
          {t('picker.count', { selected: selected.size, max: MAX_INDICATORS_PER_ITEM })}
          {full && t('picker.full')}
        </p>
      )}
      <div className="picker__scroll">
        {groups.length === 0 && <p className="muted picker__none">{t('picker.noMatch')}</p>}
        {groups.map(({ agency, goals }) => (
          <section key={agency.id} className="picker__agency" aria-label={`${agency.code} — ${agency.name}`}>
            <h3 className="picker__agency-name">
              <span className="agency-code">{agency.code}</span> {agency.name}
            </h3>
            {goals.map((goal) => (
              <div key={goal.id} className="picker__goal" data-goal-id={goal.id}>
                <div className="picker__goal-head">
                  <span className="picker__goal-title">{goal.title}</span>
                  <StatusBadge status={goal.computedStatus} size="small" />
                  {goalsOnAgenda.has(goal.id) ? (
                    <span className="picker__on-agenda">{t('picker.onAgenda')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('picker.addForGoalNamed', { goal: goal.title })}
                      onClick={() => onAddItemForGoal(goal, agency)}
                    >
                      {t('picker.addForGoal')}
                    </button>
                  )}
                </div>
                <ul className="picker__indicators">
                  {goal.indicators.map((indicator) => {
                    const checked = selected.has(indicator.id);
                    const latest = indicator.computed.latest;
                    return (
                      <li key={indicator.id} className="picker__indicator" data-indicator-id={indicator.id}>
                        {onToggle ? (
                          <label className="picker__indicator-name">
                            <input
                              type="checkbox"
                              checked={checked}
                              disabled={!checked && full}
                              onChange={(event) => onToggle(indicator.id, event.target.checked)}
                            />
                            <span title={indicator.name}>{indicator.name}</span>
                          </label>
                        ) : (
                          <span className="picker__indicator-name picker__indicator-name--plain">
                            <span title={indicator.name}>{indicator.name}</span>
                          </span>
                        )}
                        <Sparkline
                          values={indicator.sparkline}
                          unit={indicator.unit}
                          width={84}
                          height={24}
                        />
                        <span
                          className="picker__latest"
                          title={
                            latest
                              ? t('picker.latest', { period: longPeriodLabel(latest.period) })
                              : undefined
                          }
                        >
                          {latest ? (
                            formatValue(latest.value, indicator.unit)
                          ) : (
                            <span className="muted">{t('indicators.noData')}</span>
                          )}
                          {indicator.stale && <span className="late-flag">{t('indicators.late')}</span>}
                        </span>
                        <StatusBadge status={indicator.computed.status} size="small" />
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

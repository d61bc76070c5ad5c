/**
 * Who has the big screen, above the current item. The person the chair handed it to gets a bar to
 * choose which of the item's indicators is large and how far back "change since" looks, and to hand
 * it back; everyone else reads who drives it, and an analyst may take it back. A choice that
 * crossed the chair taking the screen back is refused by the server, and the refusal stays in view
 * after the bar goes away.
 */
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { Principal } from '../../../../shared/roles.ts';
import {
  type ScreenState,
  SINCE_SPANS,
  type SinceSpan,
  shownIndicatorId,
} from '../../../../shared/screenControl.ts';
import { changeScreen } from '../../api/meetingCommands.ts';
import { SINCE_SPAN_LABELS } from '../../charts/sinceSpan.ts';
import { useCommand } from './useCommand.ts';

interface PresenterControlsProps {
  meetingId: string;
  item: AgendaItem;
  screen: ScreenState;
  principal: Principal | null;
  /** May run meeting commands: such a person may take the screen back from its driver. */
  canRun: boolean;
  indicatorName: (indicatorId: string) => string;
}

export function PresenterControls({
  meetingId,
  item,
  screen,
  principal,
  canRun,
  indicatorName,
}: PresenterControlsProps) {
  const { t } = useTranslation('room');
  const command = useCommand();
  const { busy } = command;
  const driving = screen.driver !== null && principal !== null && screen.driver.id === principal.id;
  const shown = shownIndicatorId(screen, item.indicatorIds);

  const show = (indicatorId: string | null, since: SinceSpan) =>
    void command.run((socket) =>
      changeScreen(socket, meetingId, {
        action: 'show',
        expectedItemId: item.id,
        as: 'presenter',
        indicatorId,
        since,
      }),
    );

  const refusal = command.error && (
    <p className="presenter__error" role="alert" data-testid="presenter-error">
      <strong>{command.error.message}</strong>{' '}
      <button type="button" className="button button--small" onClick={command.clear}>
        {t('presenter.dismiss')}
      </button>
    </p>
  );

  if (!driving) {
    if (screen.driver === null) return refusal || null;
    const driver = screen.driver;
    return (
      <div className="presenter presenter--other" data-testid="screen-driver">
        <p className="presenter__who">{t('presenter.hasScreen', { name: driver.name })}</p>
        {canRun && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() =>
              void command.run((socket) =>
                changeScreen(socket, meetingId, { action: 'takeBack', expectedItemId: item.id }),
              )
            }
          >
            {t('presenter.takeBack')}
          </button>
        )}
        {refusal}
      </div>
    );
  }

  return (
    <section
      className="presenter presenter--driving"
      aria-label={t('presenter.youHave')}
      data-testid="presenter-bar"
    >
      <div className="presenter__head">
        <p className="presenter__title">{t('presenter.youHave')}</p>
        <p className="presenter__hint">{t('presenter.youHaveHint')}</p>
        <button
          type="button"
          className="button presenter__hand-back"
          disabled={busy}
          onClick={() =>
            void command.run((socket) =>
              changeScreen(socket, meetingId, { action: 'handBack', expectedItemId: item.id }),
            )
          }
        >
          {t('presenter.handBack')}
        </button>
      </div>
      <div className="presenter__choices">
        <fieldset className="presenter__group">
          <legend className="presenter__legend">{t('presenter.indicators')}</legend>
          {item.indicatorIds.length === 0 ? (
            <span className="presenter__none">{t('presenter.noIndicators')}</span>
          ) : (
            item.indicatorIds.map((indicatorId) => (
              <button
                key={indicatorId}
                type="button"
                className={`presenter__choice${indicatorId === shown ? ' is-active' : ''}`}
                aria-pressed={indicatorId === shown}
                title={indicatorName(indicatorId)}
                disabled={busy}
                onClick={() => show(indicatorId, screen.since)}
              >
                {indicatorName(indicatorId)}
              </button>
            ))
          )}
        </fieldset>
        <fieldset className="presenter__group">
          <legend className="presenter__legend">{t('presenter.since')}</legend>
          {SINCE_SPANS.map((span) => (
            <button
              key={span}
              type="button"
              className={`presenter__choice${span === screen.since ? ' is-active' : ''}`}
              aria-pressed={span === screen.since}
              disabled={busy}
              onClick={() => show(screen.indicatorId, span)}
            >
              {SINCE_SPAN_LABELS[span]}
            </button>
          ))}
        </fieldset>
      </div>
      {refusal}
    </section>
  );
}

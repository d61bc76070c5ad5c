/**
 * The big screen from the chair's seat: who drives it, hand it to someone present on the meeting,
 * take it back; while the chair drives, which of the item's indicators is large (keys 1–9) and how
 * far back "change since" looks. Each is a `meeting:screen` command.
 */
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import { type ScreenState, SINCE_SPANS } from '../../../../shared/screenControl.ts';
import { formatValue } from '../../charts/format.ts';
import { StatusBadge } from '../../charts/StatusBadge.tsx';
import type { CatalogIndicator } from '../meetings/prepCatalog.ts';
import { KEYS } from './consoleKeys.ts';
import { KeyCaps } from './KeyHelp.tsx';
import type { ConsoleActions } from './useConsoleActions.ts';

interface ScreenPanelProps {
  item: AgendaItem;
  screen: ScreenState;
  onScreen: string | null;
  indicators: Map<string, CatalogIndicator> | null;
  presentAnalysts: Array<{ id: string; name: string }>;
  actions: ConsoleActions;
  canRun: boolean;
}

export function ScreenPanel({
  item,
  screen,
  onScreen,
  indicators,
  presentAnalysts,
  actions,
  canRun,
}: ScreenPanelProps) {
  const { t } = useTranslation(['console', 'charts']);
  const chairDrives = screen.driver === null;
  const disabled = !canRun || actions.command.busy;
  return (
    <section
      className="card console-screen"
      aria-labelledby="console-screen-title"
      data-testid="screen-control"
    >
      <div className="console-screen__head">
        <h2 className="console__section-title" id="console-screen-title">
          {t('screen.title')}
        </h2>
        <p className="console-screen__driver" data-testid="screen-driver">
          {screen.driver
            ? t('screen.driverDrives', { name: screen.driver.name })
            : canRun
              ? t('screen.chairDrives')
              : t('screen.chairDrivesOther')}
        </p>
        {screen.driver && canRun && (
          <button
            type="button"
            className="button button--primary"
            disabled={disabled}
            onClick={actions.takeBack}
          >
            {t('screen.takeBack')} <KeyCaps keys={KEYS.takeBack} />
          </button>
        )}
      </div>
      {chairDrives && canRun && (
        <div className="console-screen__hand">
          <span className="console__label">{t('screen.hand')}</span>
          {presentAnalysts.length === 0 ? (
            <span className="muted">{t('screen.nobody')}</span>
          ) : (
            presentAnalysts.map((person) => (
              <button
                key={person.id}
                type="button"
                className="button"
                disabled={disabled}
                aria-label={t('screen.handTo', { name: person.name })}
                onClick={() => actions.hand(person)}
              >
                {person.name}
              </button>
            ))
          )}
        </div>
      )}
      {item.indicatorIds.length === 0 ? (
        <p className="muted">{t('screen.noIndicators')}</p>
      ) : (
        <>
          <fieldset className="console-screen__group">
            <legend className="console__label">
              {t('screen.onScreen')}
              {!chairDrives && screen.driver && (
                <span className="muted"> · {t('screen.driverChooses', { name: screen.driver.name })}</span>
              )}
            </legend>
            <ol className="console-screen__indicators">
              {item.indicatorIds.map((id, index) => {
                const entry = indicators?.get(id) ?? null;
                const latest = entry?.indicator.computed.latest ?? null;
                const active = id === onScreen;
                return (
                  <li key={id}>
                    <button
                      type="button"
                      className={`console-indicator${active ? ' is-active' : ''}`}
                      aria-pressed={active}
                      disabled={disabled || !chairDrives}
                      onClick={() => actions.show(id, screen.since)}
                      data-testid="screen-indicator"
                    >
                      {index < 9 && <kbd className="kbd">{index + 1}</kbd>}
                      <span className="console-indicator__name">{entry?.indicator.name ?? id}</span>
                      <span className="console-indicator__value">
                        {entry && latest
                          ? formatValue(latest.value, entry.indicator.unit)
                          : t('screen.noData')}
                      </span>
                      {entry && <StatusBadge status={entry.indicator.computed.status} size="small" />}
                    </button>
                  </li>
                );
              })}
            </ol>
          </fieldset>
          <fieldset className="console-screen__group console-screen__since">
            <legend className="console__label">{t('charts:changeSince.label')}</legend>
            {SINCE_SPANS.map((span) => (
              <button
                key={span}
                type="button"
                className={`button console-screen__span${screen.since === span ? ' is-active' : ''}`}
                aria-pressed={screen.since === span}
                disabled={disabled || !chairDrives}
                onClick={() => actions.show(screen.indicatorId, span)}
              >
                {t(`charts:sinceSpan.${span}`)}
              </button>
            ))}
          </fieldset>
        </>
      )}
    </section>
  );
}

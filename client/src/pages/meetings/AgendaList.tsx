/**
 * The agenda in order. Analysts reorder by dragging the handle, by the arrow keys on the handle,
 * or with the up/down buttons; each move is one `moveAgendaItem` on the shared document.
 */
import { type DragEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { type AgendaItem, moveAgendaItem } from '../../../../shared/meetingDoc.ts';
import type { Agency } from '../../../../shared/performance.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { agendaItemTitle, agendaKindLabel } from '../../i18n/agendaText.ts';
import type { Presence } from '../../yjs/presence.ts';
import type { PeerState } from '../../yjs/useAwareness.ts';
import { presenterLabel } from './prepCatalog.ts';

interface AgendaListProps {
  doc: Y.Doc;
  items: AgendaItem[];
  /** To show a presenter stored as an agency id by its name. */
  agencies: Agency[];
  peers: PeerState<Presence>[];
  selectedId: string | null;
  canEdit: boolean;
  onSelect(id: string): void;
  /** Announces a move to screen readers. */
  onMoved(message: string): void;
}

export function AgendaList({
  doc,
  items,
  agencies,
  peers,
  selectedId,
  canEdit,
  onSelect,
  onMoved,
}: AgendaListProps) {
  const { t } = useTranslation('meetings');
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const move = (item: AgendaItem, from: number, to: number) => {
    if (to < 0 || to >= items.length || to === from) return;
    moveAgendaItem(doc, item.id, to);
    onMoved(t('agenda.moved', { title: item.title, position: to + 1, total: items.length }));
  };

  const onHandleKey = (event: KeyboardEvent, item: AgendaItem, index: number) => {
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(item, index, index - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(item, index, index + 1);
    }
  };

  const onDragOver = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (!dragging) return;
    event.preventDefault();
    const box = event.currentTarget.getBoundingClientRect();
    setDropAt(event.clientY < box.top + box.height / 2 ? index : index + 1);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const from = items.findIndex((item) => item.id === dragging);
    const item = items[from];
    if (item && dropAt !== null) {
      // `dropAt` is a gap in the full list; the target index is counted without the moved item.
      move(item, from, dropAt > from ? dropAt - 1 : dropAt);
    }
    setDragging(null);
    setDropAt(null);
  };

  if (items.length === 0) {
    return <p className="agenda__empty">{canEdit ? t('agenda.emptyAnalyst') : t('agenda.empty')}</p>;
  }

  return (
    <ol className="agenda__list" aria-label={t('agenda.items')}>
      {items.map((item, index) => {
        const here = peers.filter((peer) => peer.state.itemId === item.id);
        const selected = item.id === selectedId;
        const presenter = presenterLabel(item.presenterAgency, agencies);
        const indicatorCount = item.indicatorIds.length;
        const classes = [
          'agenda-row',
          selected ? 'is-selected' : '',
          dragging === item.id ? 'is-dragging' : '',
          dropAt === index && dragging ? 'drop-before' : '',
          dropAt === index + 1 && index === items.length - 1 && dragging ? 'drop-after' : '',
        ];
        return (
          <li
            key={item.id}
            className={classes.join(' ')}
            data-testid="agenda-row"
            data-item-id={item.id}
            draggable={canEdit}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', item.title);
              setDragging(item.id);
            }}
            onDragOver={(event) => onDragOver(event, index)}
            onDrop={onDrop}
            onDragEnd={() => {
              setDragging(null);
              setDropAt(null);
            }}
          >
            {canEdit && (
              <button
                type="button"
                className="agenda-row__handle"
                aria-label={t('agenda.reorder', {
                  title: item.title,
                  position: index + 1,
                  total: items.length,
                })}
                onKeyDown={(event) => onHandleKey(event, item, index)}
              >
                <svg viewBox="0 0 10 16" width="10" height="16" aria-hidden="true">
                  {[3, 8, 13].map((y) => (
                    <g key={y}>
                      <circle cx="2.5" cy={y} r="1.4" />
                      <circle cx="7.5" cy={y} r="1.4" />
                    </g>
                  ))}
                </svg>
              </button>
            )}
            <button
              type="button"
              className="agenda-row__main"
              data-testid="agenda-row-select"
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(item.id)}
            >
              <span className="agenda-row__index">{index + 1}</span>
              <span className="agenda-row__body">
                <span className="agenda-row__title" data-testid="agenda-row-title">
                  {agendaItemTitle(item.title)}
                </span>
                <span className="agenda-row__meta">
                  <span className={`kind kind--${item.kind}`}>{agendaKindLabel(item.kind)}</span>
                  {presenter && <span className="agenda-row__agency">{presenter}</span>}
                  {indicatorCount > 0 && (
                    <span className="agenda-row__indicators">
                      {t('agenda.indicators', { count: indicatorCount })}
                    </span>
                  )}
                </span>
              </span>
              <span className="agenda-row__time">
                {t('agenda.minutes', { minutes: item.timeboxMinutes })}
              </span>
            </button>
            {here.length > 0 && (
              <span className="agenda-row__peers" data-testid="agenda-row-peers">
                {here.map((peer) => (
                  <span
                    key={peer.clientId}
                    title={t('agenda.peerHere', { name: peer.state.user.name })}
                    className="agenda-row__peer"
                  >
                    <Avatar name={peer.state.user.name} color={peer.state.user.color} size="sm" />
                    <span className="visually-hidden">
                      {t('agenda.peerOnItem', { name: peer.state.user.name })}
                    </span>
                  </span>
                ))}
              </span>
            )}
            {canEdit && (
              <span className="agenda-row__moves">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('agenda.moveUp', { title: item.title })}
                  disabled={index === 0}
                  onClick={() => move(item, index, index - 1)}
                >
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path d="M8 4l5 6H3z" />
                  </svg>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('agenda.moveDown', { title: item.title })}
                  disabled={index === items.length - 1}
                  onClick={() => move(item, index, index + 1)}
                >
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path d="M8 12L3 6h10z" />
                  </svg>
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

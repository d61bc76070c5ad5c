/**
 * One agenda item's fields, the indicators it shows, and its shared notes. Fields are written on
 * Enter or when leaving the field, only when valid; the notes are live rich text everyone on the page
 * types into together, with each other's carets.
 */
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import {
  type AgendaItem,
  AgendaItemKind,
  type AgendaItemPatch,
  getAgendaItem,
  MAX_INDICATORS_PER_ITEM,
  updateAgendaItem,
} from '../../../../shared/meetingDoc.ts';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Field } from '../../components/Field.tsx';
import { RichNotesEditor } from '../../components/richNotes/RichNotesEditor.tsx';
import { agendaKindLabel } from '../../i18n/agendaText.ts';
import type { Presence } from '../../yjs/presence.ts';
import type { PeerState } from '../../yjs/useAwareness.ts';
import { parseTimebox, parseTitle, TIMEBOX_MAX, TIMEBOX_MIN } from './agendaFieldRules.ts';
import { ItemIndicators } from './ItemIndicators.tsx';
import { PresenterAgencyField } from './PresenterAgencyField.tsx';
import type { PrepCatalog } from './prepCatalog.ts';
import { useDraftField } from './useDraftField.ts';

interface AgendaItemEditorProps {
  doc: Y.Doc;
  /** The page's presence, for the other people's carets in the notes. */
  awareness: Awareness;
  item: AgendaItem;
  position: number;
  canEdit: boolean;
  peersHere: PeerState<Presence>[];
  catalog: PrepCatalog;
  /** Goals that already have an item on the agenda (their quick action is replaced by a tag). */
  goalsOnAgenda: Set<string>;
  onRemove(): void;
  onAddItemForGoal(goal: GoalSummary, agency: Agency): void;
}

const KINDS = Object.values(AgendaItemKind);

export function AgendaItemEditor({
  doc,
  awareness,
  item,
  position,
  canEdit,
  peersHere,
  catalog,
  goalsOnAgenda,
  onRemove,
  onAddItemForGoal,
}: AgendaItemEditorProps) {
  const { t } = useTranslation('meetings');
  const write = (patch: AgendaItemPatch) => {
    updateAgendaItem(doc, item.id, patch);
  };
  const identity = (value: string) => value;
  const title = useDraftField({
    value: item.title,
    format: identity,
    parse: parseTitle,
    commit: (title) => write({ title }),
  });
  // One indicator in or out, applied to the list as the document holds it at that moment (not as
  // this render saw it), so a colleague's pick made a moment earlier is kept.
  const toggleIndicator = (id: string, selected: boolean) => {
    const current = getAgendaItem(doc, item.id)?.indicatorIds ?? item.indicatorIds;
    if (selected && !current.includes(id) && current.length < MAX_INDICATORS_PER_ITEM)
      write({ indicatorIds: [...current, id] });
    if (!selected && current.includes(id)) write({ indicatorIds: current.filter((each) => each !== id) });
  };
  const objectiveAgencyIds = new Set(
    catalog.objective.state === 'ready'
      ? catalog.objective.detail.agencies.map(({ agency }) => agency.id)
      : [],
  );
  const timebox = useDraftField({
    value: item.timeboxMinutes,
    format: String,
    parse: parseTimebox,
    commit: (timeboxMinutes) => write({ timeboxMinutes }),
  });

  return (
    <article className="editor" aria-labelledby="editor-heading" data-testid="item-editor">
      <header className="editor__header">
        <h2 className="editor__heading" id="editor-heading">
          <span className="editor__position">{t('editor.item', { position })}</span>
          <span className="visually-hidden">: {item.title}</span>
        </h2>
        {peersHere.length > 0 && (
          <ul className="editor__peers" aria-label={t('editor.alsoHere')}>
            {peersHere.map((peer) => (
              <li key={peer.clientId} className="editor__peer">
                <Avatar name={peer.state.user.name} color={peer.state.user.color} size="sm" />
                {peer.state.user.name}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <button type="button" className="button button--danger-ghost button--small" onClick={onRemove}>
            {t('editor.remove')}
          </button>
        )}
      </header>

      <div className="editor__fields">
        <Field label={t('editor.title')} error={title.error} className="editor__title">
          <input
            className="input input--title"
            name="title"
            readOnly={!canEdit}
            maxLength={240}
            {...title.inputProps}
          />
        </Field>
        <Field label={t('editor.kind')}>
          <select
            className="input"
            name="kind"
            disabled={!canEdit}
            value={item.kind}
            onChange={(event) => write({ kind: event.target.value as AgendaItemKind })}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {agendaKindLabel(kind)}
              </option>
            ))}
          </select>
        </Field>
        <PresenterAgencyField
          value={item.presenterAgency}
          agencies={catalog.agencies}
          objectiveAgencyIds={objectiveAgencyIds}
          canEdit={canEdit}
          onChange={(presenterAgency) => write({ presenterAgency })}
        />
        <Field
          label={t('editor.timebox')}
          error={timebox.error}
          hint={t('editor.timeboxHint', { min: TIMEBOX_MIN, max: TIMEBOX_MAX })}
        >
          <input
            className="input input--number"
            name="timeboxMinutes"
            type="number"
            inputMode="numeric"
            min={TIMEBOX_MIN}
            max={TIMEBOX_MAX}
            step={1}
            readOnly={!canEdit}
            {...timebox.inputProps}
          />
        </Field>
      </div>

      <ItemIndicators
        indicatorIds={item.indicatorIds}
        objective={catalog.objective}
        canEdit={canEdit}
        goalsOnAgenda={goalsOnAgenda}
        onToggle={toggleIndicator}
        onAddItemForGoal={onAddItemForGoal}
      />

      <Field
        label={t('editor.notes')}
        hint={canEdit ? t('editor.notesHint') : undefined}
        className="editor__notes"
      >
        <RichNotesEditor
          key={item.id}
          notes={item.notes}
          awareness={awareness}
          editable={canEdit}
          label={t('editor.notes')}
          placeholder={t('editor.notesPlaceholder')}
        />
      </Field>
    </article>
  );
}

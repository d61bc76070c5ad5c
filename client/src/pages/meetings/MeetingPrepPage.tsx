/**
 * Preparing one meeting's agenda together. The agenda lives in the meeting's Y.Doc (read through
 * `useYValue`, never copied into the store); who else is here comes from awareness; the objective's
 * goals, indicators and agencies come from the performance API (`usePrepCatalog`).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type LoaderFunctionArgs, useNavigate } from 'react-router';
import * as Y from 'yjs';
import { removeAgendaItemBy } from '../../../../shared/agendaRemoval.ts';
import {
  AgendaItemKind,
  addAgendaItem,
  MAX_INDICATORS_PER_ITEM,
  meetingDocRoots,
  readAgenda,
  removeAgendaItem,
} from '../../../../shared/meetingDoc.ts';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
import { ApiError } from '../../api/http.ts';
import { deleteMeeting, type Meeting, meetingResource } from '../../api/meetings.ts';
import { preload } from '../../api/resources.ts';
import { PresenceBar } from '../../components/PresenceBar.tsx';
import { Toast } from '../../components/Toast.tsx';
import { errorText } from '../../i18n/errorText.ts';
import { useStore } from '../../store/index.ts';
import { usePresence } from '../../yjs/presence.ts';
import { useYDoc } from '../../yjs/useYDoc.ts';
import { useYValue } from '../../yjs/useYValue.ts';
import { AddAgendaItemForm } from './AddAgendaItemForm.tsx';
import { AgendaItemEditor } from './AgendaItemEditor.tsx';
import { AgendaList } from './AgendaList.tsx';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { formatMeetingDate, relativeMeetingDay } from './meetingDates.ts';
import { PrepStatusBanner } from './PrepStatusBanner.tsx';
import { PickerMemoryContext, usePickerMemoryState } from './pickerMemory.ts';
import { usePrepCatalog } from './prepCatalog.ts';
import { ReadinessHint } from './ReadinessHint.tsx';
import { RemovedItemNotice } from './RemovedItemNotice.tsx';
import { TimeBudget } from './TimeBudget.tsx';
import { useRemovalNotice } from './useRemovalNotice.ts';
import './meetings.css';
import { WithMeeting } from './WithMeeting.tsx';

/** Starts the meeting's request (the page reads it). */
export function meetingPrepLoader({ params }: LoaderFunctionArgs) {
  preload(...meetingResource(params.id ?? ''));
  return null;
}

/** Marks removals so that Undo reverts exactly those (and not other people's edits). */
const REMOVE_ORIGIN = Symbol('remove-agenda-item');

export function MeetingPrepPage() {
  return <WithMeeting>{(meeting) => <MeetingPrepOrDeleting meeting={meeting} />}</WithMeeting>;
}

function MeetingPrepOrDeleting({ meeting }: { meeting: Meeting }) {
  const navigate = useNavigate();
  const { t } = useTranslation('meetings');
  const [deleting, setDeleting] = useState<{ id: string; error: string | null } | null>(null);
  const onDelete = () => {
    // The page leaves the meeting's documents first (by unmounting): the server deletes a draft
    // only once no one has them open, which takes a few seconds after the last page leaves.
    setDeleting({ id: meeting.id, error: null });
    deleteMeeting(meeting.id).then(
      () => navigate('/meetings'),
      (error: unknown) =>
        setDeleting({
          id: meeting.id,
          error:
            error instanceof ApiError
              ? errorText(error)
              : error instanceof Error
                ? error.message
                : String(error),
        }),
    );
  };
  if (deleting?.id === meeting.id) {
    return (
      <div className="page">
        <p className="card" role="status" aria-busy={deleting.error === null}>
          {deleting.error ?? t('prep.deleting', { title: meeting.title })}
        </p>
        {deleting.error && (
          <button type="button" className="button" onClick={() => setDeleting(null)}>
            {t('prep.backToPrep')}
          </button>
        )}
      </div>
    );
  }
  return <MeetingPrep key={meeting.id} meeting={meeting} onDelete={onDelete} />;
}

/** "Delete draft", then a confirm step: the agenda and notes go with it. */
function DeleteDraftButton({ onDelete }: { onDelete: () => void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('prep.deleteDraft')}
      </button>
    );
  return (
    <span>
      {t('prep.deleteConfirm')}{' '}
      <button type="button" className="button button--danger-ghost" onClick={onDelete}>
        {t('prep.delete')}
      </button>{' '}
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t('common:cancel')}
      </button>
    </span>
  );
}

function MeetingPrep({ meeting, onDelete }: { meeting: Meeting; onDelete: () => void }) {
  const { t } = useTranslation('meetings');
  const principal = useStore((state) => state.principal);
  const selectedId = useStore((state) => state.selectedAgendaItemId);
  const selectAgendaItem = useStore((state) => state.selectAgendaItem);
  const handle = useYDoc(meeting.docName);
  const { doc } = handle;
  const items = useYValue(doc, meetingDocRoots, readAgenda);
  const [announcement, setAnnouncement] = useState('');
  const [removed, setRemoved] = useState<{ title: string } | null>(null);
  const catalog = usePrepCatalog(meeting.objectiveId);
  const pickerMemory = usePickerMemoryState();
  const removal = useRemovalNotice(doc, items, selectAgendaItem);

  const canEdit = handle.permission === 'write' && principal?.role === 'analyst';
  // While the removal notice stands, no other item takes the removed one's place.
  const selected = removal.notice ? null : (items.find((item) => item.id === selectedId) ?? items[0] ?? null);
  const { remember, clear: clearRemoval } = removal;
  useEffect(() => remember(selected));
  const goToItem = useCallback(
    (id: string) => {
      clearRemoval();
      selectAgendaItem(id);
    },
    [clearRemoval, selectAgendaItem],
  );
  const peers = usePresence(handle.awareness, principal, selected?.id ?? null);
  const total = items.reduce((sum, item) => sum + item.timeboxMinutes, 0);

  useEffect(() => () => selectAgendaItem(null), [selectAgendaItem]);

  const undoManager = useMemo(
    () =>
      new Y.UndoManager(meetingDocRoots(doc), {
        trackedOrigins: new Set([REMOVE_ORIGIN]),
        captureTimeout: 0,
      }),
    [doc],
  );
  useEffect(() => () => undoManager.destroy(), [undoManager]);

  const removeSelected = () => {
    if (!selected) return;
    const index = items.indexOf(selected);
    removal.markOwnRemoval(selected.id);
    doc.transact(() => {
      if (principal) removeAgendaItemBy(doc, selected.id, { id: principal.id, name: principal.name });
      else removeAgendaItem(doc, selected.id);
    }, REMOVE_ORIGIN);
    selectAgendaItem(items[index + 1]?.id ?? items[index - 1]?.id ?? null);
    setRemoved({ title: selected.title });
  };

  const undoRemove = () => {
    undoManager.undo();
    setRemoved(null);
    setAnnouncement(t('prep.restored'));
  };
  const dismissToast = useCallback(() => setRemoved(null), []);

  const indicatorIndex = catalog.objective.state === 'ready' ? catalog.objective.indicators : null;
  const goalsOnAgenda = useMemo(() => {
    const goals = new Set<string>();
    if (indicatorIndex)
      for (const item of items)
        for (const id of item.indicatorIds) {
          const goal = indicatorIndex.get(id)?.goal.id;
          if (goal) goals.add(goal);
        }
    return goals;
  }, [items, indicatorIndex]);

  /** The quick action: a goal review for this goal, presented by its agency, showing its indicators. */
  const addItemForGoal = (goal: GoalSummary, agency: Agency) => {
    const title = goal.title.length > 200 ? `${goal.title.slice(0, 199)}…` : goal.title;
    const id = addAgendaItem(doc, {
      title,
      kind: AgendaItemKind.goalReview,
      presenterAgency: agency.id,
      indicatorIds: goal.indicators.slice(0, MAX_INDICATORS_PER_ITEM).map((indicator) => indicator.id),
    });
    selectAgendaItem(id);
    // The picker stays open, filter kept, for the next quick-add; its filter takes the focus.
    pickerMemory.setOpen(true);
    pickerMemory.setFocusFilter(true);
    setAnnouncement(t('prep.added', { title }));
  };

  const describeItem = (itemId: string) => items.find((item) => item.id === itemId)?.title ?? null;
  const firstLoad = handle.lastSyncedAt === null;

  const startFromGoals = canEdit && items.length === 0 && catalog.objective.state === 'ready';

  return (
    <PickerMemoryContext.Provider value={pickerMemory}>
      <div className="page page--wide prep">
        <header className="prep__header">
          <div className="prep__heading">
            <nav aria-label={t('breadcrumb')} className="crumbs">
              <Link to="/meetings">{t('prep.meetings')}</Link>
              <span aria-hidden="true">/</span>
              <span aria-current="page">{t('prep.preparation')}</span>
            </nav>
            <h1 className="page__title">{meeting.title}</h1>
            <p className="page__subtitle">
              <time dateTime={meeting.scheduledFor}>{formatMeetingDate(meeting.scheduledFor)}</time>
              <span className="dot" aria-hidden="true">
                ·
              </span>
              {relativeMeetingDay(meeting.scheduledFor)}
              <span className="dot" aria-hidden="true">
                ·
              </span>
              {catalog.objective.state === 'ready' ? (
                <Link to={`/objectives/${encodeURIComponent(catalog.objective.detail.objective.id)}`}>
                  {catalog.objective.detail.objective.name}
                </Link>
              ) : (
                t('prep.agendaPreparation')
              )}
            </p>
          </div>
          <div className="prep__header-end">
            <PresenceBar peers={peers} describeItem={describeItem} />
            {canEdit && meeting.phase === 'draft' && <DeleteDraftButton onDelete={onDelete} />}
            <Link className="button button--primary" to={`/meetings/${encodeURIComponent(meeting.id)}`}>
              {t('prep.runMeeting')}
            </Link>
          </div>
        </header>

        <PrepStatusBanner handle={handle} isAnalyst={principal?.role === 'analyst'} />

        {firstLoad ? (
          <div className="card prep__loading" aria-busy="true">
            {handle.error ? errorText(handle.error) : t('prep.loadingAgenda')}
          </div>
        ) : (
          <div className="prep__grid">
            <section className="card agenda" aria-labelledby="agenda-title">
              <div className="agenda__top">
                <h2 className="card__title" id="agenda-title">
                  {t('prep.agenda')}
                </h2>
              </div>
              <TimeBudget total={total} items={items.length} />
              <ReadinessHint items={items} objective={catalog.objective} />
              <AgendaList
                doc={doc}
                items={items}
                agencies={catalog.agencies}
                peers={peers}
                selectedId={selected?.id ?? null}
                canEdit={canEdit}
                onSelect={goToItem}
                onMoved={setAnnouncement}
              />
              {canEdit && <AddAgendaItemForm doc={doc} onAdded={goToItem} />}
            </section>
            <section
              className="card editor-pane"
              aria-label={t('prep.selectedItem')}
              {...removal.editorEvents(selected?.id ?? null)}
            >
              {removal.notice ? (
                <RemovedItemNotice
                  notice={removal.notice}
                  onRestore={canEdit && removal.notice.removal ? removal.restore : null}
                  onDismiss={removal.dismiss}
                />
              ) : selected ? (
                <AgendaItemEditor
                  key={selected.id}
                  doc={doc}
                  awareness={handle.awareness}
                  item={selected}
                  position={items.indexOf(selected) + 1}
                  canEdit={canEdit}
                  peersHere={peers.filter((peer) => peer.state.itemId === selected.id)}
                  catalog={catalog}
                  goalsOnAgenda={goalsOnAgenda}
                  onRemove={removeSelected}
                  onAddItemForGoal={addItemForGoal}
                />
              ) : startFromGoals && catalog.objective.state === 'ready' ? (
                <div className="editor-pane__start" data-testid="start-from-goals">
                  <h2 className="card__title">{t('prep.startTitle')}</h2>
                  <p className="muted">{t('prep.startHint')}</p>
                  <IndicatorPicker
                    detail={catalog.objective.detail}
                    selectedIds={[]}
                    goalsOnAgenda={goalsOnAgenda}
                    onToggle={null}
                    onAddItemForGoal={addItemForGoal}
                  />
                </div>
              ) : (
                <div className="editor-pane__empty">
                  <p className="muted">{canEdit ? t('prep.addFirst') : t('prep.nothingYet')}</p>
                </div>
              )}
            </section>
          </div>
        )}

        <div className="visually-hidden" aria-live="polite">
          {announcement}
        </div>
        {removed && (
          <Toast
            message={t('prep.removed', { title: removed.title })}
            actionLabel={t('prep.undo')}
            onAction={undoRemove}
            onDismiss={dismissToast}
          />
        )}
      </div>
    </PickerMemoryContext.Provider>
  );
}

/**
 * Capture from the console (C): the meeting page's capture form in a dialog, prefilled with the
 * presenter agency and the goal of the indicator on the big screen. Enter saves and closes, Esc
 * cancels and saves nothing; the console then has the keyboard back.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/meetingDoc.ts';
import type { Agency, GoalSummary } from '../../../../shared/performance.ts';
import { resolvePresenter } from '../meetings/prepCatalog.ts';
import { CaptureForm, type CapturePrefill, capturePrefill } from '../room/CaptureForm.tsx';

interface CaptureDialogProps {
  open: boolean;
  meetingId: string;
  objectiveId: string;
  item: AgendaItem;
  /** The indicator large on the big screen. */
  onScreen: string | null;
  goals: GoalSummary[];
  agencies: Agency[];
  onClose(saved: string | null): void;
}

/** The goal of the indicator on screen, owned by the presenter agency (else the item's prefill). */
export function consolePrefill(
  item: AgendaItem,
  onScreen: string | null,
  goals: GoalSummary[],
  agencies: Agency[],
): CapturePrefill {
  const fallback = capturePrefill(item, goals, agencies);
  const goal = onScreen
    ? goals.find((each) => each.indicators.some((indicator) => indicator.id === onScreen))
    : null;
  const presenter = resolvePresenter(item.presenterAgency, agencies);
  return {
    goalId: goal?.id ?? fallback.goalId,
    ownerAgencyId:
      presenter.kind === 'agency' ? presenter.agency.id : (goal?.agencyId ?? fallback.ownerAgencyId),
    indicatorId: goal ? onScreen : null,
  };
}

export function CaptureDialog({
  open,
  meetingId,
  objectiveId,
  item,
  onScreen,
  goals,
  agencies,
  onClose,
}: CaptureDialogProps) {
  const { t } = useTranslation('console');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="console-dialog capture-dialog"
      aria-label={t('capture.label')}
      data-testid="capture-dialog"
      // Esc on the dialog itself (focus outside the form) cancels too.
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      {/* Mounted only while open: each capture starts from the prefill, with the text field focused. */}
      {open && (
        <CaptureForm
          meetingId={meetingId}
          objectiveId={objectiveId}
          item={item}
          goals={goals}
          agencies={agencies}
          autoFocus
          prefill={consolePrefill(item, onScreen, goals, agencies)}
          onCancel={() => onClose(null)}
          onSaved={(text) => onClose(text)}
        />
      )}
      <p className="console__hint capture-dialog__keys">{t('capture.keys')}</p>
    </dialog>
  );
}

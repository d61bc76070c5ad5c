/**
 * The memo in the reader's language: `shared/memo.ts` builds the memo from whatever words it is
 * given, and this gives it the `memo` catalogue's, with the language's day names and number format.
 * In English the words are MEMO_TEXT's, so the page says what the server's downloads say.
 */
import type { TFunction } from 'i18next';
import type { MemoLanguage } from '../../../../shared/memoText.ts';
import { dateLocale, numberFormat } from '../../i18n/locale.ts';

export function memoLanguage(t: TFunction<'memo'>): MemoLanguage {
  const text: MemoLanguage['text'] = {
    heading: t('heading'),
    draft: t('draft'),
    objective: t('objective'),
    date: t('date'),
    time: t('time'),
    duration: t('duration'),
    notStarted: t('notStarted'),
    timeRange: (start, end) => t('timeRange', { start, end }),
    timeFrom: (start) => t('timeFrom', { start }),
    sections: {
      attendance: t('sections.attendance'),
      decisions: t('sections.decisions'),
      newCommitments: t('sections.newCommitments'),
      review: t('sections.review'),
      time: t('sections.time'),
      corrections: t('sections.corrections'),
    },
    present: t('present'),
    absent: t('absent'),
    nobody: t('nobody'),
    empty: {
      attendance: t('empty.attendance'),
      decisions: t('empty.decisions'),
      newCommitments: t('empty.newCommitments'),
      review: t('empty.review'),
      time: t('empty.time'),
      corrections: t('empty.corrections'),
    },
    outsideAgenda: t('outsideAgenda'),
    decisionNotes: t('decisionNotes'),
    columns: {
      commitment: t('columns.commitment'),
      owner: t('columns.owner'),
      due: t('columns.due'),
      goal: t('columns.goal'),
      outcome: t('columns.outcome'),
      followUp: t('columns.followUp'),
      item: t('columns.item'),
      box: t('columns.box'),
      spent: t('columns.spent'),
      delta: t('columns.delta'),
      total: t('columns.total'),
    },
    outcome: {
      done: t('outcome.done'),
      keptOpen: (date) => t('outcome.keptOpen', { date }),
      dropped: (reason) => t('outcome.dropped', { reason }),
      escalated: t('outcome.escalated'),
      notReviewed: t('outcome.notReviewed'),
    },
    commitmentLine: (owner, due) => t('commitmentLine', { owner, due }),
    carried: (times) => t('carried', { times }),
    overdue: t('overdue'),
    minutes: (minutes) => t('minutes', { minutes }),
    hoursMinutes: (hours, minutes) => t('hoursMinutes', { hours, minutes }),
    boxExtended: (box, extension) => t('boxExtended', { box, extension }),
    over: (minutes) => t('over', { minutes }),
    under: (minutes) => t('under', { minutes }),
    onTime: t('onTime'),
    notReached: t('notReached'),
    noSpent: t('noSpent'),
    correction: (indicator, period, pinned, current, on) =>
      t('correction', { indicator, period, pinned, current, on }),
    removed: (indicator, period, pinned) => t('removed', { indicator, period, pinned }),
    csvHeader: [
      t('csvHeader.kind'),
      t('csvHeader.text'),
      t('csvHeader.ownerAgency'),
      t('csvHeader.ownerPerson'),
      t('csvHeader.dueDate'),
      t('csvHeader.goal'),
      t('csvHeader.outcome'),
      t('csvHeader.timesCarried'),
    ],
    csvKind: { new: t('csvKind.new'), reviewed: t('csvKind.reviewed') },
    fallbackSlug: t('fallbackSlug'),
    page: {
      meetings: t('page.meetings'),
      print: t('page.print'),
      markdown: t('page.markdown'),
      csv: t('page.csv'),
      csvHint: t('page.csvHint'),
      presentCount: (number) => t('page.presentCount', { number }),
      absentCount: (number) => t('page.absentCount', { number }),
    },
  };
  const numbers = numberFormat({ maximumFractionDigits: 4 });
  return { text, dateLocale: dateLocale(), number: (value) => numbers.format(value) };
}

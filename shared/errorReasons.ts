/**
 * Every reason the server gives for an error a person sees (`ErrorReason` in `errors.ts`), defined
 * once: the key the client translates (`errors:reason.<key>`) and the params the text may name.
 * The English `message` beside it stays the server's own; the reason is what the client shows in
 * other languages, so a key is added here, in the three `errors` catalogues, and at its throw site.
 *
 * Params hold data as found (ids, periods, dates `YYYY-MM-DD`, numbers, names typed by people), never
 * English words: where the English message varies by a word (a frequency, a phase), each variant
 * has its own key.
 */
import type { ErrorReason } from './errors.ts';

export const ERROR_REASONS = {
  // ── validation of a request's fields (zod; `field` is the path, `value` the value sent) ─────────
  /** Any field refused without a more specific reason. */
  invalidField: ['field'],
  /** The request as a whole (no field to name). */
  invalidRequest: [],
  /** An edit that changes nothing. */
  nothingToChange: [],
  required: ['field'],
  tooLong: ['field', 'max'],
  numberTooSmall: ['field', 'min'],
  numberTooLarge: ['field', 'max'],
  notANumber: ['field'],
  notAWholeNumber: ['field'],
  tooMany: ['field', 'max'],
  /** `options`: the accepted codes, comma-separated, as the API spells them. */
  notOneOf: ['field', 'options'],
  /** `fields`: the names sent that the request does not take, comma-separated. */
  unknownFields: ['fields'],
  /** A field an edit may not change (an indicator's id, goal, frequency). */
  cannotBeChanged: ['field'],
  notAnId: ['field'],
  /** An agency code: letters, digits and dashes. */
  codeCharacters: ['field'],
  notADate: ['field'],
  /** Outside 1990-01-01 … 2100-12-31, the dates the application stores. */
  dateOutOfRange: ['value', 'earliest', 'latest'],

  // ── indicators and their data points ─────────────────────────────────────────────────────────
  notAMonthlyPeriod: ['period'],
  notAWeeklyPeriod: ['period'],
  periodOutOfRange: ['period', 'earliest', 'latest'],
  /** `ends`: the period's last day; `due`: the latest period that has ended. */
  periodNotEnded: ['period', 'ends', 'due'],
  duplicatePeriod: [],
  valueNotFinite: [],
  valueTooLarge: ['value', 'min', 'max'],
  valueNegative: ['value'],
  /** A baseline, target or planned value below zero for an indicator that does not allow it. */
  negativeNotAllowed: ['field'],
  /** `needs_confirmation`: far outside the series so far (`largest`: its largest magnitude). */
  valueOutlier: ['value', 'largest'],
  /** The same, and of a sign no value so far has. */
  valueOutlierSign: ['value', 'largest'],
  noValueForPeriod: ['indicator', 'period'],
  targetDateNotAfterBaseline: ['baselineDate'],
  thresholdsOutOfOrder: [],
  /** Turning off negatives while `negatives` stored values are negative (the first: `period`, `value`). */
  storedNegatives: ['negatives', 'period', 'value'],
  storedNegativeTrajectory: [],
  indicatorAlreadyArchived: ['id', 'date', 'by'],
  indicatorNotArchived: ['id'],

  // ── not found, and ids that are taken ─────────────────────────────────────────────────────────
  noObjective: ['id'],
  noGoal: ['id'],
  noIndicator: ['id'],
  noMeeting: ['id'],
  noAgency: ['id'],
  noCommitment: ['id'],
  noAgendaItem: ['id'],
  objectiveIdTaken: ['id'],
  goalIdTaken: ['id'],
  indicatorIdTaken: ['id'],
  agencyIdTaken: ['id'],
  agencyCodeTaken: ['code'],
  goalNotOfObjective: ['goal', 'objective'],
  indicatorNotOfGoal: ['indicator', 'goal'],

  // ── meetings ─────────────────────────────────────────────────────────────────────────────────
  /** One meeting per series and date; `title` of the meeting already there. */
  meetingDateTaken: ['date', 'title'],
  meetingDateTakenUnnamed: ['date'],
  /** Outside the window meetings may be scheduled in (`first` … `last`). */
  meetingDateOutOfRange: ['value', 'first', 'last'],
  meetingClosedNoEdit: [],
  deleteLiveMeeting: [],
  deleteClosedMeeting: [],
  seriesHasDraft: ['title', 'date'],
  noNextMeeting: ['after'],
  nextMeetingPastRange: ['after', 'date', 'last'],
  /** Starting an agenda from the last meeting or from the data, for a meeting of no objective. */
  agendaNeedsObjective: [],

  // ── meeting commands (`invalid_state`, `stale`) ──────────────────────────────────────────────
  alreadyLive: [],
  closedCannotStart: [],
  agendaEmpty: [],
  notStartedChangeItem: [],
  notStartedRunTimer: [],
  notStartedClose: [],
  closedChangeItem: [],
  closedRunTimer: [],
  alreadyClosed: [],
  /** `stale`: another person moved the meeting to another item first. */
  currentItemChanged: [],
  currentItemNotOnAgenda: [],
  alreadyCurrentItem: [],
  alreadyLastItem: [],
  alreadyFirstItem: [],
  noTimer: [],
  timerAlreadyRunning: [],
  timerAlreadyPaused: [],
  extensionLimit: ['minutes'],
  screenNotStarted: [],
  screenClosed: [],
  /** `name`: the presenter who has the screen. */
  screenAlreadyTheirs: ['name'],
  chairHasScreen: [],
  screenNoLongerYours: [],
  screenTakenBack: [],
  screenNowTheirs: ['name'],
  screenIsTheirs: ['name'],
  indicatorNotOnItem: ['id'],

  // ── commitments ──────────────────────────────────────────────────────────────────────────────
  dueDateOutOfRange: ['value', 'min', 'max'],
  newDueDateRequired: [],
  dropReasonRequired: [],
  /** `stale`: someone changed the commitment first. */
  commitmentChangedFirst: [],
  reviewedInNextMeeting: [],
  notOnFollowUp: [],
  meetingRecordClosed: [],
  meetingNotStarted: [],

  // ── CSV imports: a row's cells (`value`: the cell as found, quoted and cut to 80 characters) ──
  cellEmpty: ['column'],
  cellNotAnId: ['value'],
  cellNotANumber: ['value'],
  /** The same, in a file that writes decimals with a comma (`1.234,5`). */
  cellNotANumberDecimalComma: ['value'],
  cellOutOfRange: ['value', 'min', 'max'],
  cellNotBoolean: ['value'],
  cellNotADate: ['value'],
  /** A date that only reads as month/day/year (`month`, `day`: as it would read). */
  cellDateMonthFirst: ['value', 'month', 'day'],
  cellNotARealDate: ['value'],
  cellNotOneOf: ['value', 'options'],
  cellNotAMonthlyPeriod: ['value'],
  cellNotAWeeklyPeriod: ['value'],
  unknownIndicator: ['id'],
  unknownGoal: ['id'],
  noteTooLong: ['max'],
  /** A row of the same indicator and period as the earlier `row`. */
  duplicateRow: ['row', 'indicator', 'period'],
  duplicateIndicatorRow: ['row', 'id'],
  frequencyCannotChange: ['id'],
  importTargetDateNotAfterBaseline: ['targetDate', 'baselineDate'],
  importThresholdNegative: [],
  importThresholdsOutOfOrder: [],
  importNegativeNotAllowed: ['column', 'value'],
  /** A warning: far outside the indicator's series so far. */
  rowOutlier: ['indicator', 'period', 'value', 'largest'],
  rowOutlierSign: ['indicator', 'period', 'value', 'largest'],

  // ── CSV imports: the file ────────────────────────────────────────────────────────────────────
  wrongValueCount: ['expected', 'found'],
  tooManyRows: ['max', 'line'],
  /** `max`: the limit with its unit (`64 MiB`). */
  fileTooLarge: ['max'],
  unreadableCsv: [],
  fileEmpty: [],
  duplicateColumn: ['first', 'second', 'column'],
  missingColumn: ['column'],
  /** The delimiter was not recognised: the header reads as one column (`columns`, quoted). */
  headerSingleColumn: ['columns', 'expected'],
  headerMissingColumns: ['columnCount', 'columns', 'expected'],
  headerUnrecognised: ['columnCount', 'columns', 'unrecognised', 'expected'],
  importNotSaved: [],
  importStopped: ['written', 'total'],
} as const satisfies Record<string, readonly string[]>;

export type ErrorReasonKey = keyof typeof ERROR_REASONS;
export const ERROR_REASON_KEYS = Object.keys(ERROR_REASONS) as ErrorReasonKey[];

/** The params of `K`, each a string or a number. */
export type ReasonParams<K extends ErrorReasonKey> = {
  [P in (typeof ERROR_REASONS)[K][number]]: string | number;
};

type ParamArgs<K extends ErrorReasonKey> = (typeof ERROR_REASONS)[K] extends readonly []
  ? []
  : [params: ReasonParams<K>];

/** A reason with its params checked against `ERROR_REASONS`: `reason('noGoal', { id })`. */
export function reason<K extends ErrorReasonKey>(key: K, ...[params]: ParamArgs<K>): ErrorReason {
  return params ? { key, params } : { key };
}

/** Params the validation adds itself to a reason raised by a field's own check. */
type FromField = 'field' | 'value';

/**
 * zod `params` for a custom check, so that the issue carries its reason:
 * `.refine(ok, { message: 'expected …', params: reasonIssue('notADate') })`. The field's path
 * (`field`) and the value sent (`value`) are added when the issue becomes an error.
 */
export function reasonIssue<K extends ErrorReasonKey>(
  key: K,
  ...[params]: keyof Omit<ReasonParams<K>, FromField> extends never
    ? []
    : [params: Omit<ReasonParams<K>, FromField>]
): { reason: ErrorReason } {
  return { reason: params ? { key, params } : { key } };
}

export function isReasonKey(key: unknown): key is ErrorReasonKey {
  return typeof key === 'string' && Object.hasOwn(ERROR_REASONS, key);
}

/** A check's verdict: the English message the server has always sent, and its reason. */
export interface Problem {
  message: string;
  reason: ErrorReason;
}

/**
 * `/meetings/:id/memo`: the meeting's memo, made from its record the moment the meeting closes (a
 * meeting not closed shows a draft). It prints cleanly to PDF (memo.css: A4, fits Letter; the top
 * bar and the buttons are not printed) and downloads as Markdown and as CSV of its commitments, in
 * the reader's language (English from the server; other languages written here from the same record).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { buildMemo, type MemoHeader, memoFileName } from '../../../../shared/memo.ts';
import { memoCommitmentsCsv, memoMarkdown } from '../../../../shared/memoExport.ts';
import type { MemoLanguage } from '../../../../shared/memoText.ts';
import { getMeetingRecord, type MeetingRecord, memoDownloads } from '../../api/memo.ts';
import { preload } from '../../api/resources.ts';
import { useResource } from '../../api/useResource.ts';
import { NotReady } from '../../components/PageStates.tsx';
import {
  AttendanceSection,
  CorrectionsSection,
  DecisionsSection,
  NewCommitmentsSection,
  ReviewSection,
  TimeSection,
} from './MemoSections.tsx';
import { memoLanguage } from './memoLanguage.ts';
import './memo.css';

const recordResource = (id: string) => [`memo:${id}`, () => getMeetingRecord(id)] as const;

/** Starts the record's request (the page reads it). */
export function memoLoader({ params }: LoaderFunctionArgs) {
  preload(...recordResource(params.id ?? ''));
  return null;
}

function Facts({ header }: { header: MemoHeader }) {
  const { t } = useTranslation('memo');
  const facts: [string, string][] = [
    [t('date'), header.date],
    [t('time'), header.time ?? t('notStarted')],
  ];
  if (header.duration) facts.push([t('duration'), header.duration]);
  return (
    <dl className="memo__facts">
      {facts.map(([label, value]) => (
        <div className="memo__fact" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Download {
  href: string;
  /** The file's name, when the link makes the file itself (the server names its own). */
  name: string | true;
}

/** Excel reads a UTF-8 file without this mark as the local code page, garbling accented names. */
const UTF8_BOM = '\uFEFF';

const dataUrl = (type: string, body: string) => `data:${type};charset=utf-8,${encodeURIComponent(body)}`;

/**
 * English: the server's attachments (the same for anyone who fetches them). Another language: the
 * same files written from the record this page shows, in the reader's words.
 */
function useDownloads(record: MeetingRecord, language: MemoLanguage, english: boolean) {
  return useMemo((): { markdown: Download; csv: Download } => {
    if (english) {
      const server = memoDownloads(record.meeting.id);
      return { markdown: { href: server.markdown, name: true }, csv: { href: server.csv, name: true } };
    }
    return {
      markdown: {
        href: dataUrl('text/markdown', memoMarkdown(record, language)),
        name: memoFileName(record, '.md', language),
      },
      csv: {
        href: dataUrl('text/csv', UTF8_BOM + memoCommitmentsCsv(record, language)),
        name: memoFileName(record, '-commitments.csv', language),
      },
    };
  }, [record, language, english]);
}

function Toolbar({
  record,
  title,
  language,
}: {
  record: MeetingRecord;
  title: string;
  language: MemoLanguage;
}) {
  const { t, i18n } = useTranslation('memo');
  const downloads = useDownloads(record, language, i18n.language === 'en');
  const meetingId = record.meeting.id;
  return (
    <div className="memo__toolbar">
      <nav className="crumbs" aria-label={t('page.breadcrumb')}>
        <Link to="/meetings">{t('page.meetings')}</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/meetings/${encodeURIComponent(meetingId)}`}>{title}</Link>
      </nav>
      <div className="memo__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('page.print')}
        </button>
        <a className="button" href={downloads.markdown.href} download={downloads.markdown.name}>
          {t('page.markdown')}
        </a>
        <a
          className="button"
          href={downloads.csv.href}
          download={downloads.csv.name}
          title={t('page.csvHint')}
        >
          {t('page.csv')}
        </a>
      </div>
    </div>
  );
}

export function MemoPage() {
  const loaded = useResource(...recordResource(useParams().id ?? ''));
  const { t } = useTranslation('meetings');
  if (loaded.state !== 'ready')
    return (
      <div className="page memo">
        <NotReady resource={loaded} what={t('what.memo')} />
      </div>
    );
  return <Memo record={loaded.data} />;
}

function Memo({ record }: { record: MeetingRecord }) {
  const { t } = useTranslation('memo');
  // `t` is a new function when the language changes: the memo is written again in the new one.
  const language = useMemo(() => memoLanguage(t), [t]);
  const memo = useMemo(() => buildMemo(record, language), [record, language]);
  const { header } = memo;
  return (
    <div className="page memo">
      <Toolbar record={record} title={header.title} language={language} />
      <article className="memo__sheet" aria-labelledby="memo-title">
        {memo.draft && (
          <p className="memo__draft" role="status">
            {t('draft')}
          </p>
        )}
        <header className="memo__header">
          <p className="memo__eyebrow">
            {t('heading')}
            {header.objective && <> · {header.objective}</>}
          </p>
          <h1 className="memo__title" id="memo-title">
            {header.title}
          </h1>
          <Facts header={header} />
        </header>
        <AttendanceSection attendance={memo.attendance} />
        <DecisionsSection decisions={memo.decisions} />
        <NewCommitmentsSection commitments={memo.newCommitments} />
        <ReviewSection review={memo.review} />
        <TimeSection time={memo.time} />
        <CorrectionsSection corrections={memo.corrections} />
      </article>
    </div>
  );
}

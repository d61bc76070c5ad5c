/**
 * `/meetings/:id/memo`: the meeting's memo, made from its record the moment the meeting closes (a
 * meeting not closed shows a draft). It prints cleanly to PDF (memo.css: A4, fits Letter; the top
 * bar and the buttons are not printed) and downloads as Markdown and as CSV of its commitments.
 */
import { useMemo } from 'react';
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { buildMemo, type MemoHeader } from '../../../../shared/memo.ts';
import { MEMO_TEXT } from '../../../../shared/memoText.ts';
import { getMeetingRecord, type MeetingRecord, memoDownloads } from '../../api/memo.ts';
import {
  AttendanceSection,
  CorrectionsSection,
  DecisionsSection,
  NewCommitmentsSection,
  ReviewSection,
  TimeSection,
} from './MemoSections.tsx';
import './memo.css';

export async function memoLoader({ params }: LoaderFunctionArgs): Promise<{ record: MeetingRecord }> {
  return { record: await getMeetingRecord(params.id ?? '') };
}

function Facts({ header }: { header: MemoHeader }) {
  const facts: [string, string][] = [
    [MEMO_TEXT.date, header.date],
    [MEMO_TEXT.time, header.time ?? MEMO_TEXT.notStarted],
  ];
  if (header.duration) facts.push([MEMO_TEXT.duration, header.duration]);
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

function Toolbar({ meetingId, title }: { meetingId: string; title: string }) {
  const downloads = memoDownloads(meetingId);
  return (
    <div className="memo__toolbar">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/meetings">{MEMO_TEXT.page.meetings}</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/meetings/${encodeURIComponent(meetingId)}`}>{title}</Link>
      </nav>
      <div className="memo__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {MEMO_TEXT.page.print}
        </button>
        <a className="button" href={downloads.markdown} download>
          {MEMO_TEXT.page.markdown}
        </a>
        <a className="button" href={downloads.csv} download title={MEMO_TEXT.page.csvHint}>
          {MEMO_TEXT.page.csv}
        </a>
      </div>
    </div>
  );
}

export function MemoPage() {
  const { record } = useLoaderData<typeof memoLoader>();
  const memo = useMemo(() => buildMemo(record), [record]);
  const { header } = memo;
  return (
    <div className="page memo">
      <Toolbar meetingId={record.meeting.id} title={header.title} />
      <article className="memo__sheet" aria-labelledby="memo-title">
        {memo.draft && (
          <p className="memo__draft" role="status">
            {MEMO_TEXT.draft}
          </p>
        )}
        <header className="memo__header">
          <p className="memo__eyebrow">
            {MEMO_TEXT.heading}
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

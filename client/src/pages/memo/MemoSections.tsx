/**
 * The memo's sections, each a heading and its table or list, rendered from the memo model (already
 * in the reader's language: MemoPage builds it with their words); headings and labels from `memo`.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Memo, MemoAttendee, MemoCommitment } from '../../../../shared/memo.ts';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="memo__section" aria-labelledby={`memo-${id}`}>
      <h2 className="memo__h2" id={`memo-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

const Empty = ({ text }: { text: string }) => <p className="memo__empty">{text}</p>;

function People({ title, people }: { title: string; people: MemoAttendee[] }) {
  const { t } = useTranslation('memo');
  return (
    <div className="memo__people">
      <h3 className="memo__h3">{title}</h3>
      {people.length === 0 ? (
        <p className="memo__empty">{t('nobody')}</p>
      ) : (
        <ul className="memo__list">
          {people.map((person, index) => (
            // Two attendees may share a name: the position keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is static once rendered
            <li key={index}>
              {person.name}
              {person.agency && <span className="memo__muted"> · {person.agency}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AttendanceSection({ attendance }: { attendance: Memo['attendance'] }) {
  const { t } = useTranslation('memo');
  const { present, absent } = attendance;
  return (
    <Section id="attendance" title={t('sections.attendance')}>
      {present.length + absent.length === 0 ? (
        <Empty text={t('empty.attendance')} />
      ) : (
        <div className="memo__attendance">
          <People title={t('page.presentCount', { number: present.length })} people={present} />
          <People title={t('page.absentCount', { number: absent.length })} people={absent} />
        </div>
      )}
    </Section>
  );
}

function CommitmentLine({ commitment }: { commitment: MemoCommitment }) {
  const { t } = useTranslation('memo');
  return (
    <li className="memo__commitment">
      <span className="memo__text">{commitment.text}</span>
      <span className="memo__muted">
        {' '}
        — {t('commitmentLine', { owner: commitment.owner, due: commitment.due })}
      </span>
    </li>
  );
}

export function DecisionsSection({ decisions }: { decisions: Memo['decisions'] }) {
  const { t } = useTranslation('memo');
  return (
    <Section id="decisions" title={t('sections.decisions')}>
      {decisions.length === 0 && <Empty text={t('empty.decisions')} />}
      {decisions.map((group) => (
        <div className="memo__decision" key={group.itemId ?? 'outside'}>
          <h3 className="memo__h3">{group.title}</h3>
          {group.decided && (
            <blockquote className="memo__decided">
              <span className="visually-hidden">{t('decisionNotes')}: </span>
              {group.decided}
            </blockquote>
          )}
          {group.commitments.length > 0 && (
            <ul className="memo__list">
              {group.commitments.map((commitment) => (
                <CommitmentLine key={commitment.id} commitment={commitment} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </Section>
  );
}

export function NewCommitmentsSection({ commitments }: { commitments: MemoCommitment[] }) {
  const { t } = useTranslation('memo');
  return (
    <Section id="new-commitments" title={t('sections.newCommitments')}>
      {commitments.length === 0 ? (
        <Empty text={t('empty.newCommitments')} />
      ) : (
        <table className="memo__table">
          <thead>
            <tr>
              <th scope="col">{t('columns.commitment')}</th>
              <th scope="col">{t('columns.owner')}</th>
              <th scope="col" className="memo__col-date">
                {t('columns.due')}
              </th>
              <th scope="col">{t('columns.goal')}</th>
            </tr>
          </thead>
          <tbody>
            {commitments.map((commitment) => (
              <tr key={commitment.id}>
                <td className="memo__text">{commitment.text}</td>
                <td>{commitment.owner}</td>
                <td className="memo__col-date">
                  <time dateTime={commitment.dueDate}>{commitment.due}</time>
                </td>
                <td>{commitment.goal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function ReviewSection({ review }: { review: Memo['review'] }) {
  const { t } = useTranslation('memo');
  return (
    <Section id="review" title={t('sections.review')}>
      {review.length === 0 ? (
        <Empty text={t('empty.review')} />
      ) : (
        <table className="memo__table">
          <thead>
            <tr>
              <th scope="col">{t('columns.commitment')}</th>
              <th scope="col">{t('columns.owner')}</th>
              <th scope="col">{t('columns.outcome')}</th>
              <th scope="col">{t('columns.followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {review.map((row) => (
              <tr key={row.id}>
                <td className="memo__text">{row.text}</td>
                <td>{row.owner}</td>
                <td>
                  <span className={`memo__outcome memo__outcome--${row.outcomeKind ?? 'none'}`}>
                    {row.outcome}
                  </span>
                </td>
                <td className={row.overdue ? 'memo__overdue' : undefined}>{row.followUp}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function TimeSection({ time }: { time: Memo['time'] }) {
  const { t } = useTranslation('memo');
  const deltaClass = (minutes: number) =>
    minutes > 0 ? 'memo__num memo__over' : minutes < 0 ? 'memo__num memo__under' : 'memo__num';
  return (
    <Section id="time" title={t('sections.time')}>
      {time.rows.length === 0 ? (
        <Empty text={t('empty.time')} />
      ) : (
        <table className="memo__table memo__table--time">
          <thead>
            <tr>
              <th scope="col">{t('columns.item')}</th>
              <th scope="col" className="memo__num">
                {t('columns.box')}
              </th>
              <th scope="col" className="memo__num">
                {t('columns.spent')}
              </th>
              <th scope="col" className="memo__num">
                {t('columns.delta')}
              </th>
            </tr>
          </thead>
          <tbody>
            {time.rows.map((row) => (
              <tr key={row.id}>
                <td>{row.title}</td>
                <td className="memo__num">{row.box}</td>
                <td className="memo__num">{row.spent}</td>
                <td className={deltaClass(row.deltaMinutes)}>{row.delta}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('columns.total')}</th>
              <td className="memo__num">{time.total.box}</td>
              <td className="memo__num">{time.total.spent}</td>
              <td className={deltaClass(time.total.deltaMinutes)}>{time.total.delta}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </Section>
  );
}

export function CorrectionsSection({ corrections }: { corrections: Memo['corrections'] }) {
  const { t } = useTranslation('memo');
  return (
    <Section id="corrections" title={t('sections.corrections')}>
      {corrections.length === 0 ? (
        <Empty text={t('empty.corrections')} />
      ) : (
        <ul className="memo__list">
          {corrections.map((correction) => (
            <li key={`${correction.indicatorId}/${correction.period}`}>{correction.text}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/**
 * The agency that presents an item, chosen from the government's agencies (stored as its id).
 * The objective's own agencies come first. A free-text value from before the list existed stays
 * selected and readable as "Other: …". When no agency list is available (an empty government, or
 * the data API not answering), the field falls back to free text so preparation never blocks.
 */
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../shared/performance.ts';
import { Field } from '../../components/Field.tsx';
import { parsePresenter } from './agendaFieldRules.ts';
import { resolvePresenter } from './prepCatalog.ts';
import { useDraftField } from './useDraftField.ts';

interface PresenterAgencyFieldProps {
  value: string;
  agencies: Agency[];
  /** Ids of the agencies that deliver the meeting's objective, offered first. */
  objectiveAgencyIds: Set<string>;
  canEdit: boolean;
  onChange(presenterAgency: string): void;
}

const optionLabel = (agency: Agency) => `${agency.code} — ${agency.name}`;

export function PresenterAgencyField(props: PresenterAgencyFieldProps) {
  return props.agencies.length === 0 ? <FreeTextPresenter {...props} /> : <AgencySelect {...props} />;
}

function AgencySelect({ value, agencies, objectiveAgencyIds, canEdit, onChange }: PresenterAgencyFieldProps) {
  const { t } = useTranslation('meetings');
  const presenter = resolvePresenter(value, agencies);
  const selected =
    presenter.kind === 'agency' ? presenter.agency.id : presenter.kind === 'other' ? value : '';
  const own = agencies.filter((agency) => objectiveAgencyIds.has(agency.id));
  const others = agencies.filter((agency) => !objectiveAgencyIds.has(agency.id));
  const options = (list: Agency[]) =>
    list.map((agency) => (
      <option key={agency.id} value={agency.id}>
        {optionLabel(agency)}
      </option>
    ));
  return (
    <Field label={t('presenter.label')}>
      <select
        className="input"
        name="presenterAgency"
        disabled={!canEdit}
        value={selected}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{canEdit ? t('presenter.choose') : t('presenter.notSet')}</option>
        {presenter.kind === 'other' && (
          <option value={value}>{t('presenter.other', { text: presenter.text })}</option>
        )}
        {own.length > 0 && others.length > 0 ? (
          <>
            <optgroup label={t('presenter.ofObjective')}>{options(own)}</optgroup>
            <optgroup label={t('presenter.others')}>{options(others)}</optgroup>
          </>
        ) : (
          options(agencies)
        )}
      </select>
    </Field>
  );
}

function FreeTextPresenter({ value, canEdit, onChange }: PresenterAgencyFieldProps) {
  const { t } = useTranslation('meetings');
  const presenter = useDraftField({
    value,
    format: (text: string) => text,
    parse: parsePresenter,
    commit: onChange,
  });
  return (
    <Field label={t('presenter.label')} error={presenter.error}>
      <input
        className="input"
        name="presenterAgency"
        placeholder={canEdit ? t('presenter.placeholder') : t('presenter.notSet')}
        readOnly={!canEdit}
        maxLength={160}
        {...presenter.inputProps}
      />
    </Field>
  );
}

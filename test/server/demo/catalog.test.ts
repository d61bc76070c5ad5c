/**
 * The demo government makes sense to a governor: every goal is measured by indicators of its own
 * subject, and owned by an agency that would own it.
 */
import { describe, expect, test } from 'vitest';
import { DEMO_AGENCIES, DEMO_OBJECTIVES, type SubjectTemplate } from '../../../server/demo/catalog.ts';
import { generateDemoData } from '../../../server/demo/generate.ts';
import { periodEndDate } from '../../../shared/periods.ts';

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'within', 'from', 'over', 'after', 'per']);

/** The content words of a name or phrase, lower-case: "Homicide cases solved" → homicide, cases, solved. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

/** One word is the other's stem ("job", "jobs") or both share five letters ("deforested", "deforestation"). */
function sameWord(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}

/** Whether an indicator's name speaks of the goal's subject: they share a content word. */
function sharesSubject(indicatorName: string, subject: string): boolean {
  const subjectWords = words(subject);
  return words(indicatorName).some((word) => subjectWords.some((other) => sameWord(word, other)));
}

const subjects = DEMO_OBJECTIVES.flatMap((objective) => objective.subjects);

/** The subject of a generated goal, read from its title ("Reduce household burglaries in …"). */
function subjectOfTitle(title: string): SubjectTemplate[] {
  return subjects.filter((subject) =>
    ['Raise', 'Reduce'].some((verb) => title.startsWith(`${verb} ${subject.subject} in `)),
  );
}

test('the word check catches the reported mix-ups', () => {
  expect(sharesSubject('Street robberies', 'fire and rescue response time')).toBe(false);
  expect(sharesSubject('Homicide cases solved', 'emergency response time')).toBe(false);
  expect(sharesSubject('Household burglaries', 'the homicide clearance rate')).toBe(false);
  expect(sharesSubject('Homicide cases solved', 'the homicide clearance rate')).toBe(true);
  expect(sharesSubject('Deforested area', 'deforestation')).toBe(true);
  expect(sharesSubject('Job placements by the employment agency', 'job placements')).toBe(true);
});

describe('the catalog', () => {
  test('subject keys are unique, and every subject has indicators naming it', () => {
    expect(new Set(subjects.map((subject) => subject.key)).size).toBe(subjects.length);
    for (const subject of subjects) {
      expect(subject.indicators.length, subject.key).toBeGreaterThan(0);
      expect(subject.indicators.length, subject.key).toBeLessThanOrEqual(4);
      for (const indicator of subject.indicators)
        expect(sharesSubject(indicator.name, subject.subject), `${subject.key}: ${indicator.name}`).toBe(
          true,
        );
    }
    // Some subjects offer four indicators, so a goal can have up to four.
    expect(subjects.some((subject) => subject.indicators.length === 4)).toBe(true);
  });

  test('every subject is owned by agencies of its objective, and every such agency owns one', () => {
    const known = new Set(DEMO_AGENCIES.map((agency) => agency.code));
    for (const objective of DEMO_OBJECTIVES) {
      for (const subject of objective.subjects) {
        expect(subject.owners.length, subject.key).toBeGreaterThan(0);
        for (const owner of subject.owners) {
          expect(known.has(owner), `${subject.key}: ${owner}`).toBe(true);
          expect(objective.agencies, `${subject.key}: ${owner}`).toContain(owner);
        }
      }
      for (const agency of objective.agencies) {
        expect(
          objective.subjects.some((subject) => subject.owners.includes(agency)),
          `${objective.name}: ${agency} owns no subject`,
        ).toBe(true);
      }
    }
  });

  test('counts, rates and percentages start from plausible, non-negative baselines', () => {
    for (const subject of subjects) {
      for (const indicator of subject.indicators) {
        expect(indicator.base[0], indicator.name).toBeGreaterThan(0);
        expect(indicator.base[0], indicator.name).toBeLessThanOrEqual(indicator.base[1]);
        expect(indicator.change[1], indicator.name).toBeLessThan(1);
        if (indicator.unit.startsWith('%'))
          expect(indicator.base[1], indicator.name).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe.each([1, 7])('the generated demo (seed %i)', (seed) => {
  const data = generateDemoData({ asOf: '2026-03-18', seed });
  const codeOf = new Map(data.agencies.map((agency) => [agency.id, agency.code]));
  const indicatorsOf = new Map<string, string[]>();
  for (const indicator of data.indicators)
    indicatorsOf.set(indicator.goal_id, [...(indicatorsOf.get(indicator.goal_id) ?? []), indicator.name]);

  test("every goal's indicators measure the goal's subject, and its agency may own that subject", () => {
    for (const goal of data.goals) {
      const matches = subjectOfTitle(goal.title);
      expect(matches, goal.title).toHaveLength(1);
      const subject = matches[0]!;
      expect(subject.owners, goal.title).toContain(codeOf.get(goal.agency_id));
      const names = indicatorsOf.get(goal.id) ?? [];
      expect(names.length, goal.title).toBeGreaterThan(0);
      const templateNames = subject.indicators.map((indicator) => indicator.name);
      for (const name of names) {
        const templateName = name.split(' — ')[0]!;
        // By key: the indicator is one of the subject's own…
        expect(templateNames, `${goal.title}: ${name}`).toContain(templateName);
        // …and by words, as a reader would check it.
        expect(sharesSubject(templateName, subject.subject), `${goal.title}: ${name}`).toBe(true);
      }
      // Its main indicator comes first and sets the goal's direction.
      expect(names[0]!.split(' — ')[0]).toBe(templateNames[0]);
    }
  });

  test('homicide clearance is always the Civil Police’s, response times never own crime counts', () => {
    let homicideGoals = 0;
    for (const goal of data.goals) {
      const names = indicatorsOf.get(goal.id) ?? [];
      if (goal.title.includes('homicide clearance')) {
        homicideGoals += 1;
        expect(codeOf.get(goal.agency_id)).toBe('PCP');
        expect(
          names.every((name) => name.startsWith('Homicide')),
          goal.title,
        ).toBe(true);
      }
      if (codeOf.get(goal.agency_id) === 'CBM')
        expect(
          names.some((name) => /robber|homicide|burglar|theft/i.test(name)),
          goal.title,
        ).toBe(false);
    }
    expect(homicideGoals).toBeGreaterThan(0);
  });

  test('no value for a period not yet ended, and no negative value', () => {
    const asOf = '2026-03-18';
    const frequencyOf = new Map(data.indicators.map((indicator) => [indicator.id, indicator.frequency]));
    // Collected, not asserted one by one: there are tens of thousands of points.
    const wrong: string[] = [];
    for (const point of data.points) {
      const where = `${point.indicator_id} ${point.period}`;
      if (periodEndDate(point.period, frequencyOf.get(point.indicator_id)!) >= asOf)
        wrong.push(`${where}: not ended`);
      if (point.entered_at.slice(0, 10) >= asOf) wrong.push(`${where}: entered ${point.entered_at}`);
      if (point.value < 0) wrong.push(`${where}: ${point.value}`);
    }
    for (const indicator of data.indicators) {
      if (indicator.baseline_value < 0 || indicator.target_value < 0)
        wrong.push(`${indicator.id}: negative plan`);
      if (indicator.unit.startsWith('%') && indicator.target_value > 100)
        wrong.push(`${indicator.id}: over 100%`);
    }
    for (const row of data.trajectories)
      if (row.value < 0) wrong.push(`${row.indicator_id}: negative trajectory`);
    expect(wrong).toEqual([]);
  });
});

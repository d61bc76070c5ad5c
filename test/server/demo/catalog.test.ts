/** The demo government makes sense to a newcomer: goals are owned by the agencies that would own them. */
import { expect, test } from 'vitest';
import { DEMO_AGENCIES, DEMO_OBJECTIVES } from '../../../server/demo/catalog.ts';
import { generateDemoData } from '../../../server/demo/generate.ts';

test('every indicator template is owned by agencies of its objective, and every such agency owns one', () => {
  const known = new Set(DEMO_AGENCIES.map((agency) => agency.code));
  for (const objective of DEMO_OBJECTIVES) {
    for (const template of objective.indicators) {
      expect(template.owners.length, template.name).toBeGreaterThan(0);
      for (const owner of template.owners) {
        expect(known.has(owner), `${template.name}: ${owner}`).toBe(true);
        expect(objective.agencies, `${template.name}: ${owner}`).toContain(owner);
      }
    }
    for (const agency of objective.agencies) {
      expect(
        objective.indicators.some((template) => template.owners.includes(agency)),
        `${objective.name}: ${agency} owns no indicator`,
      ).toBe(true);
    }
  }
});

test("a goal's agency owns its main indicator: homicide clearance is the Civil Police's", () => {
  const data = generateDemoData({ asOf: '2026-03-18', seed: 1 });
  const codeOf = new Map(data.agencies.map((agency) => [agency.id, agency.code]));
  const templates = new Map(
    DEMO_OBJECTIVES.flatMap((objective) => objective.indicators).map((t) => [t.name, t]),
  );
  const firstIndicator = new Map<string, string>();
  for (const indicator of data.indicators)
    if (!firstIndicator.has(indicator.goal_id)) firstIndicator.set(indicator.goal_id, indicator.name);
  let homicideGoals = 0;
  for (const goal of data.goals) {
    const templateName = firstIndicator.get(goal.id)!.split(' — ')[0]!;
    const template = templates.get(templateName)!;
    expect(template.owners, goal.title).toContain(codeOf.get(goal.agency_id));
    if (goal.title.includes('homicide clearance')) {
      homicideGoals += 1;
      expect(codeOf.get(goal.agency_id)).toBe('PCP');
    }
  }
  expect(homicideGoals).toBeGreaterThan(0);
});

/**
 * What agencies promise in a demo stocktake, and why some promises are dropped: phrased the way a
 * results-center analyst writes them down, filled in from the goal and indicator on screen.
 */
import type { Random } from './random.ts';

const TEMPLATES = [
  'Present a recovery plan for “{goal}” with dates and owners',
  'Send the missing figures for {indicator} to the results center',
  'Explain the gap between plan and actual in {indicator}',
  'Meet the partner agencies to unblock “{goal}” and report back',
  'Bring the field teams’ numbers for {indicator}, broken down by region',
  'Review the contract that is holding back “{goal}”',
  'Name one person accountable for “{goal}” and introduce them next meeting',
  'Propose a budget reallocation to get “{goal}” back on track',
  'Visit the three worst-performing units for {indicator} and report what was found',
  'Publish the revised schedule for “{goal}”',
  'Check the data source of {indicator}: the last two values look wrong',
  'Bring a one-page diagnosis of why {indicator} stalled',
] as const;

export const DROP_REASONS = [
  'Superseded by the new action plan agreed with the chair',
  'Merged into another commitment of the same agency',
  'No longer needed: the cause was found elsewhere',
  'Budget withdrawn for this year',
] as const;

/** Short enough to read on a big screen: long goal titles are cut at a word. */
function shortened(text: string, max = 70): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

export function commitmentText(random: Random, goal: string, indicator: string | null): string {
  const usable = indicator ? TEMPLATES : TEMPLATES.filter((template) => !template.includes('{indicator}'));
  return random
    .pick(usable)
    .replace('{goal}', shortened(goal))
    .replace('{indicator}', indicator ? shortened(indicator, 60) : '');
}

/** The agenda's total time against a typical PerformanceStat meeting (60–120 minutes). */
export const TYPICAL_MIN = 60;
export const TYPICAL_MAX = 120;

export function describeBudget(total: number): { tone: 'under' | 'ok' | 'over'; text: string } {
  if (total > TYPICAL_MAX) return { tone: 'over', text: `${total - TYPICAL_MAX} min over a typical meeting` };
  if (total < TYPICAL_MIN)
    return { tone: 'under', text: `${TYPICAL_MIN - total} min short of a typical meeting` };
  return { tone: 'ok', text: 'Within a typical meeting' };
}

export function TimeBudget({ total, items }: { total: number; items: number }) {
  const scale = Math.max(total, TYPICAL_MAX + 30);
  const percent = (value: number) => `${(Math.min(value, scale) / scale) * 100}%`;
  const budget = describeBudget(total);
  return (
    <div className={`budget budget--${budget.tone}`}>
      <div className="budget__numbers">
        <span className="budget__total" data-testid="agenda-total">
          {total} min
        </span>
        <span className="budget__detail">
          {items} {items === 1 ? 'item' : 'items'} · typical {TYPICAL_MIN}–{TYPICAL_MAX} min
        </span>
      </div>
      {/* The bar repeats the numbers above and the verdict below, so it is decoration for screen readers. */}
      <div className="budget__track" aria-hidden="true">
        <span
          className="budget__band"
          style={{
            left: percent(TYPICAL_MIN),
            width: `calc(${percent(TYPICAL_MAX)} - ${percent(TYPICAL_MIN)})`,
          }}
        />
        <span className="budget__fill" style={{ width: percent(total) }} />
      </div>
      <p className="budget__verdict">{budget.text}</p>
    </div>
  );
}

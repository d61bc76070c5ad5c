/** Prometheus metrics of SQLite's update intake (`updateIntake.ts`), on the app's own registry. */
import { Gauge, type Registry } from 'prom-client';
import type { UpdateIntake } from './updateIntake.ts';

export function registerIntakeMetrics(registry: Registry, intake: UpdateIntake): void {
  new Gauge({
    name: 'statroom_sqlite_intake_queued_updates',
    help: 'Document updates in the intake journal and not yet committed to SQLite (grows only while commits fail)',
    registers: [registry],
    collect() {
      this.set(intake.queued());
    },
  });
  new Gauge({
    name: 'statroom_sqlite_intake_commits',
    help: 'Group commits of journaled updates since the server started, by result (done, failed)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      for (const [result, count] of Object.entries(intake.commits())) this.set({ result }, count);
    },
  });
  new Gauge({
    name: 'statroom_sqlite_intake_recovered_updates',
    help: 'Updates only the intake journal held at start (left by a crash), inserted into SQLite then',
    registers: [registry],
    collect() {
      this.set(intake.recovered);
    },
  });
}

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
      const { done, failed } = intake.commits();
      this.set({ result: 'done' }, done);
      this.set({ result: 'failed' }, failed);
    },
  });
  new Gauge({
    name: 'statroom_sqlite_intake_worker_commits',
    help: 'Of the group commits done, those the worker thread made (the others ran on the event loop: flushes, compaction counts)',
    registers: [registry],
    collect() {
      this.set(intake.commits().onWorker);
    },
  });
  new Gauge({
    name: 'statroom_sqlite_intake_commit_worker_up',
    help: '1 while the timed group commits run on their worker thread; 0 once it has failed and they run on the event loop',
    registers: [registry],
    collect() {
      this.set(intake.commitWorkerUp() ? 1 : 0);
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

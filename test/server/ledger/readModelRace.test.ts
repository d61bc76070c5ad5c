/**
 * The read model under concurrent changes: twelve analysts editing one commitment at once leave
 * the row equal to the document, on both dialects (rows were once written outside the document's
 * order, and PostgreSQL kept an older text in half the rounds).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../../server/db/database.ts';
import { ledgerDocName } from '../../../shared/docNames.ts';
import { readCommitment } from '../../../shared/ledger.ts';
import { DIALECTS } from '../../helpers/databases.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { apiCaller, makeWorld, type World } from './ledgerWorld.ts';

describe.each(DIALECTS)('read model under concurrent edits on %s', { timeout: 90_000 }, (dialect) => {
  let server: TestServer;
  let token: string;
  let world: World;
  let db: ReturnType<typeof openDatabase>;

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    token = (await server.signIn('Ana Analyst', 'analyst')).token;
    world = await makeWorld(server, token);
    db = openDatabase(server.database.config);
  });
  afterAll(async () => {
    await db.close();
    await server.close();
  });

  test('after 12 concurrent edits of one commitment, its row says what the document says', async () => {
    const call = apiCaller(server.url);
    for (let round = 0; round < 8; round++) {
      const id = randomUUID();
      const made = await call('POST', `/objectives/${world.objectiveId}/commitments`, token, {
        id,
        text: 'first',
        ownerAgencyId: world.agencyId,
        dueDate: '2030-01-01',
        goalId: world.goalId,
      });
      expect(made.status).toBe(201);
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          call('PATCH', `/objectives/${world.objectiveId}/commitments/${id}`, token, {
            patch: { text: `text ${i}`, dueDate: `2030-02-${String(i + 10)}` },
          }),
        ),
      );
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      const inDoc = await server.app.hub.read(ledgerDocName(world.objectiveId), (doc) =>
        readCommitment(doc, id),
      );
      const row = await db.kysely
        .selectFrom('commitments')
        .select(['text', 'due_date', 'updated_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect([row.text, row.due_date]).toEqual([inDoc?.text, inDoc?.dueDate]);
      expect(row.updated_at).toBe(new Date(inDoc?.updatedAt ?? 0).toISOString());
    }
  });
});

/** The benchmark's analyst: signed in through the real API, making commitments as a script would. */
import { randomUUID } from 'node:crypto';
import type { DocHub } from '../../server/docs/docHub.ts';
import type { Meeting } from '../../shared/meetings.ts';
import type { ObjectiveDetail } from '../../shared/performance.ts';
import { addDaysToDate } from '../../shared/periods.ts';
import { SocketIoDocClient, waitFor } from '../../test/helpers/yjsClients.ts';

export class Session {
  private constructor(
    readonly url: string,
    readonly token: string,
    private readonly cookie: string,
  ) {}

  static async signIn(url: string, name: string, role: 'analyst' | 'viewer'): Promise<Session> {
    const response = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, role }),
    });
    if (response.status !== 201) throw new Error(`sign-in failed: ${response.status}`);
    const { token } = (await response.json()) as { token: string };
    return new Session(url, token, token);
  }

  /** The session cookie for the browser (the same signed token the API takes as a Bearer). */
  cookieFor(url: string) {
    return { name: 'statroom_session', value: this.cookie, url };
  }

  async getJson(path: string): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  private async goalsOf(objectiveId: string): Promise<Array<{ id: string; agencyId: string }>> {
    const detail = (await this.getJson(`/api/objectives/${objectiveId}`)) as ObjectiveDetail;
    return detail.agencies.flatMap(({ goals }) =>
      goals.map((goal) => ({ id: goal.id, agencyId: goal.agencyId })),
    );
  }

  private async make(objectiveId: string, count: number, today: string, meetingId?: string): Promise<void> {
    const goals = await this.goalsOf(objectiveId);
    for (let i = 0; i < count; i++) {
      const goal = goals[i % goals.length] as { id: string; agencyId: string };
      await this.post(`/api/objectives/${objectiveId}/commitments`, {
        id: randomUUID(),
        text: `Benchmark commitment ${i + 1}: bring the recovery plan`,
        ownerAgencyId: goal.agencyId,
        dueDate: addDaysToDate(today, 7 + (i % 14)),
        goalId: goal.id,
        ...(meetingId ? { meetingId } : {}),
      });
    }
  }

  /** Commitments made between meetings, so that a draft's follow-up grows by `count`. */
  topUpFollowUp(objectiveId: string, count: number, today: string): Promise<void> {
    return this.make(objectiveId, Math.max(0, count), today);
  }

  makeCommitments(objectiveId: string, meetingId: string, count: number, today: string): Promise<void> {
    return this.make(objectiveId, count, today, meetingId);
  }

  async draftOf(objectiveId: string): Promise<string> {
    const { meetings } = (await this.getJson('/api/meetings')) as { meetings: Meeting[] };
    const draft = meetings.find(
      (meeting) => meeting.objectiveId === objectiveId && meeting.phase === 'draft',
    );
    if (!draft) throw new Error(`the series of ${objectiveId} has no draft`);
    return draft.id;
  }
}

/** A fresh client's join → synced of `docName`, after the hub has unloaded it. */
export async function timeJoin(url: string, token: string, docName: string, hub: DocHub): Promise<number> {
  await waitFor(() => !hub.isLoaded(docName), `${docName} unloaded`);
  const client = await SocketIoDocClient.connect(url, { token });
  try {
    const started = performance.now();
    await client.joinSynced(docName);
    return performance.now() - started;
  } finally {
    client.close();
    await waitFor(() => !hub.isLoaded(docName), `${docName} unloaded`);
  }
}

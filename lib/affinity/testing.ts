/**
 * Test doubles for the Affinity client: recorded fixture bodies, a fake `send` that answers by path,
 * and a scheduler that runs every task at once. Used by tests only (never imported by the extension).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HttpRequest, HttpSend } from './http';
import type { HttpResponse, RequestScheduler, SchedulerState, SchedulerTask } from '../scheduler/types';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as unknown;
}

export const ok = (body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status: 200,
  headers,
  body,
});

/** Answers by path (query ignored); an unknown path answers like Affinity: 404 "Unknown API endpoint". */
export class FakeAffinity {
  readonly requests: HttpRequest[] = [];
  private readonly routes = new Map<string, HttpResponse | (() => Promise<HttpResponse>)>();

  on(path: string, response: HttpResponse | (() => Promise<HttpResponse>)): this {
    this.routes.set(path, response);
    return this;
  }

  readonly send: HttpSend = async (request) => {
    this.requests.push(request);
    const route = this.routes.get(request.path);
    if (route === undefined) return { status: 404, headers: {}, body: 'Unknown API endpoint' };
    return typeof route === 'function' ? route() : route;
  };

  last(): HttpRequest {
    const request = this.requests.at(-1);
    if (!request) throw new Error('no request was sent');
    return request;
  }
}

const idleState: SchedulerState = {
  limit: 900,
  used: 0,
  remaining: 900,
  resetsAt: 0,
  queued: { interactive: 0, background: 0 },
  inFlight: 0,
  pausedUntil: null,
  pauseReason: null,
  monthlyLimit: null,
  monthlyRemaining: null,
  monthlyResetsAt: null,
  rateLimitedCount: 0,
};

/** Runs each task immediately, once, and remembers it (to check priority, dedupe key, quota flag). */
export class PassThroughScheduler implements RequestScheduler {
  readonly tasks: SchedulerTask[] = [];

  schedule(task: SchedulerTask): Promise<HttpResponse> {
    this.tasks.push(task);
    return task.execute(task.signal ?? new AbortController().signal);
  }

  state(): SchedulerState {
    return idleState;
  }

  subscribe(): () => void {
    return () => undefined;
  }

  async reset(): Promise<void> {
    this.tasks.length = 0;
  }

  last(): SchedulerTask {
    const task = this.tasks.at(-1);
    if (!task) throw new Error('no task was scheduled');
    return task;
  }
}

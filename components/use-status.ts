/** The background's status, polled while a page is open (status/get makes no API calls). */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AffinityError, type SerializedError } from '../lib/affinity/errors';
import type { Status } from '../lib/messages';
import { sendToBackground } from '../lib/messaging';

export interface StatusState {
  status: Status | null;
  error: SerializedError | null;
  /** Asks again now (after an action that changes the status). */
  refresh: () => void;
}

export function useStatus(pollMs = 1000): StatusState {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(() => {
    sendToBackground('status/get', {})
      .then((next) => {
        if (!alive.current) return;
        setStatus(next);
        setError(null);
      })
      .catch((e: unknown) => {
        if (alive.current) setError(toSerialized(e));
      });
  }, []);

  useEffect(() => {
    alive.current = true;
    refresh();
    const timer = setInterval(refresh, pollMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [refresh, pollMs]);

  return { status, error, refresh };
}

export function toSerialized(error: unknown): SerializedError {
  return AffinityError.from(error).toJSON();
}

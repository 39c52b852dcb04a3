import { describe, expect, it, vi } from 'vitest';
import type { CardPort } from '../hover';
import type { Mark } from '../mark-index';
import { deferredCard } from './deferred-card';

const mark = { personIds: [7], text: 'Ada Lovelace' } as unknown as Mark;

function fakeCard() {
  const shown: string[] = [];
  const card: CardPort = {
    prefetch: vi.fn(),
    show: (m) => void shown.push(m.text),
    hide: () => void shown.push('hidden'),
    owns: () => true,
    hasFocus: () => true,
  };
  return { card, shown };
}

/** A load the test finishes (or fails) when it likes. */
function pendingLoad() {
  let settle: { resolve(card: CardPort): void; reject(error: unknown): void } | null = null;
  const load = vi.fn(
    () =>
      new Promise<CardPort>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  return { load, settle: () => settle as NonNullable<typeof settle> };
}

describe('the hover card before its UI has loaded', () => {
  it('fetches the details and starts the load on intent, and shows the card once it arrives', async () => {
    const { card, shown } = fakeCard();
    const { load, settle } = pendingLoad();
    const details = vi.fn();
    const port = deferredCard(load, details);
    port.prefetch(mark);
    expect(details).toHaveBeenCalledWith(mark);
    port.show(mark, 'pointer', null);
    expect(load).toHaveBeenCalledTimes(1);
    expect(port.owns(null)).toBe(false);
    settle().resolve(card);
    await vi.waitFor(() => expect(shown).toEqual(['Ada Lovelace']));
    expect(port.owns(null)).toBe(true);
    port.show(mark, 'pointer', null);
    expect(shown).toEqual(['Ada Lovelace', 'Ada Lovelace']);
  });

  it('shows nothing when the card was let go before it arrived', async () => {
    const { card, shown } = fakeCard();
    const { load, settle } = pendingLoad();
    const port = deferredCard(load, () => undefined);
    port.show(mark, 'pointer', null);
    port.hide();
    settle().resolve(card);
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([]);
  });

  it('tries the load again on the next wish when it failed', async () => {
    const { card, shown } = fakeCard();
    const { load, settle } = pendingLoad();
    const port = deferredCard(load, () => undefined);
    port.show(mark, 'keyboard', null);
    settle().reject(new Error('updating'));
    await new Promise((r) => setTimeout(r, 0));
    port.show(mark, 'keyboard', null);
    expect(load).toHaveBeenCalledTimes(2);
    settle().resolve(card);
    await vi.waitFor(() => expect(shown).toEqual(['Ada Lovelace']));
  });
});

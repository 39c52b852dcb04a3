// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorMessage } from './ErrorMessage';

afterEach(cleanup);

describe('ErrorMessage', () => {
  it('shows a rejected key with a way to the settings', () => {
    const onOpenSettings = vi.fn();
    render(
      <ErrorMessage
        error={{ kind: 'rejected', message: 'Affinity rejected the API key.', status: 401 }}
        onOpenSettings={onOpenSettings}
        onRetry={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Affinity rejected the API key.');
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenSettings).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('on the settings page, says to use the key field there instead of pointing to the settings', () => {
    render(
      <ErrorMessage
        error={{ kind: 'rejected', message: 'Paste a new key in Affinity Lens settings.', status: 401 }}
        onOpenSettings={vi.fn()}
        onSettingsPage
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'Your Affinity API key was rejected. Paste a new key in the API key field.',
    );
    expect(screen.queryByRole('button', { name: 'Open settings' })).toBeNull();
  });

  it('tells when a rate limit lifts and offers a retry', () => {
    const onRetry = vi.fn();
    const retryAt = new Date(2026, 3, 2, 14, 5).getTime();
    render(
      <ErrorMessage
        error={{ kind: 'rate-limited', message: 'Affinity’s rate limit was reached.', retryAt }}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/Requests resume at \d{1,2}:05/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('uses a given action instead of the default step', () => {
    const onClick = vi.fn();
    render(
      <ErrorMessage
        error={{ kind: 'not-found', message: 'This person is no longer in Affinity.' }}
        action={{ label: 'Back to results', onClick }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back to results' }));
    expect(onClick).toHaveBeenCalled();
  });

  it('offers no button when there is nothing to do', () => {
    render(<ErrorMessage error={{ kind: 'not-found', message: 'This person is no longer in Affinity.' }} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

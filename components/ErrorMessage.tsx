/** A failure as a sentence plus the next step: settings for key problems, retry (and when) for the rest. */
import type { JSX } from 'preact';
import type { SerializedError } from '../lib/affinity/errors';
import { errorView } from '../lib/ui/error-steps';

export interface ErrorAction {
  label: string;
  onClick: () => void;
}

export interface ErrorMessageProps {
  error: SerializedError;
  onRetry?: () => void;
  /** Opens the settings (options page); shown for a missing, rejected or unauthorised key. */
  onOpenSettings?: () => void;
  /** Replaces the default next step with your own button. */
  action?: ErrorAction;
  /** Smaller, without the box: for a line inside a list or footer. */
  inline?: boolean;
  /** On the options page: key problems say to use the key field there instead of pointing to the settings. */
  onSettingsPage?: boolean;
}

export function ErrorMessage(props: ErrorMessageProps): JSX.Element {
  const step = errorView(props.error, { onSettingsPage: props.onSettingsPage });
  const button: ErrorAction | null =
    props.action ??
    (step.action === 'settings' && props.onOpenSettings
      ? { label: 'Open settings', onClick: props.onOpenSettings }
      : step.action === 'retry' && props.onRetry
        ? { label: 'Try again', onClick: props.onRetry }
        : null);
  return (
    <div
      class={`lens lens-error${props.inline ? ' lens-error--inline' : ''}`}
      role="alert"
      data-kind={props.error.kind}
    >
      <p class="lens-error__sentence">{step.sentence}</p>
      {step.hint && <p class="lens-error__hint">{step.hint}</p>}
      {button && (
        <button type="button" class="lens-button lens-button--small" onClick={button.onClick}>
          {button.label}
        </button>
      )}
    </div>
  );
}

/** "+4 more" and "Show more" controls shared by the card's sections. */
import { useState } from 'preact/hooks';
import { clampText } from '../lib/ui/collapse';

export function MoreButton(props: {
  hidden: number;
  expanded: boolean;
  onToggle: () => void;
  /** What is hidden, for screen readers: "+4 more lists". */
  noun?: string;
}) {
  if (!props.expanded && props.hidden === 0) return null;
  const label = props.expanded ? 'Show less' : `+${props.hidden} more`;
  return (
    <button
      type="button"
      class="lens-more"
      aria-expanded={props.expanded}
      aria-label={props.noun && !props.expanded ? `${label} ${props.noun}` : undefined}
      onClick={props.onToggle}
    >
      {label}
    </button>
  );
}

/** Long text, cut near `max` characters with a "Show more" toggle. Always rendered as text. */
export function ClampedText(props: { text: string; max: number; class?: string }) {
  const [open, setOpen] = useState(false);
  const clamped = clampText(props.text, props.max);
  return (
    <span class={props.class}>
      {open || !clamped.cut ? props.text : clamped.text}
      {clamped.cut && (
        <>
          {' '}
          <button type="button" class="lens-more" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Show less' : 'Show more'}
          </button>
        </>
      )}
    </span>
  );
}

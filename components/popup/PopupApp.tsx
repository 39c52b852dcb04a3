/** The toolbar popup: first run, or search and details, with the site switch and the status footer. */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/messaging';
import type { SearchHit } from '../../lib/people/types';
import { popupMemoryItem, type PopupMemory } from '../../lib/settings';
import { ErrorMessage } from '../ErrorMessage';
import { usePreferences } from '../use-preferences';
import { useStatus } from '../use-status';
import { DetailsView } from './DetailsView';
import { FirstRun } from './FirstRun';
import { SearchView } from './SearchView';
import { SiteSwitch } from './SiteSwitch';
import { StatusFooter } from './StatusFooter';

export interface PopupAppProps {
  /** How often the footer asks the background for its status. */
  pollMs?: number;
  refineDelayMs?: number;
}

export function PopupApp(props: PopupAppProps) {
  const { status, error, refresh } = useStatus(props.pollMs ?? 1000);
  const [memory, setMemory] = useState<PopupMemory | null>(null);

  useEffect(() => {
    void popupMemoryItem.getValue().then(setMemory);
  }, []);

  const signedOut = status?.signedIn === false;
  useEffect(() => {
    // Signing out forgets everything, including what the popup remembered.
    if (signedOut) void popupMemoryItem.removeValue();
  }, [signedOut]);

  const openSettings = () => {
    void browser.runtime.openOptionsPage();
  };

  if (!status || !memory) {
    return error ? (
      <main class="lens-popup__main">
        <ErrorMessage error={error} onRetry={refresh} />
      </main>
    ) : (
      <main class="lens-popup__main" aria-busy="true" />
    );
  }

  if (!status.signedIn) {
    return (
      <main class="lens-popup__main">
        <FirstRun onOpenSettings={openSettings} />
      </main>
    );
  }

  return (
    <SignedIn
      memory={memory}
      onOpenSettings={openSettings}
      refineDelayMs={props.refineDelayMs ?? 250}
      footer={<StatusFooter status={status} onChange={refresh} />}
    />
  );
}

function SignedIn(props: {
  memory: PopupMemory;
  onOpenSettings: () => void;
  refineDelayMs: number;
  footer: JSX.Element;
}) {
  const [term, setTerm] = useState(props.memory.term);
  const [lastPerson, setLastPerson] = useState<SearchHit | null>(props.memory.lastPerson);
  const [open, setOpen] = useState<SearchHit | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { prefs } = usePreferences();

  useEffect(() => {
    // A worker the popup woke builds its search index now, while the first letter is being typed.
    sendToBackground('people/prepare-search', {}).catch(() => undefined);
  }, []);

  useLayoutEffect(() => {
    // Focused on open, the remembered term selected so that typing replaces it.
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (open) back();
      else window.close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const changeTerm = (next: string) => {
    setTerm(next);
    void popupMemoryItem.setValue({ term: next, lastPerson });
  };

  const openPerson = (hit: SearchHit) => {
    setOpen(hit);
    setLastPerson(hit);
    void popupMemoryItem.setValue({ term, lastPerson: hit });
  };

  const back = () => {
    setOpen(null);
    // The field is back in the page on the next frame.
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  return (
    <>
      <header class="lens-popup__header">
        <h1 class="lens-visually-hidden">Affinity Lens</h1>
        <SiteSwitch />
        <button type="button" class="lens-link-like" onClick={props.onOpenSettings}>
          Settings
        </button>
      </header>
      <main class="lens-popup__main">
        <div hidden={open !== null}>
          <SearchView
            term={term}
            onTermChange={changeTerm}
            lastPerson={lastPerson}
            onOpen={openPerson}
            onOpenSettings={props.onOpenSettings}
            inputRef={inputRef}
            refineDelayMs={props.refineDelayMs}
          />
        </div>
        {open && (
          <DetailsView
            hit={open}
            sections={prefs?.sections}
            onBack={back}
            onOpenSettings={props.onOpenSettings}
          />
        )}
      </main>
      {props.footer}
    </>
  );
}

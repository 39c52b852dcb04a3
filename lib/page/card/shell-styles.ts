/** Styles of the card's frame (PersonCard brings its own); they live inside the closed shadow root. */
export const shellStyles = `
.alens-card {
  box-sizing: border-box;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: min(72vh, 560px, var(--alens-room, 100vh));
  overflow: auto;
  overscroll-behavior: contain;
  background: var(--lens-bg);
  border: 1px solid var(--lens-border);
  border-radius: var(--lens-radius);
  box-shadow: var(--lens-shadow);
  pointer-events: auto;
}
.alens-card:focus { outline: none; }
.alens-card:focus-visible { outline: 2px solid var(--lens-focus); outline-offset: 1px; }
.alens-bar {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  justify-content: space-between;
  height: 0;
  overflow: visible;
}
.alens-bar__button {
  font: inherit;
  font-size: 12px;
  margin: 4px;
  padding: 2px 8px;
  border: 0;
  border-radius: 4px;
  background: transparent;
  color: var(--lens-muted);
  cursor: pointer;
  height: 24px;
}
.alens-close { margin-left: auto; font-size: 18px; line-height: 1; }
.alens-bar__button:hover { background: var(--lens-surface); color: var(--lens-fg); }
.alens-bar__button:focus-visible { outline: 2px solid var(--lens-focus); }
.alens-card .lens-card__head { padding-right: 20px; }
.alens-card .lens-card__name { margin-right: 4px; }
.alens-card > .lens-error { margin: 34px 12px 12px; }
.alens-choose { padding: 12px 14px; }
.alens-choose__title { margin: 0 24px 8px 0; font-weight: 600; }
.alens-choose__list { list-style: none; margin: 0; padding: 0; }
.alens-choose__option {
  display: flex;
  flex-direction: column;
  gap: 2px;
  width: 100%;
  font: inherit;
  text-align: left;
  padding: 6px 8px;
  margin: 0;
  border: 1px solid transparent;
  border-radius: 6px;
  background: transparent;
  color: var(--lens-fg);
  cursor: pointer;
}
.alens-choose__option:hover { background: var(--lens-surface); }
.alens-choose__option:focus-visible { outline: 2px solid var(--lens-focus); }
.alens-choose__name { font-weight: 600; }
.alens-choose__detail { color: var(--lens-muted); font-size: 12px; }
`;

/** Without a key there is nothing to search: one sentence and the way to the settings. */
export function FirstRun(props: { onOpenSettings: () => void }) {
  return (
    <section class="lens-first-run" aria-labelledby="lens-first-run-title">
      <h1 id="lens-first-run-title" class="lens-first-run__title">
        Welcome to Affinity Lens
      </h1>
      <p>Affinity Lens needs your Affinity API key to find the people in your Affinity.</p>
      <button type="button" class="lens-button" onClick={props.onOpenSettings}>
        Add your API key
      </button>
    </section>
  );
}

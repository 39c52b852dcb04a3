/**
 * Which elements are near the viewport, by IntersectionObserver; without one, every element is.
 *
 * An element with `display: contents` has no box, so the observer never sees it intersect: its
 * nearest ancestor with a box is watched in its place (the text inside is drawn within that box).
 */

export interface NearViewport {
  isNear(element: Element): boolean;
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

interface NearViewportWindow {
  IntersectionObserver?: typeof IntersectionObserver;
  getComputedStyle?(element: Element): { display: string };
}

/** How far around the viewport counts as near: a screen each way, so scrolling finds marks there. */
const NEAR_MARGIN = '100%';
/** How long new elements wait to be observed together. */
const OBSERVE_BATCH_MS = 150;

/** The element whose box holds an element's: its parent, or at the top of a shadow root, the host. */
function boxParentOf(element: Element): Element | null {
  return element.parentElement ?? (element.parentNode as ShadowRoot | null)?.host ?? null;
}

/** `onChange` hears when an observed element comes near or goes away. */
export function nearViewport(
  win: NearViewportWindow,
  onChange: (element: Element, near: boolean) => void,
): NearViewport {
  const Observer = win.IntersectionObserver;
  if (!Observer) {
    return { isNear: () => true, observe() {}, unobserve() {}, disconnect() {} };
  }
  const near = new Set<Element>();
  /** Elements watched for themselves. */
  const own = new Set<Element>();
  /** Boxed ancestors watched for boxless elements, and the elements each stands in for. */
  const standsFor = new Map<Element, Set<Element>>();
  const standInOf = new Map<Element, Element>();
  /** Every watched element the observer last reported intersecting. */
  const intersecting = new Set<Element>();

  const setNear = (element: Element, isNear: boolean) => {
    if (isNear === near.has(element)) return;
    if (isNear) near.add(element);
    else near.delete(element);
    onChange(element, isNear);
  };

  const display = (element: Element) => win.getComputedStyle?.(element).display ?? '';

  /** Watches the nearest ancestor with a box for a `display: contents` element. */
  const standIn = (element: Element) => {
    let ancestor = boxParentOf(element);
    while (ancestor && display(ancestor) === 'contents') ancestor = boxParentOf(ancestor);
    if (!ancestor) return;
    own.delete(element);
    observer.unobserve(element);
    standInOf.set(element, ancestor);
    const stood = standsFor.get(ancestor);
    if (stood) stood.add(element);
    else standsFor.set(ancestor, new Set([element]));
    if (own.has(ancestor) || stood) setNear(element, intersecting.has(ancestor));
    else observer.observe(ancestor);
  };

  // New elements are observed in batches: in every frame that adds observations the browser
  // computes all of them again, so a scan marking thousands of elements would pay for each frame.
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    for (const element of pending) {
      own.add(element);
      observer.observe(element);
    }
    pending.clear();
  };

  const observer = new Observer(
    (entries) => {
      for (const entry of entries) {
        const target = entry.target;
        if (entry.isIntersecting) intersecting.add(target);
        else intersecting.delete(target);
        if (own.has(target)) {
          const box = entry.boundingClientRect;
          // Only elements reported without a box pay for a style lookup.
          const boxless = !entry.isIntersecting && box.width === 0 && box.height === 0;
          if (boxless && display(target) === 'contents') standIn(target);
          else setNear(target, entry.isIntersecting);
        }
        for (const element of standsFor.get(target) ?? []) setNear(element, entry.isIntersecting);
      }
    },
    { rootMargin: NEAR_MARGIN },
  );

  return {
    isNear: (element) => near.has(element),
    observe(element) {
      pending.add(element);
      if (timer === null) timer = setTimeout(flush, OBSERVE_BATCH_MS);
    },
    unobserve(element) {
      near.delete(element);
      if (pending.delete(element)) return;
      const ancestor = standInOf.get(element);
      if (ancestor) {
        standInOf.delete(element);
        const stood = standsFor.get(ancestor);
        stood?.delete(element);
        if (stood?.size === 0) {
          standsFor.delete(ancestor);
          if (!own.has(ancestor)) {
            observer.unobserve(ancestor);
            intersecting.delete(ancestor);
          }
        }
        return;
      }
      own.delete(element);
      if (!standsFor.has(element)) {
        observer.unobserve(element);
        intersecting.delete(element);
      }
    },
    disconnect() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending.clear();
      observer.disconnect();
      for (const set of [near, own, intersecting]) set.clear();
      standsFor.clear();
      standInOf.clear();
    },
  };
}

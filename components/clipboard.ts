/**
 * Copies text from inside a card. The async Clipboard API needs a secure, focused page; on plain-HTTP
 * pages the card falls back to a hidden textarea in its own (shadow) root so that the page never sees it.
 */
export async function copyText(text: string, from: Element): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text, from);
  }
}

function copyWithSelection(text: string, from: Element): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;inset:0 auto auto 0;';
  const host = from.parentElement ?? from;
  host.appendChild(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (from instanceof HTMLElement) from.focus();
  }
}

/**
 * Keeps storage.local (the key, the account) away from content scripts. Chrome supports access
 * levels (TRUSTED_CONTEXTS = extension pages and the worker); the polyfill does not wrap the call,
 * so it goes to `chrome` directly. Firefox has no access levels: see the README.
 */
interface AccessLevelArea {
  setAccessLevel?: (options: {
    accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
  }) => Promise<void>;
}

export async function lockLocalStorageToTrustedContexts(): Promise<boolean> {
  const area = (globalThis as { chrome?: { storage?: { local?: AccessLevelArea } } }).chrome?.storage?.local;
  if (!area?.setAccessLevel) return false;
  await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}

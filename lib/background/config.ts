import { DEFAULT_API_BASE } from '../api-base';

/** The Affinity API base this build talks to (validated at build time by wxt.config.ts). */
export const API_BASE: string =
  (import.meta.env as Record<string, string | undefined>).WXT_AFFINITY_API_URL ?? DEFAULT_API_BASE;

export { createScheduler, DEFAULT_RETRY_LIMITS, type RetryLimits, type SchedulerOptions } from './scheduler';
export { systemClock, createVirtualClock, type VirtualClock } from './clock';
export { createSessionWindowStore } from './session-store';
export { createMemoryWindowStore, type MemoryWindowStore } from './memory-store';
export type * from './types';

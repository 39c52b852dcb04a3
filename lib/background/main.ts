/** Placeholder wiring; replaced as the client, scheduler and store land. */
export function startBackground(): void {}

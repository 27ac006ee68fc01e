/** The current instant. Injected so that tests can move time (idle timeouts, deadlines). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

// The one logging seam of the main process: modules take a `Log` so tests can capture what they say.

export interface Log {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export const consoleLog: Log = {
  info: (message, ...details) => console.info(`[desk] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[desk] ${message}`, ...details),
  error: (message, ...details) => console.error(`[desk] ${message}`, ...details),
};

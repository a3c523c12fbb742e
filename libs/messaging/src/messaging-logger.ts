/** The slice of a logger messaging needs; NestJS's Logger satisfies it. */
export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

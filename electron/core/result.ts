/**
 * Every API call answers with a Result instead of throwing, so the same value can cross IPC, HTTP and the CLI
 * without each transport inventing its own error shape.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'DESK_LOCKED'
  | 'DESK_CORRUPT'
  | 'DESK_TOO_NEW'
  | 'IO_ERROR'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** An error a person can act on. Anything else that escapes the core is reported as INTERNAL. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof DeskError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

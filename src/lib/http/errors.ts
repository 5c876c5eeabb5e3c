import { DomainError, type ErrorCode, RateLimitedError } from '../errors.ts';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  not_enrolled: 409,
  course_closed: 403,
  heartbeat_refused: 409,
  quiz_unavailable: 409,
  quiz_time_up: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  roster_rows_invalid: 422,
  checkin_refused: 409,
  rate_limited: 429,
};

/** The JSON error body every endpoint returns. */
export function errorBody(code: ErrorCode | 'internal_error', message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Maps any thrown value to a Response: domain errors to 4xx JSON, anything else to a logged 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError) headers['Retry-After'] = String(error.retryAfterSeconds);
    return Response.json(errorBody(error.code, error.message, error.details), { status: STATUS[error.code], headers });
  }
  console.error(error);
  return Response.json(errorBody('internal_error', '服务器内部错误，请稍后再试。'), { status: 500 });
}

/** HTTP status for a domain error code (pages use it too). */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

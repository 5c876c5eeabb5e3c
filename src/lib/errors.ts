/** Machine-readable error codes of the API; messages for people are Chinese. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'cross_site_request'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'not_enrolled'
  | 'course_closed'
  | 'heartbeat_refused'
  | 'quiz_unavailable'
  | 'quiz_time_up'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'roster_rows_invalid'
  | 'checkin_refused'
  | 'rate_limited';

/** Base of every expected failure; one mapper turns it into an HTTP response. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = '找不到请求的内容。') {
    super('not_found', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '您没有权限进行此操作。') {
    super('forbidden', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录。') {
    super('unauthenticated', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('validation_failed', message, details);
  }
}

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super('rate_limited', `尝试次数过多，请约 ${minutes} 分钟后再试。`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

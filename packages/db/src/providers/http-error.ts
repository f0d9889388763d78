import type { HttpError, ValidationErrors } from '@refinedev/core';

/**
 * The error every data provider call rejects with: Refine's `HttpError` shape (message,
 * statusCode, errors keyed by field) as a real `Error`, so stacks survive and `instanceof` works.
 * Messages are Chinese and never carry record values (they may be personal data).
 */
export class DataProviderError extends Error implements HttpError {
  readonly statusCode: number;
  readonly errors?: ValidationErrors;
  /** SQLSTATE or PostgREST code behind the error, for logs and tests. */
  readonly code?: string;

  constructor(statusCode: number, message: string, extra: { errors?: ValidationErrors; code?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'DataProviderError';
    this.statusCode = statusCode;
    if (extra.errors) this.errors = extra.errors;
    if (extra.code) this.code = extra.code;
  }
}

export const forbiddenMessage = '没有权限';
export const notFoundMessage = '记录不存在或无权查看';

export const badRequest = (message: string, errors?: ValidationErrors, code?: string) =>
  new DataProviderError(400, message, { errors, code });

/** A 400 about one field: the form shows `message` under that field. */
export const fieldError = (key: string, message: string, code?: string) => badRequest(message, { [key]: [message] }, code);

export const forbidden = (code?: string, cause?: unknown) => new DataProviderError(403, forbiddenMessage, { code, cause });
export const notFound = (code?: string) => new DataProviderError(404, notFoundMessage, { code });

/** The same sentence the database's version trigger raises (SQLSTATE PT409). */
export const staleVersionMessage = (current: number | string) => `记录已被他人修改（当前版本 ${current}），请刷新后重试`;
export const conflict = (message: string, code?: string, cause?: unknown) => new DataProviderError(409, message, { code, cause });

import { messages, q } from '@fazhi/domain';
import { isChineseMessage } from '../chinese-message.js';
import { constraintIndex } from './constraint-messages.js';
import { badRequest, conflict, DataProviderError, forbidden, notFound } from './http-error.js';
import { columnByName, type KindTable } from './kind-table.js';
import { typeMessage } from './values.js';

/**
 * Server errors → Refine `HttpError`s, for both providers: the SQL one sees `DatabaseError`s
 * (SQLSTATE plus constraint/column fields), the Supabase one sees PostgREST's JSON
 * (`code`, `message`, `details`), where names have to be read out of the message text.
 */
export interface ErrorContext {
  table?: KindTable;
  /** The submitted record (camelCase), for messages that quote a value. */
  values?: Readonly<Record<string, unknown>>;
  /** Field key of each SQL parameter ($1 = index 0), to name the field of a 22P02. */
  paramKeys?: readonly (string | undefined)[];
}

interface ServerError {
  code: string;
  message: string;
  constraint?: string;
  column?: string;
  detail?: string;
  /** PostgreSQL's CONTEXT line, e.g. `unnamed portal parameter $2 = '...'`. */
  where?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Reads the fields we use from a DatabaseError, a driver error or a PostgREST error body. */
function serverError(e: unknown): ServerError | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as Record<string, unknown>;
  const code = str(o.code);
  if (!code) return undefined;
  const cause = typeof o.cause === 'object' && o.cause !== null ? (o.cause as Record<string, unknown>) : {};
  return {
    code,
    message: str(o.message) ?? '',
    constraint: str(o.constraint),
    column: str(o.column),
    detail: str(o.detail) ?? str(o.details),
    where: str(o.where) ?? str(cause.where),
  };
}

const quoted = (text: string, pattern: RegExp) => pattern.exec(text)?.[1];

/** The constraint a message names (PostgREST passes the message, not the field). */
const constraintOf = (s: ServerError) => s.constraint ?? quoted(s.message, /constraint "([^"]+)"/);
const columnOf = (s: ServerError) => s.column ?? quoted(s.message, /column "([^"]+)"/) ?? quoted(s.detail ?? '', /^Key \(([a-z0-9_]+)\)/);

function withFieldError(key: string, message: string, code: string) {
  return badRequest(message, { [key]: [message] }, code);
}


/** The field a rule trigger's error names (`raise … using column = …`), when the driver passes it. */
function triggerField(s: ServerError, ctx: ErrorContext): string | undefined {
  return s.column && ctx.table ? columnByName(ctx.table, s.column)?.key : undefined;
}

/** 23514: the constraint's field and Chinese message; a trigger's own 23514 keeps its text (and field). */
function checkViolation(s: ServerError, ctx: ErrorContext): DataProviderError {
  const name = constraintOf(s);
  const info = name && ctx.table ? constraintIndex(ctx.table.kind).get(name) : undefined;
  if (info) return withFieldError(info.key, info.message(ctx.values ?? {}), s.code);
  if (!isChineseMessage(s.message)) return badRequest('输入的数据不符合要求', undefined, s.code);
  const key = triggerField(s, ctx);
  return key ? withFieldError(key, s.message, s.code) : badRequest(s.message, undefined, s.code);
}

/** 23505: the business-key trigger's message names the duplicate; other unique violations do not. */
function uniqueViolation(s: ServerError, ctx: ErrorContext, cause: unknown): DataProviderError {
  if (!isChineseMessage(s.message)) return conflict('与已有记录重复', s.code, cause);
  const key = triggerField(s, ctx);
  return new DataProviderError(409, s.message, { code: s.code, cause, ...(key ? { errors: { [key]: [s.message] } } : {}) });
}

function notNullViolation(s: ServerError, ctx: ErrorContext): DataProviderError {
  const col = columnOf(s);
  const c = col && ctx.table ? columnByName(ctx.table, col) : undefined;
  if (!c) return badRequest('有必填项未填写', undefined, s.code);
  return withFieldError(c.key, c.field ? messages.required(c.field) : `${q(c.label)}为必填项`, s.code);
}

function foreignKeyViolation(s: ServerError, ctx: ErrorContext): DataProviderError {
  const col = columnOf(s);
  const c = col && ctx.table ? columnByName(ctx.table, col) : undefined;
  if (!c) return badRequest('所引用的记录不存在', undefined, s.code);
  return withFieldError(c.key, `${q(c.label)}所引用的记录不存在`, s.code);
}

/** 22P02 and friends: the parameter named in CONTEXT tells the field. */
function badValue(s: ServerError, ctx: ErrorContext): DataProviderError {
  const n = Number(quoted(s.where ?? '', /parameter \$(\d+)/));
  const key = n > 0 ? ctx.paramKeys?.[n - 1] : undefined;
  const c = key && ctx.table ? ctx.table.columns.get(key) : undefined;
  if (!c) return badRequest('输入的数据格式不正确', undefined, s.code);
  return withFieldError(c.key, typeMessage(c), s.code);
}

/** A message the database raised in Chinese (our triggers) is meant for the user: shown as it is. */
const chineseOf = (s: ServerError) => (isChineseMessage(s.message) ? s.message : undefined);

export const queryTimeoutMessage = '查询超时：数据库未能在规定时间内完成，请缩小筛选范围后重试';
export const unavailableMessage = '数据服务暂时不可用，请稍后重试';
export const unknownErrorMessage = (code?: string) => `数据服务出错${code ? `（错误代码 ${code}）` : ''}，请稍后重试`;

/**
 * 422 with the trigger's message under the field its column names (when the driver passes it):
 * PT422, a masked value (e.g. 138****0000) written back over the real one; FZ422, a workflow step
 * whose required fields or attachments are missing (the first missing field is named).
 */
function unprocessable(s: ServerError, ctx: ErrorContext, e: unknown, fallback: string): DataProviderError {
  const message = chineseOf(s) ?? fallback;
  const col = columnOf(s);
  const c = col && ctx.table ? columnByName(ctx.table, col) : undefined;
  return new DataProviderError(422, message, { code: s.code, cause: e, ...(c ? { errors: { [c.key]: [message] } } : {}) });
}

/**
 * The one mapping of every SQLSTATE the app can raise, for the SQL provider (PGlite, PostgreSQL,
 * PGlite in a Web Worker) and the Supabase one (PostgREST error bodies).
 */
export function toHttpError(e: unknown, ctx: ErrorContext = {}): DataProviderError {
  if (e instanceof DataProviderError) return e;
  const s = serverError(e);
  if (!s) return new DataProviderError(500, unknownErrorMessage(), { cause: e });
  switch (s.code) {
    case '42501':
      return chineseOf(s) ? new DataProviderError(403, s.message, { code: s.code, cause: e }) : forbidden(s.code, e);
    case 'PT409':
      return conflict(chineseOf(s) ?? '记录已被他人修改，请刷新后重试', s.code, e);
    case 'PT422':
      return unprocessable(s, ctx, e, '不能用脱敏显示的内容覆盖原值，请重新填写该字段');
    // Workflow steps (private.check_step): FZ001 a step the workflow does not have (the record may
    // have moved on meanwhile), FZ422 a step whose required fields or attachments are missing.
    case 'FZ001':
      return conflict(chineseOf(s) ?? '流程中没有这一步，请刷新后重试', s.code, e);
    case 'FZ422':
      return unprocessable(s, ctx, e, '该步骤还有必填项或附件未完成');
    // 封账 (private.refuse_locked_year): the record lies in a year whose annual report is signed off.
    case 'FZ423':
      return new DataProviderError(423, chineseOf(s) ?? '该年度已封账，记录不能修改；如需更正，请街道管理员先重新开启该年度', { code: s.code, cause: e });
    // Members and access (20261205090100_members_and_access.sql): FZ403 a grant beyond what the
    // caller holds, or their own membership; FZ409 the last admin, a role already held, an
    // invitation already pending, accepted or withdrawn.
    case 'FZ403':
      return new DataProviderError(403, chineseOf(s) ?? '超出了您所持有的权限，不能这样授予或更改', { code: s.code, cause: e });
    case 'FZ409':
      return conflict(chineseOf(s) ?? '与该单位成员的现状冲突，请刷新后重试', s.code, e);
    case '23505':
      return uniqueViolation(s, ctx, e);
    case '23514':
      return checkViolation(s, ctx);
    case '23502':
      return notNullViolation(s, ctx);
    case '23503':
      return foreignKeyViolation(s, ctx);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return badValue(s, ctx);
    case '57014':
      return new DataProviderError(504, queryTimeoutMessage, { code: s.code, cause: e });
    case '40001':
    case '40P01':
      return conflict('记录正被同时修改，请重试', s.code, e);
    case 'P0001':
      return badRequest(chineseOf(s) ?? '输入的数据不符合要求', undefined, s.code);
    case '42P01':
    case '42883':
    case '3F000':
      return new DataProviderError(503, '数据库结构不完整（迁移尚未完成），请稍后重试或联系管理员', { code: s.code, cause: e });
    case 'PGRST116':
      return notFound(s.code);
    case 'PGRST100':
    case 'PGRST204':
      return badRequest('查询条件有误', undefined, s.code);
    default:
      if (s.code.startsWith('22')) return badValue(s, ctx);
      // Connection gone, server shutting down, out of resources: worth retrying.
      if (/^(08|53|57P)/.test(s.code)) return new DataProviderError(503, unavailableMessage, { code: s.code, cause: e });
      return new DataProviderError(500, unknownErrorMessage(s.code), { code: s.code, cause: e });
  }
}

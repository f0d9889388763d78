import type { IndicatorComparison } from '@fazhi/metrics';
import type { AttachmentStore, ConsoleUser, DuplicateKeySource, IndicatorSource, RecordImporter } from '@fazhi/plugin-sdk';
import type { AccessStore, NamedLocalAccounts, OrgSetup, OrgStore, ReportStore } from '@fazhi/db/browser';
import type { DataProvider } from '@refinedev/core';
import type { FigureMemory } from '../home/figure-memory.js';

/** Who is signed in, as the sign-in step returns it and the browser keeps it between visits. */
export interface SignedInSession {
  userId: string;
  email: string;
  /** Shown in the header; the e-mail when the account has no display name. */
  displayName: string;
  /** A local account still on its initial password: the console asks for a new one before anything else. */
  mustChangePassword?: boolean;
  /** Signed in by a 忘记密码 link (Supabase): the console asks for a new password before anything else. */
  settingNewPassword?: boolean;
}

/** An account the sign-in page offers with one click (embedded demo only). */
export interface DemoLogin {
  email: string;
  password: string;
  displayName: string;
}

/** Everything the console needs once a user is signed in; every call runs as that user. */
export interface ConnectedBackend {
  user: ConsoleUser;
  /** The user read again (grants and org units), as `connect` read it: after 机构管理 changed the tree. */
  reloadUser(): Promise<ConsoleUser>;
  dataProvider: Required<DataProvider>;
  /** Figures for dashboards; `prefetch` starts a unit's year before the page asks for it. */
  indicators: IndicatorSource & { prefetch?(orgId: string, year: number): Promise<void>; stampOf?(comparisons: readonly IndicatorComparison[]): string | undefined };
  attachments: AttachmentStore;
  /** Business keys stored twice before the database refused duplicates (shown to street admins). */
  duplicates: DuplicateKeySource;
  /** Ledger import (导入), one transaction as the user. */
  importer: RecordImporter;
  /** Saved annual reports (versions, 定稿, 封账, templates) and the district comparison. */
  reports: ReportStore;
  /** Members, grants and invitations of the units the user manages (成员与权限); the database enforces every rule. */
  access: AccessStore;
  /** Local accounts (新建本地账号) of the embedded database; absent on Supabase, where people arrive by invitation. */
  localAccounts?: NamedLocalAccounts;
  /** The org tree: read by every member; added to, renamed, moved and retired by its managers (机构管理). */
  orgs: OrgStore;
  /** The year dashboards open on (the demo data's year); the current year when absent. */
  defaultYear?: number;
}

/**
 * Where the console's data lives: the embedded database in the browser (the default) or a
 * Supabase project (when `VITE_SUPABASE_URL` and `VITE_SUPABASE_ANON_KEY` are set at build time).
 * The console itself never knows which; errors are thrown as `Error` with a Chinese message.
 */
export interface ConsoleBackend {
  kind: 'embedded' | 'supabase';
  /** One line for the sign-in page and the header, e.g. 本机演示数据库 / Supabase 项目地址. */
  description: string;
  demoLogins: readonly DemoLogin[];
  /**
   * Starts loading what sign-in will need (e.g. the embedded database) while the user types;
   * rejects when that fails (the sign-in page then offers to rebuild a local database).
   */
  warmUp(): Promise<void>;
  /** The session kept from an earlier visit, if still valid. */
  restoreSession(): Promise<SignedInSession | null>;
  /** Rejects with `邮箱或密码不正确` (or the server's reason) when the credentials are wrong. */
  signIn(email: string, password: string): Promise<SignedInSession>;
  signOut(): Promise<void>;
  /**
   * Changes the signed-in user's own password (the current one is checked by the database) and
   * returns the session without `mustChangePassword`. Embedded only: on Supabase, Supabase Auth
   * owns passwords.
   */
  changeOwnPassword?(session: SignedInSession, currentPassword: string, newPassword: string): Promise<SignedInSession>;
  connect(session: SignedInSession): Promise<ConnectedBackend>;
  /** The database in this browser (embedded only): reset, discard, backup and restore. */
  localDatabase?: LocalDatabase;
  /** How far opening the database in this browser has come (embedded only), for a progress bar. */
  progress?: ProgressFeed;
  /** The first visit of the embedded default: 使用演示数据 or 建立本单位 (embedded only). */
  firstRun?: FirstRun;
  /** Signing in through a mailed link, and setting a forgotten password (Supabase only). */
  emailLinks?: EmailLinks;
  /**
   * The home page's figures of the last visit, shown at once (marked 正在更新) while the database
   * opens. Embedded only: every write to that database passes through this browser, which
   * forgets them on each, so they are never older than the last change (a revoked grant included).
   */
  figureMemory?: FigureMemory;
}

/**
 * Sign-in by e-mail on Supabase: 邮箱登录链接 (a magic link), 忘记密码 (a link to set a new one),
 * and the console's address the links lead back to, which carries the session.
 */
export interface EmailLinks {
  /**
   * Mails a sign-in link. An account is created only for an e-mail with a pending invitation
   * (the database's trigger turns it into a membership once the link confirms the e-mail).
   */
  sendSignInLink(email: string): Promise<void>;
  /** Mails a link that signs in and opens 设置新密码. */
  sendPasswordReset(email: string): Promise<void>;
  /**
   * The session a link's return address carries (`?code=`, `#access_token=…`, `?token_hash=`),
   * or null when it carries none; rejects with a Chinese message for an expired or used link.
   */
  completeLink(address: URL): Promise<LinkSignIn | null>;
  /** The signed-in user's new password (after a reset link, or any time). */
  setNewPassword(password: string): Promise<void>;
}

export interface LinkSignIn {
  session: SignedInSession;
  /** `recovery`: the link was 忘记密码's, so the console asks for a new password first. */
  purpose: 'signIn' | 'recovery';
}

/**
 * A browser without a database yet chooses: the demo data (signing in with a demo account, or
 * warming up, loads it as before) or its own street, set up in an empty database.
 */
export interface FirstRun {
  /**
   * True while this browser keeps no database: none stored (or one a first visit left empty), and
   * none opened by a choice (demo data loaded ahead of it, `expectDemo`, is not one).
   */
  needed(): Promise<boolean>;
  /**
   * Fetches, while the choice is being made, what every choice needs (the database client and
   * PostgreSQL's own files), so the database the choice opens starts sooner.
   */
  prepare(): void;
  /**
   * The user started on the sign-in form: a first visit has no accounts but the demo data's, so
   * that is what signing in will open. It starts loading now, and is kept (stored in this browser)
   * only once it is chosen: by signing in, or 使用演示数据. Another choice replaces it.
   */
  expectDemo(): void;
  /**
   * 建立本单位: an empty database with the schema and model, no demo data; the unit tree, 建账起止
   * and the first admin from `setup` (the database checks it and says what is wrong, in Chinese).
   * Nothing is kept when it fails. Nobody is signed in afterwards.
   */
  setUp(setup: OrgSetup): Promise<void>;
}

/**
 * How far opening the embedded database has come. A first visit downloads (the snapshot and
 * PostgreSQL's wasm and data files; bytes as read after Content-Encoding), then starts PostgreSQL
 * on the snapshot and stores it in IndexedDB; a later visit starts from IndexedDB. Then the
 * schema is checked and brought up to this build.
 */
export type DatabaseProgress =
  | { step: 'download'; loaded: number; total: number }
  | { step: 'start'; fresh: boolean }
  | { step: 'upgrade'; fresh: boolean }
  | { step: 'ready' };

/** The latest progress and a way to hear of the next (shaped for React's useSyncExternalStore). */
export interface ProgressFeed {
  current(): DatabaseProgress | undefined;
  subscribe(listener: () => void): () => void;
}

/**
 * Operations on the embedded database. Reset and restore load a new database and switch
 * to it only once it opened and checked out (the old one stays until then), sign the user out,
 * and the page reloads afterwards. The console offers backup, restore and reset to street admins only.
 */
export interface LocalDatabase {
  /** True while the database holds the demo data: only then is 重置演示数据 offered. */
  holdsDemoData(): Promise<boolean>;
  /** Puts the demo data back as shipped. */
  resetDemo(): Promise<void>;
  /**
   * The files of the database that fails to open, read straight from this browser's storage, as
   * one zip to download before it is discarded; null when none is readable.
   */
  storedFiles(): Promise<{ fileName: string; file: Blob } | null>;
  /**
   * Deletes the database that fails to open (offered on the sign-in page) and puts nothing in its
   * place: the first-run choice (使用演示数据 / 建立本单位 / 从备份恢复) follows, so a street's own
   * database is never silently replaced by the demo data.
   */
  discard(): Promise<void>;
  /** The whole database as one file; logged in the audit trail; refused unless a street admin. */
  backup(session: SignedInSession): Promise<{ fileName: string; file: Blob }>;
  /**
   * 导出全部数据: one zip for `fazhi import --all --file` (street admins; unmasked, with accounts and
   * the whole-street copy, only for an admin with the personal-data grant).
   */
  exportAll(session: SignedInSession): Promise<{ fileName: string; file: Blob; unmasked: boolean }>;
  /** Replaces the database with a backup, after checking the file and that it opens. */
  restore(file: Blob): Promise<void>;
}

import type { ConsoleUser } from '@fazhi/plugin-sdk';
import { useTranslate } from '@refinedev/core';
import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ConsoleBackend, SignedInSession } from '../backend/backend.js';

/** Backup, restore and reset are a street admin's (the database refuses a backup to anyone else too). */
export const mayManageLocalDatabase = (user: ConsoleUser) => user.memberships.some((m) => m.role === 'admin');

const backupAccept = '.fazhi-backup';

/**
 * The user menu's entries for the embedded database: 备份本机数据库, 从备份恢复…, 导出全部数据 and 重置演示数据
 * while the database holds the demo data. Nothing for other roles or for the Supabase backend.
 * Returns the menu items and the hidden file input restore uses. Whether the database holds the
 * demo data is asked once `asking`.
 */
export function useLocalDatabaseMenu(backend: ConsoleBackend, user: ConsoleUser, session: SignedInSession, asking = true) {
  const t = useTranslate();
  const { modal, message } = App.useApp();
  const local = mayManageLocalDatabase(user) ? backend.localDatabase : undefined;
  const [demo, setDemo] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!asking) return;
    let live = true;
    local?.holdsDemoData().then((d) => live && setDemo(d), () => undefined);
    return () => {
      live = false;
    };
  }, [local, asking]);
  if (!local) return { items: [], input: null };

  /** Runs a long operation with a notice; a failure is shown in Chinese and leaves everything as it was. */
  const run = async (work: () => Promise<void>) => {
    const hide = message.loading(t('console.working'), 0);
    try {
      await work();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 8);
    } finally {
      hide();
    }
  };
  const signInAgain = (flag: string) => window.location.assign(`${import.meta.env.BASE_URL}login?${flag}=1`);

  const backup = () =>
    run(async () => {
      const { fileName, file } = await local.backup(session);
      const url = URL.createObjectURL(file);
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      void message.success(t('console.backupDone', { file: fileName }), 8);
    });

  const exportAll = () =>
    run(async () => {
      const { fileName, file, unmasked } = await local.exportAll(session);
      const url = URL.createObjectURL(file);
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      void message.success(t(unmasked ? 'console.exportAllDone' : 'console.exportAllMaskedDone', { file: fileName }), 8);
    });

  const restore = (file: File) =>
    modal.confirm({
      title: t('console.restore'),
      content: t('console.restoreConfirm', { file: file.name }),
      okButtonProps: { danger: true },
      onOk: () => run(async () => {
        await local.restore(file);
        signInAgain('restored');
      }),
    });

  const reset = () =>
    modal.confirm({
      title: t('console.resetDemo'),
      content: t('console.resetConfirm'),
      okButtonProps: { danger: true },
      onOk: () => run(async () => {
        await local.resetDemo();
        signInAgain('reset');
      }),
    });

  const input = (
    <input
      ref={fileInput}
      type="file"
      accept={backupAccept}
      data-testid="restore-file"
      style={{ display: 'none' }}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) restore(file);
      }}
    />
  );
  const items = [
    { key: 'backup', label: t('console.backup'), onClick: () => void backup() },
    { key: 'restore', label: t('console.restore'), onClick: () => fileInput.current?.click() },
    { key: 'export-all', label: t('console.exportAll'), onClick: () => void exportAll() },
    ...(demo ? [{ key: 'reset', label: t('console.resetDemo'), danger: true, onClick: reset }] : []),
  ];
  return { items, input };
}

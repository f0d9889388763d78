/**
 * The console's own strings (the SDK's pages bring theirs), zh-CN first; English mirrors the keys.
 * Everything the console shows goes through these, via Refine's `useTranslate` inside the shell
 * and `consoleText` on the sign-in page (which loads before Refine).
 */
export const consoleMessages = {
  'zh-CN': {
    console: {
      title: '法治政府建设工作台',
      subtitle: '街道法治政府建设台账与年度报告',
      signIn: {
        title: '登录',
        email: '邮箱',
        password: '密码',
        submit: '登录',
        emailRequired: '请输入邮箱',
        passwordRequired: '请输入密码',
        demoTitle: '演示账号（点击填入）',
        demoPassword: '演示账号的密码均为 {{password}}',
        preparing: '正在准备本机数据库…',
        failed: '登录失败：{{message}}',
        embedded: '本机演示数据库（浏览器内，数据只保存在本浏览器）',
      },
      progress: {
        step: '第 {{n}} 步，共 {{of}} 步：',
        download: '下载数据库 {{loaded}} / {{total}} MB',
        startFresh: '启动数据库并保存到本浏览器',
        start: '打开本浏览器中的数据库',
        upgrade: '检查数据库结构',
      },
      opening: '正在打开数据库…',
      openFailed: '无法打开数据库',
      retry: '重试',
      signOut: '退出登录',
      home: '首页',
      templateEditor: {
        menu: '报告模板',
        title: '{{org}}报告模板',
        builtIn: '使用内置模板（尚未保存本单位模板）',
        version: '本单位模板第{{version}}版',
        save: '保存为新版本',
        saved: '已保存为第{{version}}版',
        saveFailed: '保存失败：{{message}}',
        json: '报告模板（JSON）',
        problems: '模板有 {{count}} 处错误，改正后才能预览和保存',
        preview: '报告预览',
        adminOnly: '只有街道管理员可以编辑报告模板',
      },
      org: '机构',
      year: '年度',
      yearN: '{{year}}年',
      language: 'English',
      resetDemo: '重置演示数据',
      resetConfirm: '将删除本浏览器中的全部改动，恢复为初始演示数据，并退出登录。确定吗？',
      resetDone: '演示数据已恢复，请重新登录',
      backup: '备份本机数据库',
      backupDone: '已下载备份文件“{{file}}”。其中含未脱敏的个人信息，请妥善保管；本次备份已记入操作日志',
      restore: '从备份恢复…',
      restoreConfirm: '将用备份文件“{{file}}”替换本浏览器中的全部数据，并退出登录。当前数据如未备份将无法找回。确定吗？',
      restoreDone: '已从备份恢复，请重新登录',
      working: '正在处理，请稍候…',
      localOpenFailed: '本机数据库无法打开：{{message}}',
      rebuild: '重建本地数据库',
      rebuildConfirm: '将删除本浏览器中无法打开的数据库，换成初始演示数据。其中未备份的改动将无法找回（如有备份文件，可在重建后以街道管理员登录，从备份恢复）。确定吗？',
      rebuildDone: '本地数据库已重建，请登录',
      backendEmbedded: '本机演示数据库',
      backendSupabase: 'Supabase',
      homeTitle: '{{org}} · {{year}}年法治政府建设概览',
      noPlugins: '尚未安装任何工作领域插件',
      roles: { supervisor: '区级督导', admin: '管理员', clerk: '经办人', viewer: '查看者' },
      roleLine: '{{org}} · {{role}}',
      districtComparison: {
        menu: '街道对比',
        title: '{{org}} · {{year}}年各街道指标对比',
        area: '工作领域',
        allAreas: '全部指标',
        unit: '单位',
        direct: '区直',
        total: '合计',
        export: '导出 Excel',
        exported: '已下载“{{file}}”',
        failed: '读取失败：{{message}}',
        notApplicable: '所选单位下没有街道，无法对比。请在页头选择区（或街道的上级单位）。',
        nonAdditive: '该指标不能按街道相加，区直不列出',
        directHint: '区直：记录在区一级（不属于任何街道）的数字，即合计减去各街道之和',
      },
    },
  },
  en: {
    console: {
      title: 'Rule-of-Law Workbench',
      subtitle: 'Street office rule-of-law records and annual report',
      signIn: {
        title: 'Sign in',
        email: 'E-mail',
        password: 'Password',
        submit: 'Sign in',
        emailRequired: 'Enter your e-mail',
        passwordRequired: 'Enter your password',
        demoTitle: 'Demo accounts (click to fill in)',
        demoPassword: 'Every demo account’s password is {{password}}',
        preparing: 'Preparing the local database…',
        failed: 'Sign-in failed: {{message}}',
        embedded: 'Local demo database (in this browser; the data stays in this browser only)',
      },
      progress: {
        step: 'Step {{n}} of {{of}}: ',
        download: 'downloading the database, {{loaded}} / {{total}} MB',
        startFresh: 'starting the database and saving it in this browser',
        start: 'opening the database in this browser',
        upgrade: 'checking the database structure',
      },
      opening: 'Opening the database…',
      openFailed: 'Could not open the database',
      retry: 'Retry',
      signOut: 'Sign out',
      home: 'Home',
      templateEditor: {
        menu: 'Report template',
        title: 'Report template of {{org}}',
        builtIn: 'Built-in template (no template of this unit saved yet)',
        version: 'Version {{version}} of this unit’s template',
        save: 'Save as new version',
        saved: 'Saved as version {{version}}',
        saveFailed: 'Saving failed: {{message}}',
        json: 'Report template (JSON)',
        problems: 'The template has {{count}} problem(s); fix them to preview and save',
        preview: 'Report preview',
        adminOnly: 'Only a street admin can edit the report template',
      },
      org: 'Unit',
      year: 'Year',
      yearN: '{{year}}',
      language: '中文',
      resetDemo: 'Reset demo data',
      resetConfirm: 'This deletes every change made in this browser, restores the demo data and signs you out. Continue?',
      resetDone: 'Demo data restored; please sign in again',
      backup: 'Back up local database',
      backupDone: 'Downloaded the backup “{{file}}”. It holds unmasked personal data: keep it safe. This backup is recorded in the audit log',
      restore: 'Restore from backup…',
      restoreConfirm: 'This replaces all data in this browser with the backup “{{file}}” and signs you out. Current data that is not backed up cannot be recovered. Continue?',
      restoreDone: 'Restored from the backup; please sign in again',
      working: 'Working, please wait…',
      localOpenFailed: 'The local database cannot be opened: {{message}}',
      rebuild: 'Rebuild local database',
      rebuildConfirm: 'This deletes the database in this browser that cannot be opened and puts the demo data in its place. Changes that are not backed up cannot be recovered (with a backup file, sign in as a street admin after rebuilding and restore it). Continue?',
      rebuildDone: 'Local database rebuilt; please sign in',
      backendEmbedded: 'Local demo database',
      backendSupabase: 'Supabase',
      homeTitle: '{{org}} · rule-of-law overview {{year}}',
      noPlugins: 'No work-area plugins installed',
      roles: { supervisor: 'District supervisor', admin: 'Administrator', clerk: 'Clerk', viewer: 'Viewer' },
      roleLine: '{{org}} · {{role}}',
      districtComparison: {
        menu: 'Streets compared',
        title: '{{org}} · streets compared, {{year}}',
        area: 'Work area',
        allAreas: 'All indicators',
        unit: 'Unit',
        direct: 'District level',
        total: 'Total',
        export: 'Export to Excel',
        exported: 'Downloaded “{{file}}”',
        failed: 'Could not load: {{message}}',
        notApplicable: 'The chosen unit has no streets below it. Choose the district (or a unit above the streets) in the header.',
        nonAdditive: 'This indicator does not add up over streets; the district-level row leaves it out',
        directHint: 'District level: figures of records held above the streets, i.e. the total minus the streets',
      },
    },
  },
} as const;

export type ConsoleLocale = keyof typeof consoleMessages;

const localeKey = 'fazhi.locale';

export function storedLocale(): ConsoleLocale {
  return localStorage.getItem(localeKey) === 'en' ? 'en' : 'zh-CN';
}

export function storeLocale(locale: ConsoleLocale): void {
  localStorage.setItem(localeKey, locale);
}

/** A console string outside Refine (the sign-in page): `console.signIn.title` style keys. */
export function consoleText(locale: ConsoleLocale, key: string, params?: Record<string, string | number>): string {
  let node: unknown = consoleMessages[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (m, n: string) => (params?.[n] === undefined ? m : String(params[n])));
}

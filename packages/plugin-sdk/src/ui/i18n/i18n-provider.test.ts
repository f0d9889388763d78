import { expect, test } from 'vitest';
import { samplePlugin } from '../../test-fixtures.test-helper.js';
import { createI18nProvider, flatDictionary, interpolate } from './i18n-provider.js';

test('zh-CN and English have exactly the same keys', () => {
  expect(Object.keys(flatDictionary('en')).sort()).toEqual(Object.keys(flatDictionary('zh-CN')).sort());
});

test('translates with parameters, falls back to zh-CN, then to the default, then to the key', () => {
  const plugin = { ...samplePlugin(), messages: { 'zh-CN': { hello: '你好，{{name}}' } } };
  const i18n = createI18nProvider({ plugins: [plugin], messages: { en: { fazhi: { extra: 'Extra' } } } });
  expect(i18n.translate('fazhi.list.total', { total: 12 })).toBe('共 12 条');
  expect(i18n.translate('plugins.mediation.hello', { name: '张三' })).toBe('你好，张三');
  expect(i18n.translate('nope.key', 'Default')).toBe('Default');
  expect(i18n.translate('nope.key', {}, 'Default 2')).toBe('Default 2');
  expect(i18n.translate('nope.key')).toBe('nope.key');
  for (const inherited of ['constructor', '__proto__', 'toString']) expect(i18n.translate(inherited, 'fallback')).toBe('fallback');
  i18n.changeLocale('en');
  expect(i18n.getLocale()).toBe('en');
  expect(i18n.translate('fazhi.list.total', { total: 2 })).toBe('2 in total');
  expect(i18n.translate('fazhi.extra')).toBe('Extra');
  expect(i18n.translate('plugins.mediation.hello', { name: 'Li' })).toBe('你好，Li');
  expect(() => i18n.changeLocale('fr')).toThrow('不支持的语言');
  expect(interpolate('{{a}}-{{b}}', { a: 1 })).toBe('1-{{b}}');
});

test('names every resource by its kind label in Refine notifications, in both languages', () => {
  const plugin = samplePlugin();
  const i18n = createI18nProvider({ plugins: [plugin] });
  // What Refine's useCreate / useUpdate / useDelete call (@refinedev/core 5, hooks/data).
  const notice = (key: string, id: string) => i18n.translate(key, { resource: i18n.translate(`${id}.${id}`, id), statusCode: 409 }, 'fallback');
  for (const { kind } of plugin.resources) {
    expect(notice('notifications.createSuccess', kind.id)).toBe(`已新建${kind.label}`);
    expect(notice('notifications.editSuccess', kind.id)).toBe(`已保存${kind.label}`);
    expect(notice('notifications.deleteSuccess', kind.id)).toBe(`已删除${kind.label}`);
    expect(notice('notifications.editError', kind.id)).not.toContain(kind.id);
  }
  i18n.changeLocale('en');
  const { kind } = plugin.resources[0]!;
  expect(notice('notifications.createSuccess', kind.id)).toBe(`Successfully created ${kind.labelEn ?? kind.label}`);
});

import { describe, expect, it } from 'vitest';
import { supabaseEnv } from './env.js';

const url = 'https://abcd.supabase.co';
const key = 'eyJhbGciOiJIUzI1NiJ9.anon.key';

describe('supabaseEnv', () => {
  it('is null (embedded database) when neither variable is set, or both are blank', () => {
    expect(supabaseEnv({})).toBeNull();
    expect(supabaseEnv({ VITE_SUPABASE_URL: '', VITE_SUPABASE_ANON_KEY: '  ', OTHER: 'x' })).toBeNull();
  });

  it('returns the project when both are set, trimmed and without trailing slashes', () => {
    expect(supabaseEnv({ VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: key })).toEqual({ url, anonKey: key });
    expect(supabaseEnv({ VITE_SUPABASE_URL: ` ${url}/ `, VITE_SUPABASE_ANON_KEY: ` ${key}\n` })).toEqual({ url, anonKey: key });
    expect(supabaseEnv({ VITE_SUPABASE_URL: 'http://127.0.0.1:54321', VITE_SUPABASE_ANON_KEY: key })).toEqual({ url: 'http://127.0.0.1:54321', anonKey: key });
  });

  it('names the missing variable when only one is set', () => {
    expect(() => supabaseEnv({ VITE_SUPABASE_URL: url })).toThrow(/^设置了 VITE_SUPABASE_URL，但缺少 VITE_SUPABASE_ANON_KEY/);
    expect(() => supabaseEnv({ VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: '' })).toThrow(/缺少 VITE_SUPABASE_ANON_KEY/);
    expect(() => supabaseEnv({ VITE_SUPABASE_ANON_KEY: key })).toThrow(/^设置了 VITE_SUPABASE_ANON_KEY，但缺少 VITE_SUPABASE_URL/);
  });

  it('refuses a URL that is not http(s), naming the variable', () => {
    expect(() => supabaseEnv({ VITE_SUPABASE_URL: 'abcd.supabase.co', VITE_SUPABASE_ANON_KEY: key })).toThrow(/^VITE_SUPABASE_URL 不是有效的网址：“abcd\.supabase\.co”/);
    expect(() => supabaseEnv({ VITE_SUPABASE_URL: 'ftp://abcd.supabase.co', VITE_SUPABASE_ANON_KEY: key })).toThrow(/^VITE_SUPABASE_URL 必须以 http:\/\/ 或 https:\/\/ 开头/);
    expect(() => supabaseEnv({ VITE_SUPABASE_URL: 'postgresql://db.abcd.supabase.co:5432/postgres', VITE_SUPABASE_ANON_KEY: key })).toThrow(/VITE_SUPABASE_URL/);
    expect(() => supabaseEnv({ VITE_SUPABASE_URL: `${url}/?x=1`, VITE_SUPABASE_ANON_KEY: key })).toThrow(/VITE_SUPABASE_URL 只应包含/);
  });
});

/** Where the console finds its Supabase project, read from build-time variables. */
export interface SupabaseEnv {
  /** Project URL without a trailing slash, e.g. `https://abcd.supabase.co`. */
  url: string;
  anonKey: string;
}

const urlVar = 'VITE_SUPABASE_URL';
const keyVar = 'VITE_SUPABASE_ANON_KEY';

/** The value of a variable, or undefined when it is missing or blank (`VITE_X=` in a .env file). */
const valueOf = (env: Record<string, string | undefined>, name: string) => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

/**
 * Checks a Supabase project URL: http(s), no query or fragment. Returns it without trailing
 * slashes; throws a Chinese message naming `what` (the variable, or the option) otherwise.
 */
export function supabaseProjectUrl(raw: string, what: string = urlVar): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${what} 不是有效的网址：“${raw}”（应为 Supabase 项目地址，例如 https://xxxx.supabase.co）`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`${what} 必须以 http:// 或 https:// 开头：“${raw}”（应为 Supabase 项目地址，例如 https://xxxx.supabase.co）`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`${what} 只应包含 Supabase 项目地址，不能带查询参数、片段或用户名：“${raw}”`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The Supabase project to use, from `VITE_SUPABASE_URL` and `VITE_SUPABASE_ANON_KEY`
 * (`import.meta.env` at build time): both set → that project; neither → `null`, the embedded
 * database in the browser. Only one of them, or a URL that is not http(s), is a configuration
 * mistake and throws a Chinese message naming the variable.
 */
export function supabaseEnv(env: Record<string, string | undefined>): SupabaseEnv | null {
  const url = valueOf(env, urlVar);
  const anonKey = valueOf(env, keyVar);
  if (url === undefined && anonKey === undefined) return null;
  const both = `连接 Supabase 需要同时设置 ${urlVar} 和 ${keyVar}；两者都不设置则使用本机演示数据库`;
  if (url === undefined) throw new Error(`设置了 ${keyVar}，但缺少 ${urlVar}（${both}）`);
  if (anonKey === undefined) throw new Error(`设置了 ${urlVar}，但缺少 ${keyVar}（${both}）`);
  return { url: supabaseProjectUrl(url), anonKey };
}

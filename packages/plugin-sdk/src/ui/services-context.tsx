import { createContext, useContext, type ReactNode } from 'react';
import type { FazhiServices } from '../services.js';

const Ctx = createContext<FazhiServices | null>(null);

/** Injects the console's services (user, attachment store, indicator source) into plugin pages. */
export function FazhiServicesProvider({ services, children }: { services: FazhiServices; children: ReactNode }) {
  return <Ctx.Provider value={services}>{children}</Ctx.Provider>;
}

export function useFazhiServices(): FazhiServices {
  const s = useContext(Ctx);
  if (!s) throw new Error('FazhiServicesProvider 缺失：插件页面必须在控制台（或 renderPlugin）中渲染');
  return s;
}

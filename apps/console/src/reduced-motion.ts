import { useSyncExternalStore } from 'react';
import type { ThemeConfig } from 'antd';

const query = '(prefers-reduced-motion: reduce)';

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia?.(query);
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
};
const prefersReducedMotion = () => window.matchMedia?.(query).matches ?? false;

// antd's own default, left untouched: an explicit theme would give every style a new hash.
const reducedTheme: ThemeConfig = { token: { motion: false } };

/**
 * The antd theme for a user whose system asks for less motion (WCAG 2.3.3): no sliding menus,
 * zooming dialogs or fading messages. Followed live, as the system setting changes. Without the
 * setting, antd's default (undefined: animations on).
 */
export function useMotionTheme(): ThemeConfig | undefined {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false) ? reducedTheme : undefined;
}

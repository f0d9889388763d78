/**
 * What antd needs from a browser that jsdom lacks: `matchMedia` (responsive grids and
 * descriptions) and `ResizeObserver`, plus a fast `getComputedStyle`. Installed once.
 */
export function installDomShims(): void {
  const w = globalThis as unknown as Window & typeof globalThis;
  if (typeof w.window === 'undefined') throw new Error('renderPlugin 需要 jsdom 环境：在测试文件开头加上 // @vitest-environment jsdom');
  if (!w.matchMedia) {
    w.matchMedia = ((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    })) as unknown as typeof w.matchMedia;
  }
  if (!w.ResizeObserver) {
    w.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  }
  // jsdom's getComputedStyle walks every CSS rule of the document on each call, and antd's
  // CSS-in-JS puts thousands there: one list page took 6 s in 35 calls. jsdom has no layout, so
  // the cascade buys nothing here; the element's inline style is what antd's measurements and
  // testing-library's visibility checks (inline `display: none`) actually use.
  if (!(w.getComputedStyle as { fazhiShim?: boolean }).fazhiShim) {
    const shim = ((el: Element) => (el as HTMLElement).style ?? document.createElement('div').style) as unknown as typeof w.getComputedStyle & { fazhiShim?: boolean };
    shim.fazhiShim = true;
    w.getComputedStyle = shim;
  }
}

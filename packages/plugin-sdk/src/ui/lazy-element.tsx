import { lazy, type ComponentType, type LazyExoticComponent, type ReactElement } from 'react';

type ComponentModule<P> = { default: ComponentType<P> };

// One React.lazy component per loader for the whole app: every render of the same loader gets the
// same component type, so React keeps its state (a `lazy(load)` made in a render function would be
// a new type each time and remount). Keyed weakly: a loader no one holds is forgotten.
const components = new WeakMap<object, unknown>();

/**
 * An element of the default export of a module loaded on demand (a plugin's page or dashboard
 * widget). It suspends until the module is there: render it inside `<Suspense>`.
 */
export function lazyElement<P extends object>(load: () => Promise<ComponentModule<P>>, props: P): ReactElement {
  let component = components.get(load) as LazyExoticComponent<ComponentType<P>> | undefined;
  if (!component) components.set(load, (component = lazy(load)));
  const Component = component;
  return <Component {...props} />;
}

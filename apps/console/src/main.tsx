import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectBackend } from './backend/select-backend.js';
import { Root } from './root.js';
import { consoleComposition } from './shell/console-composition.js';

const container = document.getElementById('root')!;
Promise.resolve()
  .then(() => {
    const composition = consoleComposition();
    return selectBackend(composition.model).then((backend) => {
      // Signed in from an earlier visit: start the database now, while React renders its first
      // frame (the root asks for the same database again; it is opened once). A first visit:
      // fetch what every first-run choice needs while the user chooses (the only place that does).
      if (backend.kind === 'embedded')
        void backend
          .restoreSession()
          .then(async (s) => (s ? backend.warmUp() : (await backend.firstRun?.needed()) && backend.firstRun?.prepare()))
          .catch(() => undefined);
      return { backend, composition };
    });
  })
  .then(
    ({ backend, composition }) =>
      createRoot(container).render(
        <StrictMode>
          <Root backend={backend} composition={composition} />
        </StrictMode>,
      ),
    (e: unknown) => {
      // A misconfigured build (plugins the runtime cannot serve, only one Supabase variable set):
      // say which, in plain text.
      container.style.whiteSpace = 'pre-wrap';
      container.textContent = e instanceof Error ? e.message : String(e);
    },
  );

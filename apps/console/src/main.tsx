import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectBackend } from './backend/select-backend.js';
import { Root } from './root.js';

const container = document.getElementById('root')!;
selectBackend().then(
  (backend) =>
    createRoot(container).render(
      <StrictMode>
        <Root backend={backend} />
      </StrictMode>,
    ),
  (e: unknown) => {
    // A misconfigured build (e.g. only one Supabase variable set): say which, in plain text.
    container.textContent = e instanceof Error ? e.message : String(e);
  },
);

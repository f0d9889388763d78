// The work areas this console offers: one line per plugin (`pnpm new:plugin` adds lines here).
export { default as mediation } from '@fazhi/plugin-mediation';

import { defineConfig } from '@fazhi/model';

// A street using this plugin writes its package name instead:
//   plugins: ['@fazhi-examples/plugin-community-correction'],
export default defineConfig({
  plugins: ['./src/index.ts'],
});

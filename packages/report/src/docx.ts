// @fazhi/report/docx: the Word renderer and its text reader. A separate entry because they load
// docx and jszip, which the report model, the template and the Markdown/HTML renderers do not
// need: @fazhi/model and @fazhi/plugin-sdk import `@fazhi/report` and so never load them.
export { renderDocx } from './render-docx.js';
export { docxText } from './docx-text.js';

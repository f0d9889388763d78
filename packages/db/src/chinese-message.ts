/**
 * Whether a server message is already written for people: our triggers and functions raise in
 * Chinese, while PostgreSQL's and PostgREST's own messages are English and technical.
 */
export const isChineseMessage = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);

/** The server's message when it is one of ours (Chinese), else the fallback sentence. */
export const chineseOr = (text: string, fallback: string): string => (isChineseMessage(text) ? text : fallback);

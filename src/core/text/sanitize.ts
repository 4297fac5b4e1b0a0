/**
 * Removes control characters (escape sequences above all) from text that came from a file, so
 * printing it can never drive the terminal. Newlines and tabs stay.
 */
export function sanitize(text: string): string {
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

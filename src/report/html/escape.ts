// Every text the report shows passes through here: secrets redacted first (the same rules as every
// file ctx-monitor writes), then escaped for HTML, so no transcript text can become markup.
import { redactSecrets } from "../../redact/redact.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Redacted and escaped: the only way transcript-derived text enters the page. */
export function safe(value: string): string {
  return escapeHtml(redactSecrets(value).text);
}

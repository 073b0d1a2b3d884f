#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);

// src/present/safe-text.ts
var CONTROL = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
);
var OWN_SGR = /^\u001b\[(?:0|1|2|31|32|33)m$/;
var JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var QUICK_CHECK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
function terminalText(text, options = {}) {
  if (!QUICK_CHECK.test(text)) return text;
  const keepColor = options.color === true;
  return text.replace(CONTROL, (match) => keepColor && OWN_SGR.test(match) ? match : "");
}
function jsonEscaped(json) {
  return json.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function jsonText(value) {
  return jsonEscaped(JSON.stringify(value, null, 2));
}

export {
  terminalText,
  jsonEscaped,
  jsonText
};

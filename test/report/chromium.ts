// Opens a report in the machine's headless Chromium (Debian's `chromium`, installed by .ci/run) through
// playwright-core, recording console errors, page errors and every request other than the file itself.
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface OpenedReport {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  close(): Promise<void>;
}

export async function openReport(
  htmlPath: string,
  options: { colorScheme?: "light" | "dark"; width?: number } = {},
): Promise<OpenedReport> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox"],
  });
  const page = await browser.newPage({
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1100, height: 900 },
  });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(htmlPath).href;
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, consoleErrors, requests, close: () => browser.close() };
}

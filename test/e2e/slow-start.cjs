// Preloaded into ctx-monitor's MCP server (NODE_OPTIONS=--require) to make its start-up slow, as on a
// loaded machine: blocks for E2E_MCP_DELAY_MS before the server runs.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.E2E_MCP_DELAY_MS || 3000));

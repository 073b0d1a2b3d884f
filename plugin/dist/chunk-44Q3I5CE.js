#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  PACKAGE,
  readContextBreakdown
} from "./chunk-XBXNPPNR.js";
import {
  configuredHandoffDir,
  writeHandoff
} from "./chunk-AC5FPCFS.js";
import {
  redactSecrets
} from "./chunk-Y3ZR3M7I.js";
import {
  handoffFolder,
  handoffInFolder,
  listHandoffs,
  readHandoff
} from "./chunk-OZXTJKYL.js";
import {
  CAPTURE_SOURCES,
  CONTEXT_STATUSES,
  LIMIT_KINDS,
  MAX_HANDOFF_CHARS,
  MIN_HANDOFF_CHARS,
  SESSION_SOURCES,
  UNMEASURED_REASONS,
  USAGE_SOURCES,
  WINDOW_SOURCES,
  defaultProjectDir,
  exactNumber,
  readContextUsage
} from "./chunk-LIGRM5QN.js";
import {
  log
} from "./chunk-AM7EQEUM.js";
import {
  actionableMessage
} from "./chunk-PUOW4WKH.js";
import {
  AjvJsonSchemaValidator,
  Protocol,
  assertClientRequestTaskCapability,
  assertToolsCallTaskCapability,
  getLiteralValue,
  getObjectShape,
  getParseErrorMessage,
  getSchemaDescription,
  isSchemaOptional,
  mergeCapabilities,
  normalizeObjectSchema,
  objectFromShape,
  safeParse,
  safeParseAsync,
  toJsonSchemaCompat
} from "./chunk-T4BVMDPB.js";
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  CompleteRequestSchema,
  CreateMessageResultSchema,
  CreateMessageResultWithToolsSchema,
  CreateTaskResultSchema,
  ElicitResultSchema,
  EmptyResultSchema,
  ErrorCode,
  GetPromptRequestSchema,
  InitializeRequestSchema,
  InitializedNotificationSchema,
  LATEST_PROTOCOL_VERSION,
  ListPromptsRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListResourcesRequestSchema,
  ListRootsResultSchema,
  ListToolsRequestSchema,
  LoggingLevelSchema,
  McpError,
  ReadResourceRequestSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  SetLevelRequestSchema,
  ZodOptional,
  assertCompleteRequestPrompt,
  assertCompleteRequestResourceTemplate,
  external_exports
} from "./chunk-J74WBCXV.js";

// node_modules/@modelcontextprotocol/sdk/dist/esm/experimental/tasks/server.js
var ExperimentalServerTasks = class {
  constructor(_server) {
    this._server = _server;
  }
  /**
   * Sends a request and returns an AsyncGenerator that yields response messages.
   * The generator is guaranteed to end with either a 'result' or 'error' message.
   *
   * This method provides streaming access to request processing, allowing you to
   * observe intermediate task status updates for task-augmented requests.
   *
   * @param request - The request to send
   * @param resultSchema - Zod schema for validating the result
   * @param options - Optional request options (timeout, signal, task creation params, etc.)
   * @returns AsyncGenerator that yields ResponseMessage objects
   *
   * @experimental
   */
  requestStream(request, resultSchema, options) {
    return this._server.requestStream(request, resultSchema, options);
  }
  /**
   * Sends a sampling request and returns an AsyncGenerator that yields response messages.
   * The generator is guaranteed to end with either a 'result' or 'error' message.
   *
   * For task-augmented requests, yields 'taskCreated' and 'taskStatus' messages
   * before the final result.
   *
   * @example
   * ```typescript
   * const stream = server.experimental.tasks.createMessageStream({
   *     messages: [{ role: 'user', content: { type: 'text', text: 'Hello' } }],
   *     maxTokens: 100
   * }, {
   *     onprogress: (progress) => {
   *         // Handle streaming tokens via progress notifications
   *         console.log('Progress:', progress.message);
   *     }
   * });
   *
   * for await (const message of stream) {
   *     switch (message.type) {
   *         case 'taskCreated':
   *             console.log('Task created:', message.task.taskId);
   *             break;
   *         case 'taskStatus':
   *             console.log('Task status:', message.task.status);
   *             break;
   *         case 'result':
   *             console.log('Final result:', message.result);
   *             break;
   *         case 'error':
   *             console.error('Error:', message.error);
   *             break;
   *     }
   * }
   * ```
   *
   * @param params - The sampling request parameters
   * @param options - Optional request options (timeout, signal, task creation params, onprogress, etc.)
   * @returns AsyncGenerator that yields ResponseMessage objects
   *
   * @experimental
   */
  createMessageStream(params, options) {
    const clientCapabilities = this._server.getClientCapabilities();
    if ((params.tools || params.toolChoice) && !clientCapabilities?.sampling?.tools) {
      throw new Error("Client does not support sampling tools capability.");
    }
    if (params.messages.length > 0) {
      const lastMessage = params.messages[params.messages.length - 1];
      const lastContent = Array.isArray(lastMessage.content) ? lastMessage.content : [lastMessage.content];
      const hasToolResults = lastContent.some((c) => c.type === "tool_result");
      const previousMessage = params.messages.length > 1 ? params.messages[params.messages.length - 2] : void 0;
      const previousContent = previousMessage ? Array.isArray(previousMessage.content) ? previousMessage.content : [previousMessage.content] : [];
      const hasPreviousToolUse = previousContent.some((c) => c.type === "tool_use");
      if (hasToolResults) {
        if (lastContent.some((c) => c.type !== "tool_result")) {
          throw new Error("The last message must contain only tool_result content if any is present");
        }
        if (!hasPreviousToolUse) {
          throw new Error("tool_result blocks are not matching any tool_use from the previous message");
        }
      }
      if (hasPreviousToolUse) {
        const toolUseIds = new Set(previousContent.filter((c) => c.type === "tool_use").map((c) => c.id));
        const toolResultIds = new Set(lastContent.filter((c) => c.type === "tool_result").map((c) => c.toolUseId));
        if (toolUseIds.size !== toolResultIds.size || ![...toolUseIds].every((id) => toolResultIds.has(id))) {
          throw new Error("ids of tool_result blocks and tool_use blocks from previous message do not match");
        }
      }
    }
    return this.requestStream({
      method: "sampling/createMessage",
      params
    }, CreateMessageResultSchema, options);
  }
  /**
   * Sends an elicitation request and returns an AsyncGenerator that yields response messages.
   * The generator is guaranteed to end with either a 'result' or 'error' message.
   *
   * For task-augmented requests (especially URL-based elicitation), yields 'taskCreated'
   * and 'taskStatus' messages before the final result.
   *
   * @example
   * ```typescript
   * const stream = server.experimental.tasks.elicitInputStream({
   *     mode: 'url',
   *     message: 'Please authenticate',
   *     elicitationId: 'auth-123',
   *     url: 'https://example.com/auth'
   * }, {
   *     task: { ttl: 300000 } // Task-augmented for long-running auth flow
   * });
   *
   * for await (const message of stream) {
   *     switch (message.type) {
   *         case 'taskCreated':
   *             console.log('Task created:', message.task.taskId);
   *             break;
   *         case 'taskStatus':
   *             console.log('Task status:', message.task.status);
   *             break;
   *         case 'result':
   *             console.log('User action:', message.result.action);
   *             break;
   *         case 'error':
   *             console.error('Error:', message.error);
   *             break;
   *     }
   * }
   * ```
   *
   * @param params - The elicitation request parameters
   * @param options - Optional request options (timeout, signal, task creation params, etc.)
   * @returns AsyncGenerator that yields ResponseMessage objects
   *
   * @experimental
   */
  elicitInputStream(params, options) {
    const clientCapabilities = this._server.getClientCapabilities();
    const mode = params.mode ?? "form";
    switch (mode) {
      case "url": {
        if (!clientCapabilities?.elicitation?.url) {
          throw new Error("Client does not support url elicitation.");
        }
        break;
      }
      case "form": {
        if (!clientCapabilities?.elicitation?.form) {
          throw new Error("Client does not support form elicitation.");
        }
        break;
      }
    }
    const normalizedParams = mode === "form" && params.mode === void 0 ? { ...params, mode: "form" } : params;
    return this.requestStream({
      method: "elicitation/create",
      params: normalizedParams
    }, ElicitResultSchema, options);
  }
  /**
   * Gets the current status of a task.
   *
   * @param taskId - The task identifier
   * @param options - Optional request options
   * @returns The task status
   *
   * @experimental
   */
  async getTask(taskId, options) {
    return this._server.getTask({ taskId }, options);
  }
  /**
   * Retrieves the result of a completed task.
   *
   * @param taskId - The task identifier
   * @param resultSchema - Zod schema for validating the result
   * @param options - Optional request options
   * @returns The task result
   *
   * @experimental
   */
  async getTaskResult(taskId, resultSchema, options) {
    return this._server.getTaskResult({ taskId }, resultSchema, options);
  }
  /**
   * Lists tasks with optional pagination.
   *
   * @param cursor - Optional pagination cursor
   * @param options - Optional request options
   * @returns List of tasks with optional next cursor
   *
   * @experimental
   */
  async listTasks(cursor, options) {
    return this._server.listTasks(cursor ? { cursor } : void 0, options);
  }
  /**
   * Cancels a running task.
   *
   * @param taskId - The task identifier
   * @param options - Optional request options
   *
   * @experimental
   */
  async cancelTask(taskId, options) {
    return this._server.cancelTask({ taskId }, options);
  }
};

// node_modules/@modelcontextprotocol/sdk/dist/esm/server/index.js
var Server = class extends Protocol {
  /**
   * Initializes this server with the given name and version information.
   */
  constructor(_serverInfo, options) {
    super(options);
    this._serverInfo = _serverInfo;
    this._loggingLevels = /* @__PURE__ */ new Map();
    this.LOG_LEVEL_SEVERITY = new Map(LoggingLevelSchema.options.map((level, index) => [level, index]));
    this.isMessageIgnored = (level, sessionId) => {
      const currentLevel = this._loggingLevels.get(sessionId);
      return currentLevel ? this.LOG_LEVEL_SEVERITY.get(level) < this.LOG_LEVEL_SEVERITY.get(currentLevel) : false;
    };
    this._capabilities = options?.capabilities ?? {};
    this._instructions = options?.instructions;
    this._jsonSchemaValidator = options?.jsonSchemaValidator ?? new AjvJsonSchemaValidator();
    this.setRequestHandler(InitializeRequestSchema, (request) => this._oninitialize(request));
    this.setNotificationHandler(InitializedNotificationSchema, () => this.oninitialized?.());
    if (this._capabilities.logging) {
      this.setRequestHandler(SetLevelRequestSchema, async (request, extra) => {
        const transportSessionId = extra.sessionId || extra.requestInfo?.headers["mcp-session-id"] || void 0;
        const { level } = request.params;
        const parseResult = LoggingLevelSchema.safeParse(level);
        if (parseResult.success) {
          this._loggingLevels.set(transportSessionId, parseResult.data);
        }
        return {};
      });
    }
  }
  /**
   * Access experimental features.
   *
   * WARNING: These APIs are experimental and may change without notice.
   *
   * @experimental
   */
  get experimental() {
    if (!this._experimental) {
      this._experimental = {
        tasks: new ExperimentalServerTasks(this)
      };
    }
    return this._experimental;
  }
  /**
   * Registers new capabilities. This can only be called before connecting to a transport.
   *
   * The new capabilities will be merged with any existing capabilities previously given (e.g., at initialization).
   */
  registerCapabilities(capabilities) {
    if (this.transport) {
      throw new Error("Cannot register capabilities after connecting to transport");
    }
    this._capabilities = mergeCapabilities(this._capabilities, capabilities);
  }
  /**
   * Override request handler registration to enforce server-side validation for tools/call.
   */
  setRequestHandler(requestSchema, handler) {
    const shape = getObjectShape(requestSchema);
    const methodSchema = shape?.method;
    if (!methodSchema) {
      throw new Error("Schema is missing a method literal");
    }
    const methodValue = getLiteralValue(methodSchema);
    if (typeof methodValue !== "string") {
      throw new Error("Schema method literal must be a string");
    }
    const method = methodValue;
    if (method === "tools/call") {
      const wrappedHandler = async (request, extra) => {
        const validatedRequest = safeParse(CallToolRequestSchema, request);
        if (!validatedRequest.success) {
          const errorMessage = validatedRequest.error instanceof Error ? validatedRequest.error.message : String(validatedRequest.error);
          throw new McpError(ErrorCode.InvalidParams, `Invalid tools/call request: ${errorMessage}`);
        }
        const { params } = validatedRequest.data;
        const result = await Promise.resolve(handler(request, extra));
        if (params.task) {
          const taskValidationResult = safeParse(CreateTaskResultSchema, result);
          if (!taskValidationResult.success) {
            const errorMessage = taskValidationResult.error instanceof Error ? taskValidationResult.error.message : String(taskValidationResult.error);
            throw new McpError(ErrorCode.InvalidParams, `Invalid task creation result: ${errorMessage}`);
          }
          return taskValidationResult.data;
        }
        const validationResult = safeParse(CallToolResultSchema, result);
        if (!validationResult.success) {
          const errorMessage = validationResult.error instanceof Error ? validationResult.error.message : String(validationResult.error);
          throw new McpError(ErrorCode.InvalidParams, `Invalid tools/call result: ${errorMessage}`);
        }
        return validationResult.data;
      };
      return super.setRequestHandler(requestSchema, wrappedHandler);
    }
    return super.setRequestHandler(requestSchema, handler);
  }
  assertCapabilityForMethod(method) {
    switch (method) {
      case "sampling/createMessage":
        if (!this._clientCapabilities?.sampling) {
          throw new Error(`Client does not support sampling (required for ${method})`);
        }
        break;
      case "elicitation/create":
        if (!this._clientCapabilities?.elicitation) {
          throw new Error(`Client does not support elicitation (required for ${method})`);
        }
        break;
      case "roots/list":
        if (!this._clientCapabilities?.roots) {
          throw new Error(`Client does not support listing roots (required for ${method})`);
        }
        break;
      case "ping":
        break;
    }
  }
  assertNotificationCapability(method) {
    switch (method) {
      case "notifications/message":
        if (!this._capabilities.logging) {
          throw new Error(`Server does not support logging (required for ${method})`);
        }
        break;
      case "notifications/resources/updated":
      case "notifications/resources/list_changed":
        if (!this._capabilities.resources) {
          throw new Error(`Server does not support notifying about resources (required for ${method})`);
        }
        break;
      case "notifications/tools/list_changed":
        if (!this._capabilities.tools) {
          throw new Error(`Server does not support notifying of tool list changes (required for ${method})`);
        }
        break;
      case "notifications/prompts/list_changed":
        if (!this._capabilities.prompts) {
          throw new Error(`Server does not support notifying of prompt list changes (required for ${method})`);
        }
        break;
      case "notifications/elicitation/complete":
        if (!this._clientCapabilities?.elicitation?.url) {
          throw new Error(`Client does not support URL elicitation (required for ${method})`);
        }
        break;
      case "notifications/cancelled":
        break;
      case "notifications/progress":
        break;
    }
  }
  assertRequestHandlerCapability(method) {
    if (!this._capabilities) {
      return;
    }
    switch (method) {
      case "completion/complete":
        if (!this._capabilities.completions) {
          throw new Error(`Server does not support completions (required for ${method})`);
        }
        break;
      case "logging/setLevel":
        if (!this._capabilities.logging) {
          throw new Error(`Server does not support logging (required for ${method})`);
        }
        break;
      case "prompts/get":
      case "prompts/list":
        if (!this._capabilities.prompts) {
          throw new Error(`Server does not support prompts (required for ${method})`);
        }
        break;
      case "resources/list":
      case "resources/templates/list":
      case "resources/read":
        if (!this._capabilities.resources) {
          throw new Error(`Server does not support resources (required for ${method})`);
        }
        break;
      case "tools/call":
      case "tools/list":
        if (!this._capabilities.tools) {
          throw new Error(`Server does not support tools (required for ${method})`);
        }
        break;
      case "tasks/get":
      case "tasks/list":
      case "tasks/result":
      case "tasks/cancel":
        if (!this._capabilities.tasks) {
          throw new Error(`Server does not support tasks capability (required for ${method})`);
        }
        break;
      case "ping":
      case "initialize":
        break;
    }
  }
  assertTaskCapability(method) {
    assertClientRequestTaskCapability(this._clientCapabilities?.tasks?.requests, method, "Client");
  }
  assertTaskHandlerCapability(method) {
    if (!this._capabilities) {
      return;
    }
    assertToolsCallTaskCapability(this._capabilities.tasks?.requests, method, "Server");
  }
  async _oninitialize(request) {
    const requestedVersion = request.params.protocolVersion;
    this._clientCapabilities = request.params.capabilities;
    this._clientVersion = request.params.clientInfo;
    const protocolVersion = SUPPORTED_PROTOCOL_VERSIONS.includes(requestedVersion) ? requestedVersion : LATEST_PROTOCOL_VERSION;
    return {
      protocolVersion,
      capabilities: this.getCapabilities(),
      serverInfo: this._serverInfo,
      ...this._instructions && { instructions: this._instructions }
    };
  }
  /**
   * After initialization has completed, this will be populated with the client's reported capabilities.
   */
  getClientCapabilities() {
    return this._clientCapabilities;
  }
  /**
   * After initialization has completed, this will be populated with information about the client's name and version.
   */
  getClientVersion() {
    return this._clientVersion;
  }
  getCapabilities() {
    return this._capabilities;
  }
  async ping() {
    return this.request({ method: "ping" }, EmptyResultSchema);
  }
  // Implementation
  async createMessage(params, options) {
    if (params.tools || params.toolChoice) {
      if (!this._clientCapabilities?.sampling?.tools) {
        throw new Error("Client does not support sampling tools capability.");
      }
    }
    if (params.messages.length > 0) {
      const lastMessage = params.messages[params.messages.length - 1];
      const lastContent = Array.isArray(lastMessage.content) ? lastMessage.content : [lastMessage.content];
      const hasToolResults = lastContent.some((c) => c.type === "tool_result");
      const previousMessage = params.messages.length > 1 ? params.messages[params.messages.length - 2] : void 0;
      const previousContent = previousMessage ? Array.isArray(previousMessage.content) ? previousMessage.content : [previousMessage.content] : [];
      const hasPreviousToolUse = previousContent.some((c) => c.type === "tool_use");
      if (hasToolResults) {
        if (lastContent.some((c) => c.type !== "tool_result")) {
          throw new Error("The last message must contain only tool_result content if any is present");
        }
        if (!hasPreviousToolUse) {
          throw new Error("tool_result blocks are not matching any tool_use from the previous message");
        }
      }
      if (hasPreviousToolUse) {
        const toolUseIds = new Set(previousContent.filter((c) => c.type === "tool_use").map((c) => c.id));
        const toolResultIds = new Set(lastContent.filter((c) => c.type === "tool_result").map((c) => c.toolUseId));
        if (toolUseIds.size !== toolResultIds.size || ![...toolUseIds].every((id) => toolResultIds.has(id))) {
          throw new Error("ids of tool_result blocks and tool_use blocks from previous message do not match");
        }
      }
    }
    if (params.tools) {
      return this.request({ method: "sampling/createMessage", params }, CreateMessageResultWithToolsSchema, options);
    }
    return this.request({ method: "sampling/createMessage", params }, CreateMessageResultSchema, options);
  }
  /**
   * Creates an elicitation request for the given parameters.
   * For backwards compatibility, `mode` may be omitted for form requests and will default to `'form'`.
   * @param params The parameters for the elicitation request.
   * @param options Optional request options.
   * @returns The result of the elicitation request.
   */
  async elicitInput(params, options) {
    const mode = params.mode ?? "form";
    switch (mode) {
      case "url": {
        if (!this._clientCapabilities?.elicitation?.url) {
          throw new Error("Client does not support url elicitation.");
        }
        const urlParams = params;
        return this.request({ method: "elicitation/create", params: urlParams }, ElicitResultSchema, options);
      }
      case "form": {
        if (!this._clientCapabilities?.elicitation?.form) {
          throw new Error("Client does not support form elicitation.");
        }
        const formParams = params.mode === "form" ? params : { ...params, mode: "form" };
        const result = await this.request({ method: "elicitation/create", params: formParams }, ElicitResultSchema, options);
        if (result.action === "accept" && result.content && formParams.requestedSchema) {
          try {
            const validator = this._jsonSchemaValidator.getValidator(formParams.requestedSchema);
            const validationResult = validator(result.content);
            if (!validationResult.valid) {
              throw new McpError(ErrorCode.InvalidParams, `Elicitation response content does not match requested schema: ${validationResult.errorMessage}`);
            }
          } catch (error) {
            if (error instanceof McpError) {
              throw error;
            }
            throw new McpError(ErrorCode.InternalError, `Error validating elicitation response: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        return result;
      }
    }
  }
  /**
   * Creates a reusable callback that, when invoked, will send a `notifications/elicitation/complete`
   * notification for the specified elicitation ID.
   *
   * @param elicitationId The ID of the elicitation to mark as complete.
   * @param options Optional notification options. Useful when the completion notification should be related to a prior request.
   * @returns A function that emits the completion notification when awaited.
   */
  createElicitationCompletionNotifier(elicitationId, options) {
    if (!this._clientCapabilities?.elicitation?.url) {
      throw new Error("Client does not support URL elicitation (required for notifications/elicitation/complete)");
    }
    return () => this.notification({
      method: "notifications/elicitation/complete",
      params: {
        elicitationId
      }
    }, options);
  }
  async listRoots(params, options) {
    return this.request({ method: "roots/list", params }, ListRootsResultSchema, options);
  }
  /**
   * Sends a logging message to the client, if connected.
   * Note: You only need to send the parameters object, not the entire JSON RPC message
   * @see LoggingMessageNotification
   * @param params
   * @param sessionId optional for stateless and backward compatibility
   */
  async sendLoggingMessage(params, sessionId) {
    if (this._capabilities.logging) {
      if (!this.isMessageIgnored(params.level, sessionId)) {
        return this.notification({ method: "notifications/message", params });
      }
    }
  }
  async sendResourceUpdated(params) {
    return this.notification({
      method: "notifications/resources/updated",
      params
    });
  }
  async sendResourceListChanged() {
    return this.notification({
      method: "notifications/resources/list_changed"
    });
  }
  async sendToolListChanged() {
    return this.notification({ method: "notifications/tools/list_changed" });
  }
  async sendPromptListChanged() {
    return this.notification({ method: "notifications/prompts/list_changed" });
  }
};

// node_modules/@modelcontextprotocol/sdk/dist/esm/server/completable.js
var COMPLETABLE_SYMBOL = /* @__PURE__ */ Symbol.for("mcp.completable");
function isCompletable(schema) {
  return !!schema && typeof schema === "object" && COMPLETABLE_SYMBOL in schema;
}
function getCompleter(schema) {
  const meta = schema[COMPLETABLE_SYMBOL];
  return meta?.complete;
}
var McpZodTypeKind;
(function(McpZodTypeKind2) {
  McpZodTypeKind2["Completable"] = "McpCompletable";
})(McpZodTypeKind || (McpZodTypeKind = {}));

// node_modules/@modelcontextprotocol/sdk/dist/esm/shared/toolNameValidation.js
var TOOL_NAME_REGEX = /^[A-Za-z0-9._-]{1,128}$/;
function validateToolName(name) {
  const warnings = [];
  if (name.length === 0) {
    return {
      isValid: false,
      warnings: ["Tool name cannot be empty"]
    };
  }
  if (name.length > 128) {
    return {
      isValid: false,
      warnings: [`Tool name exceeds maximum length of 128 characters (current: ${name.length})`]
    };
  }
  if (name.includes(" ")) {
    warnings.push("Tool name contains spaces, which may cause parsing issues");
  }
  if (name.includes(",")) {
    warnings.push("Tool name contains commas, which may cause parsing issues");
  }
  if (name.startsWith("-") || name.endsWith("-")) {
    warnings.push("Tool name starts or ends with a dash, which may cause parsing issues in some contexts");
  }
  if (name.startsWith(".") || name.endsWith(".")) {
    warnings.push("Tool name starts or ends with a dot, which may cause parsing issues in some contexts");
  }
  if (!TOOL_NAME_REGEX.test(name)) {
    const invalidChars = name.split("").filter((char) => !/[A-Za-z0-9._-]/.test(char)).filter((char, index, arr) => arr.indexOf(char) === index);
    warnings.push(`Tool name contains invalid characters: ${invalidChars.map((c) => `"${c}"`).join(", ")}`, "Allowed characters are: A-Z, a-z, 0-9, underscore (_), dash (-), and dot (.)");
    return {
      isValid: false,
      warnings
    };
  }
  return {
    isValid: true,
    warnings
  };
}
function issueToolNameWarning(name, warnings) {
  if (warnings.length > 0) {
    console.warn(`Tool name validation warning for "${name}":`);
    for (const warning of warnings) {
      console.warn(`  - ${warning}`);
    }
    console.warn("Tool registration will proceed, but this may cause compatibility issues.");
    console.warn("Consider updating the tool name to conform to the MCP tool naming standard.");
    console.warn("See SEP: Specify Format for Tool Names (https://github.com/modelcontextprotocol/modelcontextprotocol/issues/986) for more details.");
  }
}
function validateAndWarnToolName(name) {
  const result = validateToolName(name);
  issueToolNameWarning(name, result.warnings);
  return result.isValid;
}

// node_modules/@modelcontextprotocol/sdk/dist/esm/experimental/tasks/mcp-server.js
var ExperimentalMcpServerTasks = class {
  constructor(_mcpServer) {
    this._mcpServer = _mcpServer;
  }
  registerToolTask(name, config, handler) {
    const execution = { taskSupport: "required", ...config.execution };
    if (execution.taskSupport === "forbidden") {
      throw new Error(`Cannot register task-based tool '${name}' with taskSupport 'forbidden'. Use registerTool() instead.`);
    }
    const mcpServerInternal = this._mcpServer;
    return mcpServerInternal._createRegisteredTool(name, config.title, config.description, config.inputSchema, config.outputSchema, config.annotations, execution, config._meta, handler);
  }
};

// node_modules/@modelcontextprotocol/sdk/dist/esm/server/mcp.js
function toolInputElementCount(value, max) {
  let count = 0;
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object")
      continue;
    if (Array.isArray(node)) {
      for (const child of node) {
        if (++count > max)
          return count;
        if (child !== null && typeof child === "object")
          stack.push(child);
      }
    } else {
      for (const key in node) {
        if (!Object.prototype.hasOwnProperty.call(node, key))
          continue;
        if (++count > max)
          return count;
        const child = node[key];
        if (child !== null && typeof child === "object")
          stack.push(child);
      }
    }
  }
  return count;
}
function resolveMaxToolInputElements(value) {
  if (value === void 0 || value === Infinity)
    return void 0;
  if (typeof value !== "number" || Number.isNaN(value) || value < 1) {
    throw new RangeError(`maxToolInputElements must be a number of at least 1, or Infinity, got ${String(value)}`);
  }
  return value;
}
var McpServer = class {
  constructor(serverInfo, options) {
    this._registeredResources = {};
    this._registeredResourceTemplates = {};
    this._registeredTools = {};
    this._registeredPrompts = {};
    this._toolHandlersInitialized = false;
    this._completionHandlerInitialized = false;
    this._resourceHandlersInitialized = false;
    this._promptHandlersInitialized = false;
    this.server = new Server(serverInfo, options);
    this._maxToolInputElements = resolveMaxToolInputElements(options?.maxToolInputElements);
    if (options?.capabilities?.tools) {
      this.setToolRequestHandlers();
    }
    if (options?.capabilities?.resources) {
      this.setResourceRequestHandlers();
    }
    if (options?.capabilities?.prompts) {
      this.setPromptRequestHandlers();
    }
  }
  /**
   * Access experimental features.
   *
   * WARNING: These APIs are experimental and may change without notice.
   *
   * @experimental
   */
  get experimental() {
    if (!this._experimental) {
      this._experimental = {
        tasks: new ExperimentalMcpServerTasks(this)
      };
    }
    return this._experimental;
  }
  /**
   * Attaches to the given transport, starts it, and starts listening for messages.
   *
   * The `server` object assumes ownership of the Transport, replacing any callbacks that have already been set, and expects that it is the only user of the Transport instance going forward.
   */
  async connect(transport) {
    return await this.server.connect(transport);
  }
  /**
   * Closes the connection.
   */
  async close() {
    await this.server.close();
  }
  setToolRequestHandlers() {
    if (this._toolHandlersInitialized) {
      return;
    }
    this.server.assertCanSetRequestHandler(getMethodValue(ListToolsRequestSchema));
    this.server.assertCanSetRequestHandler(getMethodValue(CallToolRequestSchema));
    this.server.registerCapabilities({
      tools: {
        listChanged: true
      }
    });
    this.server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: Object.entries(this._registeredTools).filter(([, tool]) => tool.enabled).map(([name, tool]) => {
        const toolDefinition = {
          name,
          title: tool.title,
          description: tool.description,
          inputSchema: (() => {
            const obj = normalizeObjectSchema(tool.inputSchema);
            return obj ? toJsonSchemaCompat(obj, {
              strictUnions: true,
              pipeStrategy: "input"
            }) : EMPTY_OBJECT_JSON_SCHEMA;
          })(),
          annotations: tool.annotations,
          execution: tool.execution,
          _meta: tool._meta
        };
        if (tool.outputSchema) {
          const obj = normalizeObjectSchema(tool.outputSchema);
          if (obj) {
            toolDefinition.outputSchema = toJsonSchemaCompat(obj, {
              strictUnions: true,
              pipeStrategy: "output"
            });
          }
        }
        return toolDefinition;
      })
    }));
    this.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
      try {
        const tool = this._registeredTools[request.params.name];
        if (!tool) {
          throw new McpError(ErrorCode.InvalidParams, `Tool ${request.params.name} not found`);
        }
        if (!tool.enabled) {
          throw new McpError(ErrorCode.InvalidParams, `Tool ${request.params.name} disabled`);
        }
        const isTaskRequest = !!request.params.task;
        const taskSupport = tool.execution?.taskSupport;
        const isTaskHandler = "createTask" in tool.handler;
        if ((taskSupport === "required" || taskSupport === "optional") && !isTaskHandler) {
          throw new McpError(ErrorCode.InternalError, `Tool ${request.params.name} has taskSupport '${taskSupport}' but was not registered with registerToolTask`);
        }
        if (taskSupport === "required" && !isTaskRequest) {
          throw new McpError(ErrorCode.MethodNotFound, `Tool ${request.params.name} requires task augmentation (taskSupport: 'required')`);
        }
        if (taskSupport === "optional" && !isTaskRequest && isTaskHandler) {
          return await this.handleAutomaticTaskPolling(tool, request, extra);
        }
        const args = await this.validateToolInput(tool, request.params.arguments, request.params.name);
        const result = await this.executeToolHandler(tool, args, extra);
        if (isTaskRequest) {
          return result;
        }
        await this.validateToolOutput(tool, result, request.params.name);
        return result;
      } catch (error) {
        if (error instanceof McpError) {
          if (error.code === ErrorCode.UrlElicitationRequired) {
            throw error;
          }
        }
        return this.createToolError(error instanceof Error ? error.message : String(error));
      }
    });
    this._toolHandlersInitialized = true;
  }
  /**
   * Creates a tool error result.
   *
   * @param errorMessage - The error message.
   * @returns The tool error result.
   */
  createToolError(errorMessage) {
    return {
      content: [
        {
          type: "text",
          text: errorMessage
        }
      ],
      isError: true
    };
  }
  /**
   * Validates tool input arguments against the tool's input schema.
   */
  async validateToolInput(tool, args, toolName) {
    if (this._maxToolInputElements !== void 0 && toolInputElementCount(args, this._maxToolInputElements) > this._maxToolInputElements) {
      throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for tool ${toolName}: arguments contain more than the maximum of ${this._maxToolInputElements} elements`);
    }
    if (!tool.inputSchema) {
      return void 0;
    }
    const inputObj = normalizeObjectSchema(tool.inputSchema);
    const schemaToParse = inputObj ?? tool.inputSchema;
    const parseResult = await safeParseAsync(schemaToParse, args ?? {});
    if (!parseResult.success) {
      const error = "error" in parseResult ? parseResult.error : "Unknown error";
      const errorMessage = getParseErrorMessage(error);
      throw new McpError(ErrorCode.InvalidParams, `Input validation error: Invalid arguments for tool ${toolName}: ${errorMessage}`);
    }
    return parseResult.data;
  }
  /**
   * Validates tool output against the tool's output schema.
   */
  async validateToolOutput(tool, result, toolName) {
    if (!tool.outputSchema) {
      return;
    }
    if (!("content" in result)) {
      return;
    }
    if (result.isError) {
      return;
    }
    if (!result.structuredContent) {
      throw new McpError(ErrorCode.InvalidParams, `Output validation error: Tool ${toolName} has an output schema but no structured content was provided`);
    }
    const outputObj = normalizeObjectSchema(tool.outputSchema);
    const parseResult = await safeParseAsync(outputObj, result.structuredContent);
    if (!parseResult.success) {
      const error = "error" in parseResult ? parseResult.error : "Unknown error";
      const errorMessage = getParseErrorMessage(error);
      throw new McpError(ErrorCode.InvalidParams, `Output validation error: Invalid structured content for tool ${toolName}: ${errorMessage}`);
    }
  }
  /**
   * Executes a tool handler (either regular or task-based).
   */
  async executeToolHandler(tool, args, extra) {
    const handler = tool.handler;
    const isTaskHandler = "createTask" in handler;
    if (isTaskHandler) {
      if (!extra.taskStore) {
        throw new Error("No task store provided.");
      }
      const taskExtra = { ...extra, taskStore: extra.taskStore };
      if (tool.inputSchema) {
        const typedHandler = handler;
        return await Promise.resolve(typedHandler.createTask(args, taskExtra));
      } else {
        const typedHandler = handler;
        return await Promise.resolve(typedHandler.createTask(taskExtra));
      }
    }
    if (tool.inputSchema) {
      const typedHandler = handler;
      return await Promise.resolve(typedHandler(args, extra));
    } else {
      const typedHandler = handler;
      return await Promise.resolve(typedHandler(extra));
    }
  }
  /**
   * Handles automatic task polling for tools with taskSupport 'optional'.
   */
  async handleAutomaticTaskPolling(tool, request, extra) {
    if (!extra.taskStore) {
      throw new Error("No task store provided for task-capable tool.");
    }
    const args = await this.validateToolInput(tool, request.params.arguments, request.params.name);
    const handler = tool.handler;
    const taskExtra = { ...extra, taskStore: extra.taskStore };
    const createTaskResult = args ? await Promise.resolve(handler.createTask(args, taskExtra)) : (
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await Promise.resolve(handler.createTask(taskExtra))
    );
    const taskId = createTaskResult.task.taskId;
    let task = createTaskResult.task;
    const pollInterval = task.pollInterval ?? 5e3;
    while (task.status !== "completed" && task.status !== "failed" && task.status !== "cancelled") {
      await new Promise((resolve) => setTimeout(resolve, pollInterval));
      const updatedTask = await extra.taskStore.getTask(taskId);
      if (!updatedTask) {
        throw new McpError(ErrorCode.InternalError, `Task ${taskId} not found during polling`);
      }
      task = updatedTask;
    }
    return await extra.taskStore.getTaskResult(taskId);
  }
  setCompletionRequestHandler() {
    if (this._completionHandlerInitialized) {
      return;
    }
    this.server.assertCanSetRequestHandler(getMethodValue(CompleteRequestSchema));
    this.server.registerCapabilities({
      completions: {}
    });
    this.server.setRequestHandler(CompleteRequestSchema, async (request) => {
      switch (request.params.ref.type) {
        case "ref/prompt":
          assertCompleteRequestPrompt(request);
          return this.handlePromptCompletion(request, request.params.ref);
        case "ref/resource":
          assertCompleteRequestResourceTemplate(request);
          return this.handleResourceCompletion(request, request.params.ref);
        default:
          throw new McpError(ErrorCode.InvalidParams, `Invalid completion reference: ${request.params.ref}`);
      }
    });
    this._completionHandlerInitialized = true;
  }
  async handlePromptCompletion(request, ref) {
    const prompt = this._registeredPrompts[ref.name];
    if (!prompt) {
      throw new McpError(ErrorCode.InvalidParams, `Prompt ${ref.name} not found`);
    }
    if (!prompt.enabled) {
      throw new McpError(ErrorCode.InvalidParams, `Prompt ${ref.name} disabled`);
    }
    if (!prompt.argsSchema) {
      return EMPTY_COMPLETION_RESULT;
    }
    const promptShape = getObjectShape(prompt.argsSchema);
    const field = promptShape?.[request.params.argument.name];
    if (!isCompletable(field)) {
      return EMPTY_COMPLETION_RESULT;
    }
    const completer = getCompleter(field);
    if (!completer) {
      return EMPTY_COMPLETION_RESULT;
    }
    const suggestions = await completer(request.params.argument.value, request.params.context);
    return createCompletionResult(suggestions);
  }
  async handleResourceCompletion(request, ref) {
    const template = Object.values(this._registeredResourceTemplates).find((t) => t.resourceTemplate.uriTemplate.toString() === ref.uri);
    if (!template) {
      if (this._registeredResources[ref.uri]) {
        return EMPTY_COMPLETION_RESULT;
      }
      throw new McpError(ErrorCode.InvalidParams, `Resource template ${request.params.ref.uri} not found`);
    }
    const completer = template.resourceTemplate.completeCallback(request.params.argument.name);
    if (!completer) {
      return EMPTY_COMPLETION_RESULT;
    }
    const suggestions = await completer(request.params.argument.value, request.params.context);
    return createCompletionResult(suggestions);
  }
  setResourceRequestHandlers() {
    if (this._resourceHandlersInitialized) {
      return;
    }
    this.server.assertCanSetRequestHandler(getMethodValue(ListResourcesRequestSchema));
    this.server.assertCanSetRequestHandler(getMethodValue(ListResourceTemplatesRequestSchema));
    this.server.assertCanSetRequestHandler(getMethodValue(ReadResourceRequestSchema));
    this.server.registerCapabilities({
      resources: {
        listChanged: true
      }
    });
    this.server.setRequestHandler(ListResourcesRequestSchema, async (request, extra) => {
      const resources = Object.entries(this._registeredResources).filter(([_, resource]) => resource.enabled).map(([uri, resource]) => ({
        uri,
        name: resource.name,
        ...resource.metadata
      }));
      const templateResources = [];
      for (const template of Object.values(this._registeredResourceTemplates)) {
        if (!template.resourceTemplate.listCallback) {
          continue;
        }
        const result = await template.resourceTemplate.listCallback(extra);
        for (const resource of result.resources) {
          templateResources.push({
            ...template.metadata,
            // the defined resource metadata should override the template metadata if present
            ...resource
          });
        }
      }
      return { resources: [...resources, ...templateResources] };
    });
    this.server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => {
      const resourceTemplates = Object.entries(this._registeredResourceTemplates).map(([name, template]) => ({
        name,
        uriTemplate: template.resourceTemplate.uriTemplate.toString(),
        ...template.metadata
      }));
      return { resourceTemplates };
    });
    this.server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
      const uri = new URL(request.params.uri);
      const resource = this._registeredResources[uri.toString()];
      if (resource) {
        if (!resource.enabled) {
          throw new McpError(ErrorCode.InvalidParams, `Resource ${uri} disabled`);
        }
        return resource.readCallback(uri, extra);
      }
      for (const template of Object.values(this._registeredResourceTemplates)) {
        const variables = template.resourceTemplate.uriTemplate.match(uri.toString());
        if (variables) {
          return template.readCallback(uri, variables, extra);
        }
      }
      throw new McpError(ErrorCode.InvalidParams, `Resource ${uri} not found`);
    });
    this._resourceHandlersInitialized = true;
  }
  setPromptRequestHandlers() {
    if (this._promptHandlersInitialized) {
      return;
    }
    this.server.assertCanSetRequestHandler(getMethodValue(ListPromptsRequestSchema));
    this.server.assertCanSetRequestHandler(getMethodValue(GetPromptRequestSchema));
    this.server.registerCapabilities({
      prompts: {
        listChanged: true
      }
    });
    this.server.setRequestHandler(ListPromptsRequestSchema, () => ({
      prompts: Object.entries(this._registeredPrompts).filter(([, prompt]) => prompt.enabled).map(([name, prompt]) => {
        return {
          name,
          title: prompt.title,
          description: prompt.description,
          arguments: prompt.argsSchema ? promptArgumentsFromSchema(prompt.argsSchema) : void 0
        };
      })
    }));
    this.server.setRequestHandler(GetPromptRequestSchema, async (request, extra) => {
      const prompt = this._registeredPrompts[request.params.name];
      if (!prompt) {
        throw new McpError(ErrorCode.InvalidParams, `Prompt ${request.params.name} not found`);
      }
      if (!prompt.enabled) {
        throw new McpError(ErrorCode.InvalidParams, `Prompt ${request.params.name} disabled`);
      }
      if (prompt.argsSchema) {
        const argsObj = normalizeObjectSchema(prompt.argsSchema);
        const parseResult = await safeParseAsync(argsObj, request.params.arguments ?? {});
        if (!parseResult.success) {
          const error = "error" in parseResult ? parseResult.error : "Unknown error";
          const errorMessage = getParseErrorMessage(error);
          throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for prompt ${request.params.name}: ${errorMessage}`);
        }
        const args = parseResult.data;
        const cb = prompt.callback;
        return await Promise.resolve(cb(args, extra));
      } else {
        const cb = prompt.callback;
        return await Promise.resolve(cb(extra));
      }
    });
    this._promptHandlersInitialized = true;
  }
  resource(name, uriOrTemplate, ...rest) {
    let metadata;
    if (typeof rest[0] === "object") {
      metadata = rest.shift();
    }
    const readCallback = rest[0];
    if (typeof uriOrTemplate === "string") {
      if (this._registeredResources[uriOrTemplate]) {
        throw new Error(`Resource ${uriOrTemplate} is already registered`);
      }
      const registeredResource = this._createRegisteredResource(name, void 0, uriOrTemplate, metadata, readCallback);
      this.setResourceRequestHandlers();
      this.sendResourceListChanged();
      return registeredResource;
    } else {
      if (this._registeredResourceTemplates[name]) {
        throw new Error(`Resource template ${name} is already registered`);
      }
      const registeredResourceTemplate = this._createRegisteredResourceTemplate(name, void 0, uriOrTemplate, metadata, readCallback);
      this.setResourceRequestHandlers();
      this.sendResourceListChanged();
      return registeredResourceTemplate;
    }
  }
  registerResource(name, uriOrTemplate, config, readCallback) {
    if (typeof uriOrTemplate === "string") {
      if (this._registeredResources[uriOrTemplate]) {
        throw new Error(`Resource ${uriOrTemplate} is already registered`);
      }
      const registeredResource = this._createRegisteredResource(name, config.title, uriOrTemplate, config, readCallback);
      this.setResourceRequestHandlers();
      this.sendResourceListChanged();
      return registeredResource;
    } else {
      if (this._registeredResourceTemplates[name]) {
        throw new Error(`Resource template ${name} is already registered`);
      }
      const registeredResourceTemplate = this._createRegisteredResourceTemplate(name, config.title, uriOrTemplate, config, readCallback);
      this.setResourceRequestHandlers();
      this.sendResourceListChanged();
      return registeredResourceTemplate;
    }
  }
  _createRegisteredResource(name, title, uri, metadata, readCallback) {
    const registeredResource = {
      name,
      title,
      metadata,
      readCallback,
      enabled: true,
      disable: () => registeredResource.update({ enabled: false }),
      enable: () => registeredResource.update({ enabled: true }),
      remove: () => registeredResource.update({ uri: null }),
      update: (updates) => {
        if (typeof updates.uri !== "undefined" && updates.uri !== uri) {
          delete this._registeredResources[uri];
          if (updates.uri)
            this._registeredResources[updates.uri] = registeredResource;
        }
        if (typeof updates.name !== "undefined")
          registeredResource.name = updates.name;
        if (typeof updates.title !== "undefined")
          registeredResource.title = updates.title;
        if (typeof updates.metadata !== "undefined")
          registeredResource.metadata = updates.metadata;
        if (typeof updates.callback !== "undefined")
          registeredResource.readCallback = updates.callback;
        if (typeof updates.enabled !== "undefined")
          registeredResource.enabled = updates.enabled;
        this.sendResourceListChanged();
      }
    };
    this._registeredResources[uri] = registeredResource;
    return registeredResource;
  }
  _createRegisteredResourceTemplate(name, title, template, metadata, readCallback) {
    const registeredResourceTemplate = {
      resourceTemplate: template,
      title,
      metadata,
      readCallback,
      enabled: true,
      disable: () => registeredResourceTemplate.update({ enabled: false }),
      enable: () => registeredResourceTemplate.update({ enabled: true }),
      remove: () => registeredResourceTemplate.update({ name: null }),
      update: (updates) => {
        if (typeof updates.name !== "undefined" && updates.name !== name) {
          delete this._registeredResourceTemplates[name];
          if (updates.name)
            this._registeredResourceTemplates[updates.name] = registeredResourceTemplate;
        }
        if (typeof updates.title !== "undefined")
          registeredResourceTemplate.title = updates.title;
        if (typeof updates.template !== "undefined")
          registeredResourceTemplate.resourceTemplate = updates.template;
        if (typeof updates.metadata !== "undefined")
          registeredResourceTemplate.metadata = updates.metadata;
        if (typeof updates.callback !== "undefined")
          registeredResourceTemplate.readCallback = updates.callback;
        if (typeof updates.enabled !== "undefined")
          registeredResourceTemplate.enabled = updates.enabled;
        this.sendResourceListChanged();
      }
    };
    this._registeredResourceTemplates[name] = registeredResourceTemplate;
    const variableNames = template.uriTemplate.variableNames;
    const hasCompleter = Array.isArray(variableNames) && variableNames.some((v) => !!template.completeCallback(v));
    if (hasCompleter) {
      this.setCompletionRequestHandler();
    }
    return registeredResourceTemplate;
  }
  _createRegisteredPrompt(name, title, description, argsSchema, callback) {
    const registeredPrompt = {
      title,
      description,
      argsSchema: argsSchema === void 0 ? void 0 : objectFromShape(argsSchema),
      callback,
      enabled: true,
      disable: () => registeredPrompt.update({ enabled: false }),
      enable: () => registeredPrompt.update({ enabled: true }),
      remove: () => registeredPrompt.update({ name: null }),
      update: (updates) => {
        if (typeof updates.name !== "undefined" && updates.name !== name) {
          delete this._registeredPrompts[name];
          if (updates.name)
            this._registeredPrompts[updates.name] = registeredPrompt;
        }
        if (typeof updates.title !== "undefined")
          registeredPrompt.title = updates.title;
        if (typeof updates.description !== "undefined")
          registeredPrompt.description = updates.description;
        if (typeof updates.argsSchema !== "undefined")
          registeredPrompt.argsSchema = objectFromShape(updates.argsSchema);
        if (typeof updates.callback !== "undefined")
          registeredPrompt.callback = updates.callback;
        if (typeof updates.enabled !== "undefined")
          registeredPrompt.enabled = updates.enabled;
        this.sendPromptListChanged();
      }
    };
    this._registeredPrompts[name] = registeredPrompt;
    if (argsSchema) {
      const hasCompletable = Object.values(argsSchema).some((field) => {
        const inner = field instanceof ZodOptional ? field._def?.innerType : field;
        return isCompletable(inner);
      });
      if (hasCompletable) {
        this.setCompletionRequestHandler();
      }
    }
    return registeredPrompt;
  }
  _createRegisteredTool(name, title, description, inputSchema, outputSchema, annotations, execution, _meta, handler) {
    validateAndWarnToolName(name);
    const registeredTool = {
      title,
      description,
      inputSchema: getZodSchemaObject(inputSchema),
      outputSchema: getZodSchemaObject(outputSchema),
      annotations,
      execution,
      _meta,
      handler,
      enabled: true,
      disable: () => registeredTool.update({ enabled: false }),
      enable: () => registeredTool.update({ enabled: true }),
      remove: () => registeredTool.update({ name: null }),
      update: (updates) => {
        if (typeof updates.name !== "undefined" && updates.name !== name) {
          if (typeof updates.name === "string") {
            validateAndWarnToolName(updates.name);
          }
          delete this._registeredTools[name];
          if (updates.name)
            this._registeredTools[updates.name] = registeredTool;
        }
        if (typeof updates.title !== "undefined")
          registeredTool.title = updates.title;
        if (typeof updates.description !== "undefined")
          registeredTool.description = updates.description;
        if (typeof updates.paramsSchema !== "undefined")
          registeredTool.inputSchema = objectFromShape(updates.paramsSchema);
        if (typeof updates.outputSchema !== "undefined")
          registeredTool.outputSchema = objectFromShape(updates.outputSchema);
        if (typeof updates.callback !== "undefined")
          registeredTool.handler = updates.callback;
        if (typeof updates.annotations !== "undefined")
          registeredTool.annotations = updates.annotations;
        if (typeof updates._meta !== "undefined")
          registeredTool._meta = updates._meta;
        if (typeof updates.enabled !== "undefined")
          registeredTool.enabled = updates.enabled;
        this.sendToolListChanged();
      }
    };
    this._registeredTools[name] = registeredTool;
    this.setToolRequestHandlers();
    this.sendToolListChanged();
    return registeredTool;
  }
  /**
   * tool() implementation. Parses arguments passed to overrides defined above.
   */
  tool(name, ...rest) {
    if (this._registeredTools[name]) {
      throw new Error(`Tool ${name} is already registered`);
    }
    let description;
    let inputSchema;
    let outputSchema;
    let annotations;
    if (typeof rest[0] === "string") {
      description = rest.shift();
    }
    if (rest.length > 1) {
      const firstArg = rest[0];
      if (isZodRawShapeCompat(firstArg)) {
        inputSchema = rest.shift();
        if (rest.length > 1 && typeof rest[0] === "object" && rest[0] !== null && !isZodRawShapeCompat(rest[0])) {
          annotations = rest.shift();
        }
      } else if (typeof firstArg === "object" && firstArg !== null) {
        if (Object.values(firstArg).some((v) => typeof v === "object" && v !== null)) {
          throw new Error(`Tool ${name} expected a Zod schema or ToolAnnotations, but received an unrecognized object`);
        }
        annotations = rest.shift();
      }
    }
    const callback = rest[0];
    return this._createRegisteredTool(name, void 0, description, inputSchema, outputSchema, annotations, { taskSupport: "forbidden" }, void 0, callback);
  }
  /**
   * Registers a tool with a config object and callback.
   */
  registerTool(name, config, cb) {
    if (this._registeredTools[name]) {
      throw new Error(`Tool ${name} is already registered`);
    }
    const { title, description, inputSchema, outputSchema, annotations, _meta } = config;
    return this._createRegisteredTool(name, title, description, inputSchema, outputSchema, annotations, { taskSupport: "forbidden" }, _meta, cb);
  }
  prompt(name, ...rest) {
    if (this._registeredPrompts[name]) {
      throw new Error(`Prompt ${name} is already registered`);
    }
    let description;
    if (typeof rest[0] === "string") {
      description = rest.shift();
    }
    let argsSchema;
    if (rest.length > 1) {
      argsSchema = rest.shift();
    }
    const cb = rest[0];
    const registeredPrompt = this._createRegisteredPrompt(name, void 0, description, argsSchema, cb);
    this.setPromptRequestHandlers();
    this.sendPromptListChanged();
    return registeredPrompt;
  }
  /**
   * Registers a prompt with a config object and callback.
   */
  registerPrompt(name, config, cb) {
    if (this._registeredPrompts[name]) {
      throw new Error(`Prompt ${name} is already registered`);
    }
    const { title, description, argsSchema } = config;
    const registeredPrompt = this._createRegisteredPrompt(name, title, description, argsSchema, cb);
    this.setPromptRequestHandlers();
    this.sendPromptListChanged();
    return registeredPrompt;
  }
  /**
   * Checks if the server is connected to a transport.
   * @returns True if the server is connected
   */
  isConnected() {
    return this.server.transport !== void 0;
  }
  /**
   * Sends a logging message to the client, if connected.
   * Note: You only need to send the parameters object, not the entire JSON RPC message
   * @see LoggingMessageNotification
   * @param params
   * @param sessionId optional for stateless and backward compatibility
   */
  async sendLoggingMessage(params, sessionId) {
    return this.server.sendLoggingMessage(params, sessionId);
  }
  /**
   * Sends a resource list changed event to the client, if connected.
   */
  sendResourceListChanged() {
    if (this.isConnected()) {
      this.server.sendResourceListChanged();
    }
  }
  /**
   * Sends a tool list changed event to the client, if connected.
   */
  sendToolListChanged() {
    if (this.isConnected()) {
      this.server.sendToolListChanged();
    }
  }
  /**
   * Sends a prompt list changed event to the client, if connected.
   */
  sendPromptListChanged() {
    if (this.isConnected()) {
      this.server.sendPromptListChanged();
    }
  }
};
var EMPTY_OBJECT_JSON_SCHEMA = {
  type: "object",
  properties: {}
};
function isZodTypeLike(value) {
  return value !== null && typeof value === "object" && "parse" in value && typeof value.parse === "function" && "safeParse" in value && typeof value.safeParse === "function";
}
function isZodSchemaInstance(obj) {
  return "_def" in obj || "_zod" in obj || isZodTypeLike(obj);
}
function isZodRawShapeCompat(obj) {
  if (typeof obj !== "object" || obj === null) {
    return false;
  }
  if (isZodSchemaInstance(obj)) {
    return false;
  }
  if (Object.keys(obj).length === 0) {
    return true;
  }
  return Object.values(obj).some(isZodTypeLike);
}
function getZodSchemaObject(schema) {
  if (!schema) {
    return void 0;
  }
  if (isZodRawShapeCompat(schema)) {
    return objectFromShape(schema);
  }
  if (!isZodSchemaInstance(schema)) {
    throw new Error("inputSchema must be a Zod schema or raw shape, received an unrecognized object");
  }
  return schema;
}
function promptArgumentsFromSchema(schema) {
  const shape = getObjectShape(schema);
  if (!shape)
    return [];
  return Object.entries(shape).map(([name, field]) => {
    const description = getSchemaDescription(field);
    const isOptional = isSchemaOptional(field);
    return {
      name,
      description,
      required: !isOptional
    };
  });
}
function getMethodValue(schema) {
  const shape = getObjectShape(schema);
  const methodSchema = shape?.method;
  if (!methodSchema) {
    throw new Error("Schema is missing a method literal");
  }
  const value = getLiteralValue(methodSchema);
  if (typeof value === "string") {
    return value;
  }
  throw new Error("Schema method literal must be a string");
}
function createCompletionResult(suggestions) {
  return {
    completion: {
      values: suggestions.slice(0, 100),
      total: suggestions.length,
      hasMore: suggestions.length > 100
    }
  };
}
var EMPTY_COMPLETION_RESULT = {
  completion: {
    values: [],
    hasMore: false
  }
};

// src/tools/output-shape.ts
function outputShapeOf() {
  return (shape) => shape;
}

// src/tools/session-input.ts
var sessionInputShape = {
  session_id: external_exports.string().min(1).optional().describe("Claude Code session id to inspect. Omit to inspect the session that is calling this tool."),
  transcript_path: external_exports.string().min(1).optional().describe("Path of a session transcript (.jsonl) to inspect. Omit to inspect the calling session.")
};
function toLocateRequest(input) {
  return {
    ...input.session_id ? { sessionId: input.session_id } : {},
    ...input.transcript_path ? { transcriptPath: input.transcript_path } : {}
  };
}
function strictInput(shape) {
  const allowed = Object.keys(shape).join(", ");
  return external_exports.strictObject(shape, {
    error: (issue) => issue.code === "unrecognized_keys" ? `unknown argument ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}; allowed: ${allowed}` : void 0
  });
}

// src/tools/tool-meta.ts
var ALWAYS_LOAD = "anthropic/alwaysLoad";
var SEARCH_HINT = "anthropic/searchHint";
function toolMeta(searchHint, options = {}) {
  return { [SEARCH_HINT]: searchHint, ...options.alwaysLoad ? { [ALWAYS_LOAD]: true } : {} };
}

// src/tools/tool-result.ts
function structuredResult(value) {
  return {
    content: [{ type: "text", text: value.summary }],
    structuredContent: value
  };
}
function errorResult(tool, error) {
  const known = actionableMessage(error);
  const message = known ?? (error instanceof Error ? error.message : String(error));
  const expected = known !== null;
  if (!expected) log(`${tool} failed: ${error instanceof Error ? error.stack : message}`);
  return { isError: true, content: [{ type: "text", text: `${tool}: ${message}` }] };
}
function callingToolUseId(meta) {
  const id = meta?.["claudecode/toolUseId"];
  return typeof id === "string" && id ? id : null;
}

// src/tools/get-context-usage.ts
var GET_CONTEXT_USAGE = "get_context_usage";
var compactionShape = external_exports.object({
  trigger: external_exports.string().nullable(),
  preTokens: external_exports.number().nullable(),
  postTokens: external_exports.number().nullable(),
  at: external_exports.string().nullable()
});
var contextUsageShape = outputShapeOf()({
  sessionId: external_exports.string(),
  transcriptPath: external_exports.string(),
  sessionSource: external_exports.enum(SESSION_SOURCES),
  sessionGuessed: external_exports.boolean(),
  subagent: external_exports.object({
    agentId: external_exports.string(),
    agentType: external_exports.string().nullable(),
    description: external_exports.string().nullable(),
    parentTranscriptPath: external_exports.string()
  }).nullable().describe("Set when a subagent called: the figures are the subagent's own context, not the main conversation's."),
  model: external_exports.string().nullable(),
  contextWindow: external_exports.number().int(),
  windowSource: external_exports.enum(WINDOW_SOURCES).describe(
    "Evidence for contextWindow, best first: statusline, hook-model, env, api-request, capture (a captured request), claude-args (the Claude Code process's --model, or a resumed -p run), model-id, usage-above-200k, model-table; assumed when none knows."
  ),
  windowAssumedBecause: external_exports.string().nullable().describe('Why the window is assumed (windowSource "assumed"); null when known.'),
  usedTokens: external_exports.number().int().describe("Context size of the newest main-chain API response (exact unless estimated)."),
  source: external_exports.enum(USAGE_SOURCES).describe('"capture" when a captured response newer than the transcript gave usedTokens.'),
  usedPercent: external_exports.number().describe("usedTokens as a percentage of contextWindow (every percentage shown is of the window)."),
  pendingTokens: external_exports.number().int().describe("Estimate of what was added since: that response's output and newer tool results."),
  autocompactAt: external_exports.number().int().nullable().describe("Token count where auto-compaction is expected; null when Claude Code will not auto-compact."),
  autocompactOffBecause: external_exports.string().nullable().describe("Why autocompactAt is null: a switch, or a model Claude Code has no auto-compact point for."),
  tokensUntilAutocompact: external_exports.number().int().nullable(),
  tokensPerStep: external_exports.number().int().nullable().describe("Typical growth per model step (API response): the median of recent steps; null with too few."),
  stepsUntilAutocompact: external_exports.number().int().nullable().describe("Steps left before auto-compact at that pace (an estimate)."),
  budget: external_exports.number().int().nullable().describe("The working budget (CTX_MONITOR_BUDGET or the config's budget) when below the auto-compact point."),
  budgetIgnoredBecause: external_exports.string().nullable().describe("Set when a budget was given but is not a token count."),
  limit: external_exports.number().int().describe("What status and steps-left count against (see limitKind)."),
  limitKind: external_exports.enum(LIMIT_KINDS),
  tokensUntilLimit: external_exports.number().int(),
  stepsUntilLimit: external_exports.number().int().nullable(),
  warnAt: external_exports.number().int().describe("Token count where status turns warn."),
  criticalAt: external_exports.number().int().describe("Token count where status turns critical."),
  status: external_exports.enum(CONTEXT_STATUSES).describe("ok / warn / critical, relative to limit."),
  estimated: external_exports.boolean(),
  fresh: external_exports.boolean().describe("False when the calling response was not in the transcript in time."),
  compactions: external_exports.number().int(),
  lastCompaction: compactionShape.nullable(),
  asOf: external_exports.string().nullable(),
  skippedLines: external_exports.number().int(),
  summary: external_exports.string().describe("One line to act on.")
});
function registerGetContextUsage(server, deps) {
  server.registerTool(
    GET_CONTEXT_USAGE,
    {
      title: "Context usage",
      description: "How full this session's context window is, exactly (from Claude Code's own usage figures), and how many tokens are left before auto-compaction. Call it before large reads or long tasks, and when the summary says warn or critical, write a handoff (write_handoff) before the context is compacted.",
      inputSchema: strictInput(sessionInputShape),
      outputSchema: contextUsageShape,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
      _meta: toolMeta("context window usage: tokens used and left before auto-compact, budget", { alwaysLoad: true })
    },
    async (input, extra) => {
      try {
        const usage = await readContextUsage(
          { ...toLocateRequest(input), toolUseId: callingToolUseId(extra._meta) },
          deps
        );
        return structuredResult(usage);
      } catch (error) {
        return errorResult(GET_CONTEXT_USAGE, error);
      }
    }
  );
}

// src/tools/get-context-breakdown.ts
var GET_CONTEXT_BREAKDOWN = "get_context_breakdown";
var nullableString = external_exports.string().nullable();
var contextBreakdownShape = outputShapeOf()({
  sessionId: external_exports.string(),
  transcriptPath: external_exports.string(),
  sessionSource: contextUsageShape.sessionSource,
  subagent: contextUsageShape.subagent,
  model: nullableString,
  usedTokens: external_exports.number().int().describe(
    "Context size of the newest main-chain response; the categories (without Free space and Autocompact buffer) sum to it."
  ),
  contextWindow: external_exports.number().int(),
  windowSource: contextUsageShape.windowSource,
  autocompactAt: external_exports.number().int().nullable(),
  status: contextUsageShape.status,
  estimated: external_exports.boolean().describe("True when usedTokens itself is estimated (compacted, no response since)."),
  fresh: external_exports.boolean(),
  categories: external_exports.array(
    external_exports.object({ name: external_exports.string(), tokens: external_exports.number().int(), estimated: external_exports.boolean(), percentOfWindow: external_exports.number() })
  ).describe("/context's categories, Messages split by kind and tool; then Free space and Autocompact buffer."),
  topItems: external_exports.array(
    external_exports.object({
      label: external_exports.string(),
      tokens: external_exports.number().int(),
      turn: external_exports.number().int(),
      category: external_exports.string(),
      tool: nullableString,
      path: nullableString,
      estimated: external_exports.boolean()
    })
  ).describe("The largest single items in the context, largest first."),
  repeatedReads: external_exports.array(external_exports.object({ path: external_exports.string(), reads: external_exports.number().int(), tokens: external_exports.number().int() })),
  tools: external_exports.array(external_exports.object({ name: external_exports.string(), calls: external_exports.number().int(), tokens: external_exports.number().int() })),
  mcpServers: external_exports.array(
    external_exports.object({
      name: external_exports.string(),
      calls: external_exports.number().int(),
      tokens: external_exports.number().int(),
      definitionTokens: external_exports.number().int().nullable(),
      definitionsEstimated: external_exports.boolean().nullable(),
      deferredTools: external_exports.number().int().nullable()
    })
  ).describe(
    "Per MCP server: calls, calls plus results, and its tool definitions (null when the transcript cannot tell; definitionsEstimated false when count_tokens measured them)."
  ),
  memoryFiles: external_exports.array(external_exports.object({ path: external_exports.string(), chars: external_exports.number().int() })),
  capture: external_exports.object({
    source: external_exports.enum(CAPTURE_SOURCES),
    time: external_exports.string(),
    model: nullableString,
    measured: external_exports.boolean(),
    parts: external_exports.array(
      external_exports.object({
        part: external_exports.string(),
        tokens: external_exports.number().int().nullable(),
        reason: external_exports.enum(UNMEASURED_REASONS).nullable(),
        said: nullableString
      })
    ).describe("Per part (system prompt, built-in tools, each MCP server): count_tokens' figure, or why none.")
  }).nullable().describe("The captured request whose texts split the baseline (every MCP server's definitions), or null."),
  captureAdvice: nullableString.describe("With no capture: how to point ctx-monitor at Claude Code's request bodies."),
  pendingTokens: external_exports.number().int(),
  compactions: external_exports.number().int(),
  lastCompaction: external_exports.object({
    trigger: nullableString,
    preTokens: external_exports.number().nullable(),
    postTokens: external_exports.number().nullable(),
    at: nullableString,
    droppedTokens: external_exports.number().nullable()
  }).nullable().describe("What the last compaction dropped (preTokens \u2192 postTokens)."),
  asOf: nullableString,
  skippedLines: external_exports.number().int(),
  advice: external_exports.array(external_exports.string()).describe("Short actions that would free or save context."),
  summary: external_exports.string()
});
function registerGetContextBreakdown(server, deps) {
  server.registerTool(
    GET_CONTEXT_BREAKDOWN,
    {
      title: "Context breakdown",
      description: "What is filling this session's context: system prompt, tools, memory files, and the conversation split by user prompts, assistant text, thinking, tool calls and tool results per tool, with the largest single items (file reads, command outputs) and repeated reads. Exact step by step from Claude Code's usage figures. Call it when usage is high to see what to stop doing, or before deciding what a handoff must keep.",
      inputSchema: strictInput(sessionInputShape),
      outputSchema: contextBreakdownShape,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false },
      _meta: toolMeta("what fills the context window: tokens by system prompt, tools, files read, tool results")
    },
    async (input, extra) => {
      try {
        const breakdown = await readContextBreakdown(
          { ...toLocateRequest(input), toolUseId: callingToolUseId(extra._meta) },
          deps
        );
        return structuredResult(breakdown);
      } catch (error) {
        return errorResult(GET_CONTEXT_BREAKDOWN, error);
      }
    }
  );
}

// src/handoff/digest.ts
var DIGEST_BUDGET_CHARS = 8e4;
var SECTION_KEEP = {
  "Agent's notes": "share",
  "Task list (latest)": "head",
  Files: "head",
  Git: "head"
};
var FenceTracker = class {
  open = null;
  /** True when the line opens, continues or closes a fenced block. */
  step(line) {
    if (this.open) {
      if (line.trim() === this.open) this.open = null;
      return true;
    }
    this.open = /^\s*(`{3,})/.exec(line)?.[1] ?? null;
    return this.open !== null;
  }
};
function parseHandoff(markdown) {
  const sections = [{ heading: null, entries: [], keep: "head" }];
  const fences = new FenceTracker();
  let tableStarted = false;
  markdown.split("\n").forEach((line, index) => {
    const section = sections[sections.length - 1];
    let startsEntry = false;
    if (!fences.step(line)) {
      if (line.startsWith("## ") || line === "---") {
        const heading = line === "---" ? null : line.slice(3);
        sections.push({
          heading,
          entries: [{ line: index + 1, text: line }],
          keep: heading && SECTION_KEEP[heading] || "first-and-newest"
        });
        tableStarted = false;
        return;
      }
      if (/^\| ?-{3}/.test(line)) tableStarted = true;
      const listItem = /^(\d+\.|-) /.test(line) || tableStarted && line.startsWith("| ") && !/^\| ?-{3}/.test(line);
      startsEntry = line.startsWith("### ") || section.keep !== "share" && listItem;
    }
    const last = section.entries[section.entries.length - 1];
    if (startsEntry || !last) section.entries.push({ line: index + 1, text: line });
    else last.text += `
${line}`;
  });
  return sections.filter((section) => section.entries.length > 0);
}
function digestHandoff(markdown, path, budget = DIGEST_BUDGET_CHARS) {
  if (markdown.length <= budget) return markdown;
  const preface = `> This is a digest of a ${exactNumber(markdown.length)}-character handoff, cut to fit the context. The full document is \`${path}\`; each cut below names the lines that hold what was left out.

`;
  const sections = parseHandoff(markdown);
  const allowances = shareOut(
    Math.max(0, budget - preface.length - sections.length * CUT_NOTE_CHARS),
    sections.map((section) => size(section.entries))
  );
  const body = sections.map((section, index) => cutSection(section, allowances[index], path)).join("\n");
  return preface + body;
}
var CUT_NOTE_CHARS = 220;
function size(entries) {
  return entries.reduce((sum, entry) => sum + entry.text.length + 1, 0);
}
function shareOut(budget, sizes) {
  const allowances = sizes.map(() => 0);
  let left = budget;
  const order = sizes.map((_, index) => index).sort((a, b) => sizes[a] - sizes[b]);
  order.forEach((index, position) => {
    const fair = Math.floor(left / (order.length - position));
    allowances[index] = Math.min(sizes[index], fair);
    left -= allowances[index];
  });
  return allowances;
}
function cutSection(section, allowance, path) {
  const { entries } = section;
  if (size(entries) <= allowance) return entries.map((entry) => entry.text).join("\n");
  const [first, ...rest] = entries;
  const room = allowance - (first.text.length + 1);
  const lines = [clipEntry(first, Math.max(allowance, MIN_CLIP_CHARS), path)];
  if (section.keep === "share") {
    const shares = shareOut(
      Math.max(0, room),
      rest.map((entry) => entry.text.length + 1)
    );
    rest.forEach((entry, i) => {
      lines.push(clipEntry(entry, Math.max(shares[i], MIN_CLIP_CHARS), path));
    });
    return lines.join("\n");
  }
  const kept = pick(section.keep, rest, room);
  let skipped = [];
  const flush = () => {
    if (!skipped.length) return;
    const what = skipped.length === 1 ? "1 entry" : `${exactNumber(skipped.length)} entries`;
    lines.push(`
_[${what} left out here: ${linesOf(skipped[0], skipped[skipped.length - 1])} of \`${path}\`]_
`);
    skipped = [];
  };
  rest.forEach((entry, i) => {
    if (kept.has(i)) {
      flush();
      lines.push(entry.text);
    } else {
      skipped.push(entry);
    }
  });
  flush();
  return lines.join("\n");
}
function pick(keep, entries, room) {
  const kept = /* @__PURE__ */ new Set();
  const order = keep === "head" ? entries.map((_, i) => i) : [0, ...entries.map((_, i) => entries.length - 1 - i).filter((i) => i !== 0)];
  for (const i of order) {
    const cost = entries[i].text.length + 1;
    if (cost > room) {
      if (keep === "first-and-newest" && i === 0) continue;
      break;
    }
    kept.add(i);
    room -= cost;
  }
  return kept;
}
var MIN_CLIP_CHARS = 200;
function linesOf(from, to) {
  return `lines ${from.line}\u2013${to.line + to.text.split("\n").length - 1}`;
}
function clipEntry(entry, max, path) {
  if (entry.text.length <= max) return entry.text;
  const cut = entry.text.slice(0, max);
  const fences = new FenceTracker();
  for (const line of cut.split("\n")) fences.step(line);
  const marker = `\u2026 [cut: ${exactNumber(entry.text.length)} chars in full, ${linesOf(entry, entry)} of \`${path}\`]`;
  return `${cut}
${marker}${fences.open ? `
${fences.open}` : ""}`;
}

// src/tools/handoff-resources.ts
var LATEST_HANDOFF_URI = "ctx-monitor://handoffs/latest";
var HANDOFF_LIST_URI = "ctx-monitor://handoffs";
function folderOf(deps) {
  return handoffFolder(configuredHandoffDir(deps.runtime), defaultProjectDir(deps.runtime)).path;
}
function latest(deps) {
  return listHandoffs(folderOf(deps))[0] ?? null;
}
function readForContext(folder, path) {
  return digestHandoff(redactSecrets(readHandoff(folder, path)).text, path);
}
function registerHandoffResources(server, deps) {
  server.registerResource(
    "latest-handoff",
    LATEST_HANDOFF_URI,
    {
      title: "Latest handoff",
      description: "The newest handoff written for this project by write_handoff (a digest pointing into the file when it is very long).",
      mimeType: "text/markdown"
    },
    async (uri) => {
      const newest = latest(deps);
      const text = newest ? readForContext(folderOf(deps), newest.path) : `No handoff has been written yet in ${folderOf(deps)}.`;
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text }] };
    }
  );
  server.registerResource(
    "handoff-list",
    HANDOFF_LIST_URI,
    {
      title: "Handoffs",
      description: "Every handoff of this project, newest first: name, path, size, time.",
      mimeType: "application/json"
    },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: "application/json",
          text: JSON.stringify({ folder: folderOf(deps), handoffs: listHandoffs(folderOf(deps)) }, null, 2)
        }
      ]
    })
  );
  server.registerPrompt(
    "resume",
    {
      title: "Resume from a handoff",
      description: "Load the latest handoff of this project (or the one named) to continue the work in this session.",
      argsSchema: {
        path: external_exports.string().optional().describe("A handoff file name or path inside the handoff folder; the latest if omitted.")
      }
    },
    async ({ path }) => {
      const folder = folderOf(deps);
      const chosen = path ? handoffInFolder(folder, path) : latest(deps)?.path;
      if (!chosen) {
        return {
          messages: [
            {
              role: "user",
              content: { type: "text", text: `There is no handoff in ${folder} yet; nothing to resume from.` }
            }
          ]
        };
      }
      const text = `Continue the work described in this handoff (${chosen}). Read it fully first: the user's prompts are verbatim, the agent's notes say where things stand and what comes next. Check the current state of the files before acting.

` + readForContext(folder, chosen);
      return { messages: [{ role: "user", content: { type: "text", text } }] };
    }
  );
}

// src/tools/write-handoff.ts
var WRITE_HANDOFF = "write_handoff";
var note = (what) => external_exports.string().optional().describe(what);
var handoffInputShape = {
  goal: note("What the user wants overall, in your words, with the acceptance criteria you know of."),
  current_state: note("Where the work stands now: what is done and verified, what is half-done, what is untested."),
  decisions: note(
    "Decisions taken and why (alternatives rejected and the reason), so the next context does not reopen them."
  ),
  next_steps: note("The concrete next steps, in order, with file names and commands."),
  open_questions: note("What is unclear or waiting for the user."),
  warnings: note("Traps and things not to do: fragile areas, commands with side effects, assumptions that bit you."),
  name: external_exports.string().optional().describe("Optional short label for the file name (letters, digits, '.', '_', '-'); not a path."),
  max_chars: external_exports.number().int().min(MIN_HANDOFF_CHARS).max(MAX_HANDOFF_CHARS).optional().describe(
    "Size budget of the document in characters (default: 5% of the context window, 40,000 at 200k). Your notes are always kept whole."
  ),
  ...sessionInputShape
};
var handoffOutputShape = outputShapeOf()({
  path: external_exports.string().describe("The handoff file written."),
  bytes: external_exports.number().int(),
  sections: external_exports.array(external_exports.string()),
  sessionId: external_exports.string(),
  transcriptPath: external_exports.string(),
  projectDir: external_exports.string(),
  promptsIncluded: external_exports.number().int(),
  filesTouched: external_exports.number().int(),
  commandsRun: external_exports.number().int(),
  failedCommands: external_exports.number().int(),
  redactions: external_exports.number().int().describe("Secrets replaced by [REDACTED:\u2026] markers."),
  earlierHandoffs: external_exports.number().int(),
  maxChars: external_exports.number().int().describe("The size budget the document was written to, in characters."),
  notesCarriedFrom: external_exports.string().nullable().describe("The earlier handoff whose agent's notes this one carries forward (written without notes)."),
  resumeInstruction: external_exports.string(),
  summary: external_exports.string()
});
function registerWriteHandoff(server, deps) {
  server.registerTool(
    WRITE_HANDOFF,
    {
      title: "Write handoff",
      description: "Write a handoff document before the context is compacted or the session ends. Give your own account (goal, current state, decisions and why, next steps, open questions, warnings); ctx-monitor adds what the transcript holds exactly: every user prompt verbatim, files read/edited/written, commands and their failures, errors, the task list, subagent reports, git status and the context figures. Secrets are redacted. Returns the file's path and how to resume from it.",
      inputSchema: strictInput(handoffInputShape),
      outputSchema: handoffOutputShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      _meta: toolMeta(
        "handoff document before compaction: save progress, decisions and next steps for the next session"
      )
    },
    async (input, extra) => {
      try {
        const result = await writeHandoff(
          {
            ...toLocateRequest(input),
            toolUseId: callingToolUseId(extra._meta),
            name: input.name,
            maxChars: input.max_chars,
            notes: {
              goal: input.goal,
              currentState: input.current_state,
              decisions: input.decisions,
              nextSteps: input.next_steps,
              openQuestions: input.open_questions,
              warnings: input.warnings
            }
          },
          deps
        );
        return structuredResult(result);
      } catch (error) {
        return errorResult(WRITE_HANDOFF, error);
      }
    }
  );
}

// src/server.ts
function createServer(deps) {
  const server = new McpServer(
    { name: PACKAGE.name, version: PACKAGE.version },
    {
      instructions: "ctx-monitor reports this session's context window usage. Check get_context_usage before large reads and long tasks; when it says warn or critical, call write_handoff before auto-compaction loses detail.",
      jsonSchemaValidator: lazySchemaValidator()
    }
  );
  registerGetContextUsage(server, deps.usage);
  registerGetContextBreakdown(server, deps.breakdown);
  registerWriteHandoff(server, deps.handoff);
  registerHandoffResources(server, deps.handoff);
  return server;
}
function lazySchemaValidator() {
  let validator;
  return {
    getValidator(schema) {
      validator ??= new AjvJsonSchemaValidator();
      return validator.getValidator(schema);
    }
  };
}

export {
  createServer
};

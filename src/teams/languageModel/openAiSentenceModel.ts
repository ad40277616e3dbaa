import { getBearerTokenProvider, DefaultAzureCredential } from '@azure/identity';
import { GPTTokenizer, OpenAIModel, type Memory } from '@microsoft/teams-ai';
import {
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { LanguageModelSettings } from '../../config/languageModelSettings';
import type { SentenceModel } from '../../domain/requestDialog/modelReading';
import type { Logger } from '../../logging/logger';
import { createReadingPrompt } from './readingPrompt';

/** Azure OpenAI's scope for a managed identity's token. */
const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';
/** A backstop for the request itself; the conversation stops waiting after 2 s regardless. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The optional language model, through Teams AI's OpenAIModel: Azure OpenAI with the managed
 * identity (or a key for local use), or an OpenAI-compatible server on 127.0.0.1 outside
 * production (a stub in tests). No retries: on a 429 or any error the conversation carries on
 * with the deterministic reading at once.
 */
export function createOpenAiSentenceModel(settings: LanguageModelSettings, logger?: Logger): SentenceModel {
  const model = createModel(settings);
  const tokenizer = new GPTTokenizer();
  return {
    // Only the outcome is logged, never the text sent or received.
    noteOutcome: (outcome) => logger?.info({ languageModel: outcome }, 'sentence read'),
    read: async (text) => {
      const response = await model.completePrompt(
        offTurnContext(),
        new ScratchMemory(),
        noFunctions,
        tokenizer,
        createReadingPrompt(text),
      );
      if (response.status !== 'success') {
        logger?.warn({ languageModel: response.status }, 'language model did not answer');
        return undefined;
      }
      const content = response.message?.content;
      return typeof content === 'string' && content.trim() !== '' ? content : undefined;
    },
  };
}

function createModel(settings: LanguageModelSettings): OpenAIModel {
  const common = {
    maxRetries: 0,
    responseFormat: { type: 'json_object' as const },
    useSystemMessages: true,
    logRequests: false,
    clientOptions: { timeout: REQUEST_TIMEOUT_MS, maxRetries: 0 },
  };
  if (settings.loopback) {
    // A local OpenAI-compatible server answers the same path Azure OpenAI does.
    return new OpenAIModel({
      ...common,
      apiKey: settings.apiKey ?? 'local',
      defaultModel: settings.deployment,
      endpoint: `${settings.endpoint}/openai/deployments/${encodeURIComponent(settings.deployment)}`,
      clientOptions: { ...common.clientOptions, defaultQuery: { 'api-version': settings.apiVersion } },
    });
  }
  return new OpenAIModel({
    ...common,
    azureEndpoint: settings.endpoint,
    azureDefaultDeployment: settings.deployment,
    azureApiVersion: settings.apiVersion,
    ...(settings.apiKey
      ? { azureApiKey: settings.apiKey }
      : {
          azureADTokenProvider: getBearerTokenProvider(
            new DefaultAzureCredential(),
            COGNITIVE_SERVICES_SCOPE,
          ),
        }),
  });
}

const noFunctions = {
  hasFunction: () => false,
  getFunction: () => {
    throw new Error('The reading prompt uses no functions.');
  },
  invokeFunction: () => {
    throw new Error('The reading prompt uses no functions.');
  },
};

/** Working memory for one prompt: nothing of the conversation is in it. */
class ScratchMemory implements Memory {
  private readonly values = new Map<string, unknown>();
  deleteValue(path: string): void {
    this.values.delete(path);
  }
  hasValue(path: string): boolean {
    return this.values.has(path);
  }
  getValue<T = unknown>(path: string): T {
    return this.values.get(path) as T;
  }
  setValue(path: string, value: unknown): void {
    this.values.set(path, value);
  }
}

/** A model call is not part of a Teams turn: this context can send nothing. */
class NoSendAdapter extends BotAdapter {
  sendActivities(): Promise<ResourceResponse[]> {
    return Promise.reject(new Error('The language model reads text only; it cannot send messages.'));
  }
  updateActivity(): Promise<ResourceResponse | void> {
    return Promise.reject(new Error('The language model cannot change messages.'));
  }
  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('The language model cannot delete messages.'));
  }
  continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    return Promise.reject(new Error('The language model cannot start conversations.'));
  }
}

function offTurnContext(): TurnContext {
  return new TurnContext(new NoSendAdapter(), { type: 'message', text: '' } as Partial<Activity> as Activity);
}

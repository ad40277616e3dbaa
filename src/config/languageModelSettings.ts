import { z } from 'zod';
import { readSettings, textSetting, type SettingsResult, type SettingsSource } from './readSettings';

/** The optional language model (Azure OpenAI); absent when AZURE_OPENAI_ENDPOINT is empty. */
export interface LanguageModelSettings {
  /** AZURE_OPENAI_ENDPOINT, without a trailing slash. */
  endpoint: string;
  /** AZURE_OPENAI_DEPLOYMENT: the model deployment's name. */
  deployment: string;
  /** AZURE_OPENAI_API_KEY, for local use; without it the managed identity signs in. */
  apiKey?: string;
  /** AZURE_OPENAI_API_VERSION. */
  apiVersion: string;
  /** An OpenAI-compatible server on 127.0.0.1 (a stub), allowed only outside production. */
  loopback: boolean;
}

export const DEFAULT_AZURE_OPENAI_API_VERSION = '2024-10-21';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function endpointSetting(production: boolean) {
  return textSetting<string | undefined>((text) => {
    if (text === '') return { value: undefined };
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { problem: `must be a URL such as https://<resource>.openai.azure.com, not "${text}".` };
    }
    const plain = url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    if (url.protocol === 'https:' && plain) return { value: text.replace(/\/+$/, '') };
    if (!production && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && plain)
      return { value: text.replace(/\/+$/, '') };
    return {
      problem: production
        ? `must be an https URL without a user name when NODE_ENV=production, not "${url.origin}".`
        : `must be an https URL (plain http only to a local server on 127.0.0.1), not "${url.origin}".`,
    };
  });
}

const deploymentSetting = textSetting<string | undefined>((text) => {
  if (text === '') return { value: undefined };
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(text)) return { value: text };
  return {
    problem: `must be the name of the model deployment (letters, digits, ".", "_" and "-"), not "${text}".`,
  };
});

const apiVersionSetting = textSetting<string>((text) => {
  if (text === '') return { value: DEFAULT_AZURE_OPENAI_API_VERSION };
  if (/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(text)) return { value: text };
  return {
    problem: `must be an Azure OpenAI API version such as ${DEFAULT_AZURE_OPENAI_API_VERSION}, not "${text}".`,
  };
});

function languageModelSchema(production: boolean) {
  return z.object({
    AZURE_OPENAI_ENDPOINT: endpointSetting(production),
    AZURE_OPENAI_DEPLOYMENT: deploymentSetting,
    AZURE_OPENAI_API_KEY: textSetting<string | undefined>((text) => ({ value: text || undefined })),
    AZURE_OPENAI_API_VERSION: apiVersionSetting,
  });
}

/**
 * Reads AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT, AZURE_OPENAI_API_KEY and
 * AZURE_OPENAI_API_VERSION. The model is used only when both the endpoint and the deployment are
 * set; one without the other is a mistake, named. The key is never repeated in a message.
 */
export function readLanguageModelSettings(
  env: SettingsSource,
): SettingsResult<LanguageModelSettings | undefined> {
  const read = readSettings(languageModelSchema((env.NODE_ENV ?? '').trim() === 'production'), env);
  if (!read.ok) return read;
  const s = read.settings;
  if (!s.AZURE_OPENAI_ENDPOINT && !s.AZURE_OPENAI_DEPLOYMENT) {
    if (s.AZURE_OPENAI_API_KEY)
      return { ok: false, problems: ['AZURE_OPENAI_ENDPOINT: required when AZURE_OPENAI_API_KEY is set.'] };
    return { ok: true, settings: undefined };
  }
  if (!s.AZURE_OPENAI_DEPLOYMENT)
    return { ok: false, problems: ['AZURE_OPENAI_DEPLOYMENT: required when AZURE_OPENAI_ENDPOINT is set.'] };
  if (!s.AZURE_OPENAI_ENDPOINT)
    return { ok: false, problems: ['AZURE_OPENAI_ENDPOINT: required when AZURE_OPENAI_DEPLOYMENT is set.'] };
  const endpoint = s.AZURE_OPENAI_ENDPOINT;
  return {
    ok: true,
    settings: {
      endpoint,
      deployment: s.AZURE_OPENAI_DEPLOYMENT,
      ...(s.AZURE_OPENAI_API_KEY ? { apiKey: s.AZURE_OPENAI_API_KEY } : {}),
      apiVersion: s.AZURE_OPENAI_API_VERSION,
      loopback: endpoint.startsWith('http:'),
    },
  };
}

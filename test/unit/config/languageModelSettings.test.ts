import { loadConfig, ConfigError } from '../../../src/config/config';
import { readLanguageModelSettings } from '../../../src/config/languageModelSettings';

describe('the language model settings', () => {
  it('leave the model off when nothing is set', () => {
    expect(readLanguageModelSettings({})).toEqual({ ok: true, settings: undefined });
    expect(loadConfig({ NODE_ENV: 'test' }).languageModel).toBeUndefined();
  });

  it('read Azure OpenAI with the managed identity, or a key for local use', () => {
    expect(
      readLanguageModelSettings({
        AZURE_OPENAI_ENDPOINT: 'https://nhs-shadowing.openai.azure.com/',
        AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini',
      }),
    ).toEqual({
      ok: true,
      settings: {
        endpoint: 'https://nhs-shadowing.openai.azure.com',
        deployment: 'gpt-4o-mini',
        apiVersion: '2024-10-21',
        loopback: false,
      },
    });
    expect(
      readLanguageModelSettings({
        AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:4567',
        AZURE_OPENAI_DEPLOYMENT: 'stub',
        AZURE_OPENAI_API_KEY: 'k',
        AZURE_OPENAI_API_VERSION: '2025-01-01-preview',
      }),
    ).toMatchObject({
      ok: true,
      settings: { loopback: true, apiKey: 'k', apiVersion: '2025-01-01-preview' },
    });
  });

  it.each([
    [
      { AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' },
      'AZURE_OPENAI_DEPLOYMENT: required when AZURE_OPENAI_ENDPOINT is set.',
    ],
    [
      { AZURE_OPENAI_DEPLOYMENT: 'gpt-4o' },
      'AZURE_OPENAI_ENDPOINT: required when AZURE_OPENAI_DEPLOYMENT is set.',
    ],
    [{ AZURE_OPENAI_API_KEY: 'k' }, 'AZURE_OPENAI_ENDPOINT: required when AZURE_OPENAI_API_KEY is set.'],
    [{ AZURE_OPENAI_ENDPOINT: 'openai.azure.com' }, 'AZURE_OPENAI_ENDPOINT: must be a URL such as'],
    [
      { AZURE_OPENAI_ENDPOINT: 'http://example.com', AZURE_OPENAI_DEPLOYMENT: 'd' },
      'AZURE_OPENAI_ENDPOINT: must be an https URL',
    ],
    [
      {
        AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:4567',
        AZURE_OPENAI_DEPLOYMENT: 'd',
        NODE_ENV: 'production',
      },
      'AZURE_OPENAI_ENDPOINT: must be an https URL without a user name when NODE_ENV=production',
    ],
    [
      { AZURE_OPENAI_DEPLOYMENT: 'gpt 4o' },
      'AZURE_OPENAI_DEPLOYMENT: must be the name of the model deployment',
    ],
    [{ AZURE_OPENAI_API_VERSION: 'latest' }, 'AZURE_OPENAI_API_VERSION: must be an Azure OpenAI API version'],
  ])('name the setting that is wrong: %j', (env, problem) => {
    const read = readLanguageModelSettings(env);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.join('\n')).toContain(problem);
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(ConfigError);
  });

  it('never repeat the key in a message', () => {
    const read = readLanguageModelSettings({ AZURE_OPENAI_API_KEY: 'secret-key-value' });
    expect(JSON.stringify(read)).not.toContain('secret-key-value');
  });
});

/** Settings a Trust would set before `npm run package`, as the environment holds them. */
export const PACKAGE_ENV: NodeJS.ProcessEnv = {
  BOT_ID: '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
  BOT_DOMAIN: 'app-shadowing-abc123.azurewebsites.net',
  TEAMS_DEVELOPER_NAME: 'Example NHS Foundation Trust',
  TEAMS_DEVELOPER_WEBSITE_URL: 'https://www.example-trust.nhs.uk/',
  TEAMS_PRIVACY_URL: 'https://www.example-trust.nhs.uk/privacy',
  TEAMS_TERMS_URL: 'https://www.example-trust.nhs.uk/acceptable-use',
};

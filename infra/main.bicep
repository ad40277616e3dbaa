// Job shadowing bot: everything it needs in one resource group.
//
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json
//
// Creates a user-assigned managed identity (the bot's identity: no secrets anywhere), Log Analytics
// and Application Insights, Cosmos DB for NoSQL with key authentication switched off, a Linux App
// Service running the bot on Node, and the Azure Bot resource with the Teams channel.
// Steps from an empty subscription: infra/README.md.

targetScope = 'resourceGroup'

@description('Azure region for everything except the bot resource (which is global). UK South keeps data in the UK.')
param location string = resourceGroup().location

@description('Short name used in every resource name: 3-20 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.')
@minLength(3)
@maxLength(20)
param baseName string = 'shadowing'

@description('App Service plan size. B1 is enough for a pilot; Always On needs B1 or above.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Node runtime on App Service Linux (see: az webapp list-runtimes --os linux).')
param nodeVersion string = '24-lts'

@description('Cosmos DB database name.')
param cosmosDatabaseName string = 'shadowing'

@description('serverless: pay per request, best for a pilot. provisioned: autoscale throughput for steady, heavy use.')
@allowed([
  'serverless'
  'provisioned'
])
param cosmosCapacityMode string = 'serverless'

@description('Autoscale maximum RU/s shared by the containers when cosmosCapacityMode is provisioned.')
@minValue(1000)
param cosmosMaxThroughput int = 1000

@description('Entra ID tenant ids (comma-separated) whose Teams users may use the bot. Empty: this deployment\'s tenant only.')
param allowedTenantIds string = ''

@description('Object id of a person or group who may read and write the data with the admin CLI (imports). Empty: nobody but the app.')
param operatorPrincipalId string = ''

@description('Log level of the bot: fatal, error, warn, info, debug or trace. Logs never hold names or typed text.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Seconds between runs of reminders, escalations, expiries, check-ins, digests and message delivery. 0 switches the scheduler off.')
@minValue(0)
@maxValue(3600)
param schedulerIntervalSeconds int = 60

@description('Proactive messages the bot sends a second, all instances together (they share one schedule in Cosmos DB). Teams allows about 50 per app per tenant; the slots are spaced so that a send a little late or slow to arrive still keeps Teams\' count to 50.')
@minValue(1)
@maxValue(50)
param sendRatePerSecond int = 50

@description('Largest request body the bot accepts, in KB; larger ones get 413.')
@minValue(16)
@maxValue(4096)
param maxBodyKb int = 256

@description('true: when the host proposes another time and the visitor takes it, the request goes back to the line manager.')
param reapproveNewTime bool = false

@description('Whose bank holidays are skipped when counting working days for reminders and escalations.')
@allowed([
  'england-and-wales'
  'scotland'
  'northern-ireland'
])
param bankHolidayRegion string = 'england-and-wales'

@description('Days to keep closed requests and their messages after the last change (0 keeps them).')
@minValue(0)
@maxValue(36500)
param retentionDays int = 730

@description('Days to keep the exchange log for evaluation (0 keeps it until someone asks for erasure).')
@minValue(0)
@maxValue(36500)
param exchangeLogRetentionDays int = 2190

@description('Day the weekly digest goes out.')
@allowed([
  'mon'
  'tue'
  'wed'
  'thu'
  'fri'
  'sat'
  'sun'
])
param digestWeekday string = 'mon'

@description('UK time (24-hour HH:MM) the weekly digest goes out.')
param digestTime string = '08:00'

@description('Comma-separated emails of programme leads besides those with the programme_lead role.')
param programmeLeadEmails string = ''

@description('true once the Microsoft Graph permissions are granted to the managed identity (infra/README.md): Shifts sync and installing the app for people the bot cannot reach.')
param graphEnabled bool = false

@description('Entra ID user property holding the staff group, or property.subproperty.')
param graphProfessionField string = 'employeeType'

@description('Comma-separated Teams team ids whose Microsoft Shifts schedules feed the rota.')
param graphShiftsTeamIds string = ''

@description('The app\'s id in the organisation\'s Teams app catalogue (not the manifest id). Known only after the app is published: deploy again with it.')
param teamsAppCatalogId string = ''

@description('Azure OpenAI endpoint (https://<resource>.openai.azure.com, in a UK region) for the optional language model that also reads first sentences. Empty: off, the built-in reader only.')
param azureOpenAiEndpoint string = ''

@description('The Azure OpenAI model deployment name, e.g. gpt-4o-mini. The managed identity needs the role Cognitive Services OpenAI User on the resource (infra/README.md).')
param azureOpenAiDeployment string = ''

@description('The Azure OpenAI API version.')
param azureOpenAiApiVersion string = '2024-10-21'

@description('Path on the web app of your own working-time rule-set file (a copy of config/working-time-rules.yaml, edited), e.g. /home/site/rules/working-time-rules.yaml. Empty: the shipped rules.')
param workingTimeRulesFile string = ''

@description('Path on the web app of your own estimated backfill rates file (a copy of config/cover-rates.yaml with your rate card and rota coordinators), e.g. /home/site/rules/cover-rates.yaml. Empty: the shipped estimates.')
param coverRatesFile string = ''

// Optional hardening, all off by default (infra/README.md, "Optional hardening").

@description('true: Cosmos DB accepts connections only from the web app\'s outbound addresses and cosmosAllowedIpRanges.')
param cosmosNetworkRestricted bool = false

@description('Extra addresses or CIDR ranges (comma-separated) Cosmos DB accepts when cosmosNetworkRestricted is true, e.g. the operator\'s address for the admin CLI.')
param cosmosAllowedIpRanges string = ''

@description('true: the web app answers only the Azure Bot Service (service tag AzureBotService); everything else gets 403, including /healthz from outside Azure.')
param webAppOnlyFromBotService bool = false

@description('true: Cosmos DB and the Azure Bot send their diagnostic logs to Log Analytics (charged per GB).')
param diagnosticLogs bool = false

@description('true: Cosmos DB continuous backup (point-in-time restore over the last 7 days). Cannot be switched back to periodic backup.')
param cosmosContinuousBackup bool = false

@description('Tags on every resource.')
param tags object = {
  application: 'job-shadowing'
}

// Bicep has no pattern decorator, so the rule on baseName is checked here, before anything is named.
var baseNameCharacters = 'abcdefghijklmnopqrstuvwxyz0123456789-'
var baseNameIsValid = length(filter(range(0, length(baseName)), i => !contains(baseNameCharacters, substring(baseName, i, 1)))) == 0 && !contains('0123456789-', first(baseName)) && !endsWith(baseName, '-')
var checkedBaseName = baseNameIsValid ? baseName : fail('baseName must be 3-20 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.')

var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: 'id-${checkedBaseName}-${suffix}'
  workspace: 'log-${checkedBaseName}-${suffix}'
  insights: 'appi-${checkedBaseName}-${suffix}'
  cosmos: 'cosmos-${checkedBaseName}-${suffix}'
  plan: 'plan-${checkedBaseName}-${suffix}'
  site: 'app-${checkedBaseName}-${suffix}'
  bot: 'bot-${checkedBaseName}-${suffix}'
}

// The account's endpoint, known before the account exists, so the web app can be created first and
// Cosmos DB can then accept the web app's outbound addresses (cosmosNetworkRestricted).
var cosmosEndpoint = 'https://${names.cosmos}.documents.azure.com:443/'

// The one list of containers, written from src/store/containers.ts by scripts/writeInfraContainers.ts.
var containers = loadJsonContent('containers.json')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    insightsName: names.insights
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: names.cosmos
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    maxThroughput: cosmosMaxThroughput
    containers: containers
    dataContributorPrincipalIds: empty(operatorPrincipalId) ? [
      identity.properties.principalId
    ] : [
      identity.properties.principalId
      operatorPrincipalId
    ]
    allowedIpRanges: cosmosNetworkRestricted ? union(
      split(webApp.outputs.possibleOutboundIpAddresses, ','),
      filter(map(split(cosmosAllowedIpRanges, ','), entry => trim(entry)), entry => !empty(entry))
    ) : []
    continuousBackup: cosmosContinuousBackup
    diagnosticLogs: diagnosticLogs
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

// Every setting here is one the code reads (src/config/config.ts and .env.example). No keys or
// secrets: the bot, Cosmos DB and Microsoft Graph all use the managed identity.
var appSettings = {
  NODE_ENV: 'production'
  LOG_LEVEL: logLevel
  MICROSOFT_APP_TYPE: 'UserAssignedMSI'
  MICROSOFT_APP_ID: identity.properties.clientId
  MICROSOFT_APP_TENANT_ID: tenant().tenantId
  ALLOWED_TENANT_IDS: empty(allowedTenantIds) ? tenant().tenantId : allowedTenantIds
  AZURE_CLIENT_ID: identity.properties.clientId
  COSMOS_ENDPOINT: cosmosEndpoint
  COSMOS_DATABASE: cosmosDatabaseName
  DEMO_DATA: 'off'
  SCHEDULER_INTERVAL_SECONDS: string(schedulerIntervalSeconds)
  SEND_RATE_PER_SECOND: string(sendRatePerSecond)
  MAX_BODY_KB: string(maxBodyKb)
  REAPPROVE_NEW_TIME: reapproveNewTime ? 'true' : 'false'
  BANK_HOLIDAY_REGION: bankHolidayRegion
  RETENTION_DAYS: string(retentionDays)
  EXCHANGE_LOG_RETENTION_DAYS: string(exchangeLogRetentionDays)
  DIGEST_WEEKDAY: digestWeekday
  DIGEST_TIME: digestTime
  PROGRAMME_LEAD_EMAILS: programmeLeadEmails
  GRAPH_ENABLED: graphEnabled ? 'true' : 'false'
  GRAPH_PROFESSION_FIELD: graphProfessionField
  GRAPH_SHIFTS_TEAM_IDS: graphShiftsTeamIds
  TEAMS_APP_CATALOG_ID: teamsAppCatalogId
  WORKING_TIME_RULES_FILE: workingTimeRulesFile
  COVER_RATES_FILE: coverRatesFile
  AZURE_OPENAI_ENDPOINT: azureOpenAiEndpoint
  AZURE_OPENAI_DEPLOYMENT: azureOpenAiDeployment
  AZURE_OPENAI_API_VERSION: azureOpenAiApiVersion
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  params: {
    location: location
    planName: names.plan
    siteName: names.site
    planSku: appServicePlanSku
    nodeVersion: nodeVersion
    identityId: identity.id
    appSettings: appSettings
    workspaceId: monitoring.outputs.workspaceId
    onlyFromBotService: webAppOnlyFromBotService
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: names.bot
    displayName: 'Job shadowing'
    sku: 'F0'
    endpoint: 'https://${webApp.outputs.hostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityId: identity.id
    diagnosticLogs: diagnosticLogs
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

@description('Web app name, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('The bot\'s public host name: BOT_DOMAIN for npm run package.')
output botDomain string = webApp.outputs.hostName

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): MICROSOFT_APP_ID for npm run package.')
output botAppId string = identity.properties.clientId

@description('Object id of the managed identity: grant it the Microsoft Graph permissions.')
output identityPrincipalId string = identity.properties.principalId

output tenantId string = tenant().tenantId
output cosmosEndpoint string = cosmos.outputs.endpoint
output cosmosAccountName string = cosmos.outputs.accountName
output botName string = bot.outputs.name

// The same values under the names the Microsoft 365 Agents Toolkit writes to env/.env.<environment>
// (m365agents.yml): the packaging settings and the web app to deploy to.
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.outputs.hostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id

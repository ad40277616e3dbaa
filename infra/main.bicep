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

@description('Short name used in every resource name (lower case letters, digits and hyphens).')
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

@description('Tags on every resource.')
param tags object = {
  application: 'job-shadowing'
}

var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: 'id-${baseName}-${suffix}'
  workspace: 'log-${baseName}-${suffix}'
  insights: 'appi-${baseName}-${suffix}'
  cosmos: toLower('cosmos-${baseName}-${suffix}')
  plan: 'plan-${baseName}-${suffix}'
  site: 'app-${baseName}-${suffix}'
  bot: 'bot-${baseName}-${suffix}'
}

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
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmosDatabaseName
  DEMO_DATA: 'off'
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

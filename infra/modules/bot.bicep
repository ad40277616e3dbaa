// The Azure Bot resource: the bot's identity is the user-assigned managed identity (no secret),
// messages go to the web app, and the Microsoft Teams channel is switched on.

param botName string

@description('Name Teams and the Azure portal show for the bot resource.')
param displayName string

@description('Free (F0) covers the Teams channel; S1 is only for premium channels.')
param sku string

@description('https://<host>/api/messages')
param endpoint string

@description('Client id of the user-assigned managed identity: the bot\'s Microsoft App ID.')
param identityClientId string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('true: the bot resource\'s request logs go to the Log Analytics workspace.')
param diagnosticLogs bool

@description('Log Analytics workspace for the diagnostic logs.')
param workspaceId string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output name string = bot.name

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (diagnosticLogs) {
  name: 'to-log-analytics'
  scope: bot
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'BotRequest'
        enabled: true
      }
    ]
  }
}

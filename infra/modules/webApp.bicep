// App Service on Linux running the bot on Node, under the user-assigned managed identity.

@description('Azure region.')
param location string

param planName string
param siteName string

@description('App Service plan size. B1 or above: Always On needs a paid, dedicated tier.')
param planSku string

@description('Node runtime, as App Service names it (az webapp list-runtimes --os linux).')
param nodeVersion string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('App settings: name -> value.')
param appSettings object

@description('Log Analytics workspace that receives the app\'s console and HTTP logs.')
param workspaceId string

@description('true: only the Azure Bot Service (service tag AzureBotService) may call the app; the deployment site (SCM) keeps its own, unrestricted rules.')
param onlyFromBotService bool

param tags object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'node dist/src/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      ipSecurityRestrictionsDefaultAction: onlyFromBotService ? 'Deny' : 'Allow'
      ipSecurityRestrictions: onlyFromBotService ? [
        {
          name: 'AzureBotService'
          description: 'Teams messages arrive through the Azure Bot Service.'
          action: 'Allow'
          priority: 100
          tag: 'ServiceTag'
          ipAddress: 'AzureBotService'
        }
      ] : []
      scmIpSecurityRestrictionsUseMain: false
      appSettings: [for setting in items(appSettings): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

// Deploy with Microsoft Entra ID (az webapp deploy), never with FTP or publishing-profile passwords.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output id string = site.id
output hostName string = site.properties.defaultHostName

@description('Every address the app may call out from (comma-separated), for Cosmos DB\'s network rules.')
output possibleOutboundIpAddresses string = site.properties.possibleOutboundIpAddresses

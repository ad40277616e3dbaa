// Cosmos DB for NoSQL: the account, the database and every container the code expects, with
// account keys switched off. The app reaches it with its managed identity only.

@description('Azure region.')
param location string

@description('Cosmos DB account name (globally unique, lower case).')
param accountName string

@description('Database name (the app setting COSMOS_DATABASE).')
param databaseName string

@description('serverless (pay per request) or provisioned (autoscale throughput shared by the containers).')
@allowed([
  'serverless'
  'provisioned'
])
param capacityMode string

@description('Autoscale maximum RU/s for the database when capacityMode is provisioned.')
@minValue(1000)
param maxThroughput int

@description('Containers: [{ name, partitionKeyPath, defaultTtl }], generated from src/store/containers.ts.')
param containers array

@description('Principal (object) ids given the Cosmos DB Built-in Data Contributor role on the account.')
param dataContributorPrincipalIds array

@description('Addresses or CIDR ranges that may connect; empty: any address (Entra ID sign-in still required).')
param allowedIpRanges array

@description('true: continuous backup with point-in-time restore over 7 days; false: periodic backup every 4 hours, kept 8 hours.')
param continuousBackup bool

@description('true: data-plane and control-plane request logs go to the Log Analytics workspace.')
param diagnosticLogs bool

@description('Log Analytics workspace for the diagnostic logs.')
param workspaceId string

param tags object

// Cosmos DB Built-in Data Contributor: read and write items, read metadata. No control-plane rights.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: capacityMode == 'serverless' ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    ipRules: [for address in allowedIpRanges: {
      ipAddressOrRange: address
    }]
    backupPolicy: continuousBackup ? {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    } : {
      type: 'Periodic'
      periodicModeProperties: {
        backupIntervalInMinutes: 240
        backupRetentionIntervalInHours: 8
        backupStorageRedundancy: 'Geo'
      }
    }
  }
}

// Request logs carry ids and status codes, never document contents. Off by default: charged per GB.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (diagnosticLogs) {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
    ]
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: capacityMode == 'provisioned' ? {
      autoscaleSettings: {
        maxThroughput: maxThroughput
      }
    } : {}
  }
}

// Every query orders by at most one field, which the default range index serves, so no composite
// indexes are needed. Indexing is consistent so a write is visible to the next query.
resource containerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in containers: {
  parent: database
  name: container.name
  properties: {
    resource: {
      id: container.name
      partitionKey: {
        paths: [
          container.partitionKeyPath
        ]
        kind: 'Hash'
        version: 2
      }
      // -1: documents expire only when they carry their own ttl (the retention periods).
      defaultTtl: container.defaultTtl
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          {
            path: '/*'
          }
        ]
        excludedPaths: [
          {
            path: '/"_etag"/?'
          }
        ]
      }
    }
    options: {}
  }
}]

// One at a time and after the containers: the account accepts one change to itself at a time.
@batchSize(1)
resource dataContributors 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = [for principalId in dataContributorPrincipalIds: {
  parent: account
  name: guid(account.id, principalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: principalId
    scope: account.id
  }
  dependsOn: [
    containerResources
  ]
}]

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name

// The Cosmos DB account, keys off, with the database and containers of config/cosmos.json (the same file the
// app creates them from locally).
param name string
param location string
param tags object
@allowed(['serverless', 'autoscale'])
param throughput string
param identityPrincipalId string
param userPrincipalId string

// Cosmos DB Built-in Data Contributor (a data-plane role: sqlRoleAssignments, not Azure RBAC)
var dataContributorRole = '00000000-0000-0000-0000-000000000002'

var declaration = loadJsonContent('../../config/cosmos.json')

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    capabilities: throughput == 'serverless' ? [{ name: 'EnableServerless' }] : []
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: declaration.database
  properties: {
    resource: { id: declaration.database }
    options: throughput == 'autoscale' ? { autoscaleSettings: { maxThroughput: 4000 } } : {}
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in declaration.containers: {
  parent: database
  name: container.name
  properties: {
    resource: union({
      id: container.name
      partitionKey: { paths: [container.partitionKey], kind: 'Hash' }
      indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [{ path: '/*' }], excludedPaths: [{ path: '/"_etag"/?' }] }
    }, container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl })
  }
}]

var principals = union([identityPrincipalId], empty(userPrincipalId) ? [] : [userPrincipalId])

resource access 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = [for principal in principals: {
  parent: account
  name: guid(account.id, principal, dataContributorRole)
  properties: {
    principalId: principal
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRole}'
    scope: account.id
  }
}]

output endpoint string = account.properties.documentEndpoint

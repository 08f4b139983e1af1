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
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [{ path: '/*' }]
        excludedPaths: [{ path: '/"_etag"/?' }]
        compositeIndexes: container.?compositeIndexes ?? []
      }
    }, container.defaultTtl == null ? {} : { defaultTtl: container.defaultTtl })
  }
}]

// The app's identity holds Data Contributor on each container except the append-only ones (the audit log), where a
// custom role lets it create and read but never replace or delete. The signed-in developer, when given, keeps Data
// Contributor on the account for local runs against Azure.
var appendOnlyContainers = filter(declaration.containers, c => c.?appendOnly ?? false)
var writableContainers = filter(declaration.containers, c => !(c.?appendOnly ?? false))

resource appendOnlyRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-05-15' = {
  parent: account
  name: guid(account.id, 'append-only')
  properties: {
    roleName: 'ServerlessSafety append-only'
    type: 'CustomRole'
    assignableScopes: [account.id]
    permissions: [
      {
        dataActions: [
          'Microsoft.DocumentDB/databaseAccounts/readMetadata'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/create'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/read'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/executeQuery'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/readChangeFeed'
        ]
      }
    ]
  }
}

resource appAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = [for container in writableContainers: {
  parent: account
  name: guid(account.id, identityPrincipalId, dataContributorRole, container.name)
  properties: {
    principalId: identityPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRole}'
    scope: '${account.id}/dbs/${declaration.database}/colls/${container.name}'
  }
  dependsOn: [containers]
}]

resource appAppendOnlyAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = [for container in appendOnlyContainers: {
  parent: account
  name: guid(account.id, identityPrincipalId, appendOnlyRole.id, container.name)
  properties: {
    principalId: identityPrincipalId
    roleDefinitionId: appendOnlyRole.id
    scope: '${account.id}/dbs/${declaration.database}/colls/${container.name}'
  }
  dependsOn: [containers]
}]

resource userAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = if (!empty(userPrincipalId)) {
  parent: account
  name: guid(account.id, userPrincipalId, dataContributorRole)
  properties: {
    principalId: userPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRole}'
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint

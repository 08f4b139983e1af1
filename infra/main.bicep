// ServerlessSafety: the whole system for `azd up`. Subscription scope: the resource group, then modules that
// each declare one resource type and, beside it, the roles the app's identity holds on it. No keys anywhere.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('The Azure region.')
param location string

@description('Object id of the deploying user, to grant the same data roles for local debugging against Azure. Empty for none.')
param principalId string = ''

@description('Cosmos DB throughput: serverless (default) or provisioned autoscale.')
@allowed(['serverless', 'autoscale'])
param cosmosThroughput string = 'serverless'

@description('Maximum instances of the Flex Consumption app.')
param maximumInstanceCount int = 100

@description('Client id of the Microsoft Entra ID app registration moderators sign in with (app roles moderator and admin). Empty: the workspace refuses everyone.')
param moderatorsClientId string = ''

var abbrs = loadJsonContent('abbreviations.json')
var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourceGroup}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  params: { name: '${abbrs.managedIdentity}${token}', location: location, tags: tags }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.logAnalytics}${token}'
    appInsightsName: '${abbrs.appInsights}${token}'
    location: location
    tags: tags
    principalIds: union([identity.outputs.principalId], empty(principalId) ? [] : [principalId])
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  params: {
    hostAccountName: '${abbrs.storageAccount}host${token}'
    contentAccountName: '${abbrs.storageAccount}content${token}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module serviceBus 'app/servicebus.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.serviceBus}${token}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module cosmos 'app/cosmos.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.cosmosAccount}${token}'
    location: location
    tags: tags
    throughput: cosmosThroughput
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.keyVault}${take(token, 20)}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module functions 'app/functions.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.functionApp}${token}'
    planName: '${abbrs.plan}${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostBlobEndpoint: storage.outputs.hostBlobEndpoint
    hostQueueEndpoint: storage.outputs.hostQueueEndpoint
    hostTableEndpoint: storage.outputs.hostTableEndpoint
    deploymentContainer: storage.outputs.deploymentContainer
    contentBlobEndpoint: storage.outputs.contentBlobEndpoint
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    cosmosEndpoint: cosmos.outputs.endpoint
    keyVaultUri: keyVault.outputs.uri
    appInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    moderatorsClientId: moderatorsClientId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_URI string = functions.outputs.uri
output SERVICEBUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output CONTENT_BLOB_ENDPOINT string = storage.outputs.contentBlobEndpoint
output KEY_VAULT_URI string = keyVault.outputs.uri

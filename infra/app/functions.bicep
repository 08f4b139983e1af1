// The function app on Flex Consumption, running as the user-assigned identity. Every connection is identity-based
// (an endpoint, credential=managedidentity and the identity's client id); secrets are Key Vault references.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param hostBlobEndpoint string
param hostQueueEndpoint string
param hostTableEndpoint string
param deploymentContainer string
param contentBlobEndpoint string
param serviceBusNamespace string
param cosmosEndpoint string
param keyVaultUri string
param appInsightsConnectionString string
param maximumInstanceCount int
param moderatorsClientId string

var identitySettings = { credential: 'managedidentity', clientId: identityClientId }
var connections = {
  AzureWebJobsStorage: { blobServiceUri: hostBlobEndpoint, queueServiceUri: hostQueueEndpoint, tableServiceUri: hostTableEndpoint }
  Uploads: { blobServiceUri: contentBlobEndpoint }
  ServiceBus: { fullyQualifiedNamespace: serviceBusNamespace }
  CosmosDb: { accountEndpoint: cosmosEndpoint }
}
var connectionSettings = flatten(map(items(connections), c => map(items(union(c.value, identitySettings)), s => { name: '${c.key}__${s.key}', value: s.value })))
var secretSettings = [
  { name: 'Reports__StatusTokenKey', secret: 'reports-status-token-key' }
  { name: 'Notices__WebhookSecret', secret: 'notices-webhook-secret' }
  { name: 'Enforcement__Webhook__SigningSecret', secret: 'enforcement-webhook-secret' }
  { name: 'Ncmec__Password', secret: 'ncmec-password' }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(connectionSettings, map(secretSettings, s => { name: s.name, value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${s.secret}/)' }), [
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'TASKHUB_NAME', value: 'ServerlessSafety' }
        { name: 'Moderation__SignIn', value: empty(moderatorsClientId) ? 'None' : 'AppService' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
      ])
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainer
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// App Service authentication signs moderators in with Microsoft Entra ID and sets X-MS-CLIENT-PRINCIPAL (removing any
// copy a client sends); anonymous requests still reach the victims' report and status pages.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(moderatorsClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: { requireAuthentication: false, unauthenticatedClientAction: 'AllowAnonymous' }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: moderatorsClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: { allowedAudiences: ['api://${moderatorsClientId}', moderatorsClientId] }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'

// Log Analytics and Application Insights with local (key) authentication off: telemetry is sent with Entra ID.
param logAnalyticsName string
param appInsightsName string
param location string
param tags object
@description('Principals that publish telemetry (the app identity, optionally the deploying user).')
param principalIds array

// Monitoring Metrics Publisher
var metricsPublisherRole = '3913510d-42f4-4e42-8a64-420c390055eb'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource publishers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in principalIds: {
  name: guid(appInsights.id, principalId, metricsPublisherRole)
  scope: appInsights
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRole)
  }
}]

output connectionString string = appInsights.properties.ConnectionString

// Two storage accounts, keys off: one for the Functions host, Durable Functions and the deployment package; one
// for content (uploads, quarantine, evidence), so content roles are granted on content only.
@minLength(3)
param hostAccountName string
@minLength(3)
param contentAccountName string
param location string
param tags object
param identityPrincipalId string
param userPrincipalId string

// Storage Blob Data Owner (host: deployment package, blob leases, receipts)
var blobDataOwnerRole = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
// Storage Blob Data Contributor (content: read uploads, write quarantine and evidence)
var blobDataContributorRole = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
// Storage Queue Data Contributor (Durable Functions work-item and control queues)
var queueDataContributorRole = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Storage Table Data Contributor (Durable Functions history and instances)
var tableDataContributorRole = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

var commonProperties = {
  allowSharedKeyAccess: false
  allowBlobPublicAccess: false
  minimumTlsVersion: 'TLS1_2'
  supportsHttpsTrafficOnly: true
  defaultToOAuthAuthentication: true
  publicNetworkAccess: 'Enabled'
}

resource hostAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(hostAccountName, 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: commonProperties
}

resource hostBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: hostAccount
  name: 'default'
}

resource deployment 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: hostBlobs
  name: 'deploymentpackage'
}

resource contentAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(contentAccountName, 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: commonProperties
}

resource contentBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: contentAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource contentContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in ['uploads', 'quarantine', 'evidence', 'bank-index']: {
  parent: contentBlobs
  name: name
  properties: { publicAccess: 'None' }
}]

// 18 U.S.C. 2258A as amended by the REPORT Act: reported material is preserved for one year. A container-level
// time-based retention policy covers every blob written to `evidence` without the app setting per-blob policies,
// and needs no versioning. It is deployed unlocked; the operator locks it once reviewed (locking is irreversible).
resource evidenceRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: contentContainers[2]
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: 365
    allowProtectedAppendWrites: false
  }
}

var hostRoles = [blobDataOwnerRole, queueDataContributorRole, tableDataContributorRole]
var principals = union([identityPrincipalId], empty(userPrincipalId) ? [] : [userPrincipalId])

resource hostAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for pair in flatten(map(principals, p => map(hostRoles, r => { principal: p, role: r }))): {
  name: guid(hostAccount.id, pair.principal, pair.role)
  scope: hostAccount
  properties: {
    principalId: pair.principal
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', pair.role)
  }
}]

resource contentAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principal in principals: {
  name: guid(contentAccount.id, principal, blobDataContributorRole)
  scope: contentAccount
  properties: {
    principalId: principal
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRole)
  }
}]

output hostBlobEndpoint string = hostAccount.properties.primaryEndpoints.blob
output hostQueueEndpoint string = hostAccount.properties.primaryEndpoints.queue
output hostTableEndpoint string = hostAccount.properties.primaryEndpoints.table
output deploymentContainer string = '${hostAccount.properties.primaryEndpoints.blob}${deployment.name}'
output contentBlobEndpoint string = contentAccount.properties.primaryEndpoints.blob

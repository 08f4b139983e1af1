// The Service Bus namespace and the queues of config/servicebus.json, the same file the local emulator reads.
param name string
param location string
param tags object
param identityPrincipalId string
param userPrincipalId string

// Azure Service Bus Data Sender
var senderRole = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
// Azure Service Bus Data Receiver
var receiverRole = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'

var declaration = loadJsonContent('../../config/servicebus.json')

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

// maxMessageSizeInKilobytes is a Premium setting; Standard's limit is 256 KB, what the declaration asks.
resource queues 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = [for queue in declaration.queues: {
  parent: namespace
  name: queue.name
  properties: {
    lockDuration: queue.lockDuration
    maxDeliveryCount: queue.maxDeliveryCount
    defaultMessageTimeToLive: queue.defaultMessageTimeToLive
    deadLetteringOnMessageExpiration: queue.deadLetteringOnMessageExpiration
    requiresDuplicateDetection: queue.requiresDuplicateDetection
    duplicateDetectionHistoryTimeWindow: queue.duplicateDetectionHistoryTimeWindow
    requiresSession: false
  }
}]

var principals = union([identityPrincipalId], empty(userPrincipalId) ? [] : [userPrincipalId])

resource access 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for pair in flatten(map(principals, p => map([senderRole, receiverRole], r => { principal: p, role: r }))): {
  name: guid(namespace.id, pair.principal, pair.role)
  scope: namespace
  properties: {
    principalId: pair.principal
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', pair.role)
  }
}]

output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'

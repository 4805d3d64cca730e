// Service Bus namespace (Standard, Entra ID only) and the topic that carries outbound loyalty events.
// Duplicate detection is set explicitly: publishers set MessageId, so a retried send is dropped.

@description('Name of the Service Bus namespace.')
param name string

@description('Azure region for the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags object

@description('Name of the topic for loyalty events.')
param topicName string

@description('Principal id of the function app identity (gets Azure Service Bus Data Sender on the topic).')
param identityPrincipalId string

@description('Object id of the deploying principal; empty to skip the user role assignment.')
param userPrincipalId string

@description('Kind of the deploying principal: User or ServicePrincipal.')
@allowed([
  'User'
  'ServicePrincipal'
])
param userPrincipalType string

// Azure Service Bus Data Sender
var dataSenderRoleId = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    defaultMessageTimeToLive: 'P14D'
    enableBatchedOperations: true
    maxSizeInMegabytes: 1024
  }
}

resource identitySender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(topic.id, identityPrincipalId, dataSenderRoleId)
  scope: topic
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataSenderRoleId)
  }
}

resource userSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(topic.id, userPrincipalId, dataSenderRoleId)
  scope: topic
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataSenderRoleId)
  }
}

// serviceBusEndpoint looks like https://<name>.servicebus.windows.net:443/ (cloud-specific suffix).
var endpointHost = split(split(namespace.properties.serviceBusEndpoint, '//')[1], '/')[0]

output name string = namespace.name
output fullyQualifiedNamespace string = split(endpointHost, ':')[0]
output topicName string = topic.name
